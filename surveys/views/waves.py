"""Staff pages for a survey's waves: the list, create and edit, open, close, delete and the
overview with the response rate per area."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.qr import qr_svg
from core.views import form_page, posted
from organisations.access import access_for
from organisations.auditlog import audited_delete, audited_save
from surveys import services
from surveys.access import Need, can, get_survey_for_user, get_wave_for_user
from surveys.forms.waves import WaveForm
from surveys.links import open_link_url
from surveys.models import ResponseDraft, Survey, Wave, WaveStatus
from surveys.results import ClosingReport
from surveys.services_waves import (
    WaveRefused,
    area_counts,
    close_wave,
    ensure_open_link_token,
    opening_problems,
    parties_of,
    response_counts,
    wave_totals,
)


def _overview(wave: Wave) -> HttpResponse:
    return redirect("surveys_staff:wave_detail", wave.pk)


def closing_message(report: ClosingReport) -> str:
    """What closing did, in words for the coordinator."""
    text = _("Omgången är stängd. Inga fler svar tas emot.")
    if report.weighted:
        text += " " + _("Svaren är viktade mot befolkningen.")
    else:
        text += " " + _("Svaren är inte viktade (se varför nedan).")
    if report.measurements:
        text += " " + _("Nya mätvärden för: %(names)s.") % {"names": ", ".join(report.measurements)}
    if report.not_measured:
        text += " " + _("För få svarande för att visa: %(names)s.") % {
            "names": ", ".join(report.not_measured)
        }
    return text


@login_required
@require_GET
def wave_list(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk)
    waves = list(survey.waves.all())
    counts = response_counts([w.pk for w in waves])
    context = {
        "survey": survey,
        "waves": [(w, counts[w.pk]) for w in waves],
        "can_edit": can(access_for(request.user), survey, Need.EDIT),
    }
    return render(request, "surveys/waves/wave_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def wave_create(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    year = timezone.localdate().year
    initial = {"year": year, "name": _("Trygghetsmätning %(year)s") % {"year": year}}
    form = WaveForm(posted(request), survey=survey, instance=Wave(survey=survey), initial=initial)
    if form.is_valid():
        wave = audited_save(
            form,
            user=request.user,
            action="wave.created",
            parties=lambda w: parties_of(w),
            created_by=request.user,
        )
        messages.success(request, _("Omgången är skapad. Skapa inbjudningskoder och öppna den."))
        return _overview(wave)
    return _wave_form_page(request, form, survey, title=_("Ny omgång"), submit=_("Skapa omgången"))


@login_required
@require_http_methods(["GET", "POST"])
def wave_edit(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    if wave.status == WaveStatus.CLOSED:
        messages.error(request, _("En stängd omgång kan inte ändras: resultaten vilar på den."))
        return _overview(wave)
    form = WaveForm(posted(request), survey=wave.survey, instance=wave)
    if form.is_valid():
        ensure_open_link_token(form.instance)
        audited_save(form, user=request.user, action="wave.changed", parties=parties_of)
        messages.success(request, _("Omgången är ändrad."))
        return _overview(wave)
    return _wave_form_page(
        request, form, wave.survey, title=_("Ändra omgången"), submit=_("Spara ändringarna")
    )


def _wave_form_page(
    request: HttpRequest, form: WaveForm, survey: Survey, *, title: str, submit: str
) -> HttpResponse:
    instance = form.instance
    cancel = (
        reverse("surveys_staff:wave_detail", args=[instance.pk])
        if instance.pk
        else reverse("surveys_staff:wave_list", args=[survey.pk])
    )
    return form_page(
        request,
        form,
        title=title,
        submit=submit,
        intro=str(survey),
        cancel_url=cancel,
        template="surveys/waves/wave_form.html",
        context={"survey": survey, "wave": instance},
    )


@login_required
@require_GET
def wave_detail(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk)
    access = access_for(request.user)
    rows = area_counts(wave)
    link = open_link_url(wave) if wave.status == WaveStatus.OPEN else None
    context = {
        "wave": wave,
        "survey": wave.survey,
        "rows": rows,
        "totals": wave_totals(rows),
        "open_link": link,
        "open_link_qr": qr_svg(link, title=_("QR-kod för den öppna länken")) if link else "",
        "can_edit": can(access, wave.survey, Need.EDIT),
        "can_enter": can(access, wave.survey, Need.ENTER),
        "closes_passed": wave.closes_on < timezone.localdate(),
    }
    return render(request, "surveys/waves/wave_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def wave_open(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    problems = opening_problems(wave)
    if request.method == "POST" and not problems:
        services.open_wave(wave=wave, user=request.user, parties=parties_of(wave))
        messages.success(request, _("Omgången är öppen för svar."))
        return _overview(wave)
    if request.method == "POST":
        messages.error(request, _("Omgången kan inte öppnas än. Rätta det som står nedan."))
    context = {"wave": wave, "problems": problems, "invitations": wave.invitations.count()}
    status = 400 if request.method == "POST" else 200
    return render(request, "surveys/waves/wave_open.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def wave_close(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    if wave.status != WaveStatus.OPEN:
        messages.error(request, _("Bara en öppen omgång kan stängas."))
        return _overview(wave)
    if request.method == "POST":
        try:
            report = close_wave(wave=wave, user=request.user)
        except WaveRefused as refusal:
            messages.error(request, str(refusal))
            return _overview(wave)
        messages.success(request, closing_message(report))
        if report.problem:
            messages.warning(request, report.problem)
        return redirect("surveys_staff:wave_results", wave.pk)
    totals = wave_totals(area_counts(wave))
    drafts = ResponseDraft.objects.filter(wave=wave).count()
    intro = _(
        "%(answers)s svar har kommit in. Oanvända koder och den öppna länken slutar gälla, och "
        "%(drafts)s påbörjade svar som inte har skickats in tas bort. Det går inte att ångra."
    ) % {"answers": totals.answered + totals.open_link + totals.imported, "drafts": drafts}
    intro += " " + _(
        "När omgången stängs räknas vikterna ut, löftenas indikatorer får sina mätvärden och "
        "huvudresultaten blir publika på kommunens sida (små grupper visas aldrig)."
    )
    return form_page(
        request,
        forms.Form(),
        title=_("Stänga omgången ”%(name)s”?") % {"name": wave.name},
        submit=_("Stäng omgången"),
        danger=True,
        intro=intro,
        cancel_url=reverse("surveys_staff:wave_detail", args=[wave.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def wave_delete(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    if wave.status != WaveStatus.DRAFT or wave.responses.exists():
        messages.error(request, _("Bara en omgång som inte har öppnats kan tas bort."))
        return _overview(wave)
    if request.method == "POST":
        audited_delete(wave, user=request.user, action="wave.deleted", parties=parties_of(wave))
        messages.success(request, _("Omgången är borttagen."))
        return redirect("surveys_staff:wave_list", wave.survey_id)
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort omgången ”%(name)s”?") % {"name": wave.name},
        submit=_("Ta bort omgången"),
        danger=True,
        intro=_("Omgången och dess %(n)s inbjudningskoder tas bort. Det går inte att ångra.")
        % {"n": wave.invitations.count()},
        cancel_url=reverse("surveys_staff:wave_detail", args=[wave.pk]),
    )
