"""Invitation codes for a wave's sample: creating them in bulk per area, the CSV for a mail
house, the printable letters, and the open link's poster. Taking codes out is audited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.pdf import pdf_file_response, pdf_response
from core.qr import qr_svg
from core.views import posted
from organisations.models import Area
from surveys.access import Need, get_wave_for_user
from surveys.forms.waves import InvitationCountsForm
from surveys.letters import (
    LETTERS_PER_PDF,
    find_batch,
    invitations_csv,
    letter_batches,
    render_letters,
)
from surveys.links import open_link_url, typed_address
from surveys.models import Wave, WaveStatus
from surveys.services_waves import (
    WaveRefused,
    area_counts,
    generate_invitations,
    record_export,
)


@login_required
@require_http_methods(["GET", "POST"])
def invitations_create(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    areas = list(Area.objects.of_municipality(wave.survey.municipality_id))
    existing = {row.area.pk if row.area else None: row.invitations for row in area_counts(wave)}
    form = InvitationCountsForm(posted(request), areas=areas, existing=existing)
    refusal = _refusal(wave)
    if refusal is None and form.is_valid():
        try:
            total = generate_invitations(wave=wave, user=request.user, counts=form.counts())
        except WaveRefused as error:
            refusal = str(error)
        else:
            messages.success(
                request,
                _("%(n)s nya inbjudningskoder är skapade.")
                % {"n": number_format(total, force_grouping=True)},
            )
            return redirect("surveys_staff:wave_detail", wave.pk)
    status = 400 if request.method == "POST" else 200
    context = {"wave": wave, "form": form, "refusal": refusal, "has_areas": bool(areas)}
    return render(request, "surveys/waves/invitations_form.html", context, status=status)


def _refusal(wave: Wave) -> str | None:
    if wave.status == WaveStatus.CLOSED:
        return _("Omgången är stängd. Koder kan inte skapas i en stängd omgång.")
    if not wave.uses_sample:
        return _("Omgången använder inte urval med inbjudningskoder. Slå på det under ”Ändra”.")
    return None


@login_required
@require_GET
def invitations_csv_download(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    count = wave.invitations.count()
    if not count:
        messages.error(request, _("Omgången har inga inbjudningskoder än."))
        return redirect("surveys_staff:wave_detail", wave.pk)
    record_export(wave=wave, user=request.user, action="wave.invitations_exported", count=count)
    response = StreamingHttpResponse(invitations_csv(wave), content_type="text/csv; charset=utf-8")
    filename = f"inbjudningar-{wave.year}-omgang-{wave.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def letters(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    context = {"wave": wave, "batches": letter_batches(wave), "per_file": LETTERS_PER_PDF}
    return render(request, "surveys/waves/letters.html", context)


@login_required
@require_GET
def letters_pdf(request: HttpRequest, pk: int, area: int, part: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    batch = find_batch(wave, area, part)
    if batch is None:
        raise Http404(_("Det finns ingen sådan del av breven. Välj en del i listan."))
    pdf = render_letters(wave, batch)
    record_export(wave=wave, user=request.user, action="wave.letters_printed", count=batch.count)
    return pdf_file_response(pdf, batch.filename(wave))


@login_required
@require_GET
def open_link_poster(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk)
    link = open_link_url(wave) if wave.status == WaveStatus.OPEN else None
    if link is None:
        raise Http404(_("Omgången har ingen öppen länk just nu."))
    context = {
        "wave": wave,
        "survey": wave.survey,
        "link": link,
        "address": typed_address(link),
        "qr": qr_svg(link, title=_("QR-kod för den öppna länken")),
    }
    return pdf_response("pdf/open_link_poster.html", context, f"oppen-lank-{wave.year}.pdf")
