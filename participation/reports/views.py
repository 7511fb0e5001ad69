"""The public report form (`/kommun/<slug>/rapportera/`) and the private follow page
(`/rapport/<token>/`). Steps of the form, all as plain POSTs (no JavaScript needed):
the form → (only when similar published reports are near) "Har någon redan rapporterat det
här?" → the report is filed and the browser goes to its follow page."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from organisations.models import Municipality
from participation.reports import follow, photos, submission, throttle
from participation.reports.display import form_context
from participation.reports.forms import ReportForm
from participation.reports.nearby import nearby_reports

JUST_FILED_SESSION_KEY = "report_just_filed"


def _municipality_or_404(key: str) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("county"), slug=key)


def _form_page(request: HttpRequest, form: ReportForm, status: int = 200, **extra: object):
    context = form_context(form, photo_was_chosen=bool(request.FILES.get("photo")), **extra)
    return render(request, "participation/report_form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest, key: str) -> HttpResponse:
    municipality = _municipality_or_404(key)
    if request.method == "GET":
        return _form_page(request, ReportForm(municipality=municipality))
    form = ReportForm(request.POST, request.FILES, municipality=municipality)
    if form.bot:
        # Only bots fill in the hidden field: they get the same answer as people, nothing kept.
        return render(
            request, "participation/report_discarded.html", {"municipality": municipality}
        )
    if throttle.is_throttled(request):
        return _form_page(request, form, status=429, throttled=True)
    if not form.is_valid() or "edit" in request.POST:
        return _form_page(request, form)
    if "support" in request.POST:
        return _support(request, form)
    if "send" not in request.POST:
        nearby = _nearby(form)
        if nearby:
            if form.photo_bytes and not form.held_reference:
                form.held_reference = photos.hold(form.photo_bytes)
            return render(
                request, "participation/report_nearby.html", form_context(form, nearby=nearby)
            )
    report, token = submission.file_report(
        municipality=municipality,
        data=form.cleaned_data,
        photo=form.photo_bytes,
        held_photo=form.held_photo_name,
    )
    throttle.count(request)
    request.session[JUST_FILED_SESSION_KEY] = report.tracking_token_hash
    return redirect("participation:report_follow", token=token)


def _nearby(form: ReportForm) -> list:
    data = form.cleaned_data
    return nearby_reports(
        municipality_id=form.municipality.pk,
        category_id=data["category"].pk,
        point=data.get("point"),
        area_id=data["area"].pk if data.get("area") else None,
    )


def _support(request: HttpRequest, form: ReportForm) -> HttpResponse:
    try:
        report_id = int(request.POST["support"])
    except ValueError:
        return _form_page(request, form)
    supported = submission.add_support(
        session=request.session,
        report_id=report_id,
        municipality=form.municipality,
        category=form.cleaned_data["category"],
    )
    if supported is None:
        return _form_page(request, form)
    throttle.count(request)
    photos.release(form.held_photo_name)
    return render(
        request,
        "participation/report_supported.html",
        {"municipality": form.municipality, "report": supported},
    )


@never_cache
@require_GET
def report_follow(request: HttpRequest, token: str) -> HttpResponse:
    page = follow.follow_page(token)
    if page is None:
        raise Http404
    just_filed = request.session.get(JUST_FILED_SESSION_KEY) == page.report.tracking_token_hash
    if just_filed:
        del request.session[JUST_FILED_SESSION_KEY]
    response = render(
        request,
        "participation/report_follow.html",
        {"page": page, "just_filed": just_filed, "link": request.build_absolute_uri()},
    )
    # The address is the key to the page: never send it on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
