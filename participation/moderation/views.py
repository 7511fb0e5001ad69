"""Staff pages of the moderation queue: the list with filters and counts, one page per report
with one form per decision (each posting to its own URL), and the response templates."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Role
from participation.access import Need, can_moderate, can_respond, get_report_for_user
from participation.models import ReportContact, ResidentReport, ResponseTemplate
from participation.moderation import services
from participation.moderation.forms import (
    PrecisionForm,
    QueueFilterForm,
    RedactForm,
    RejectForm,
    RouteForm,
    StatusForm,
)
from participation.moderation.queue import (
    build_queue,
    overdue_days,
    overdue_q,
    queue_organisations,
)
from participation.public_reports import report_point
from promises.access import history_for

PAGE_SIZE = 50


def report_url(report: ResidentReport) -> str:
    return reverse("participation_staff:report_detail", args=[report.pk])


@login_required
@require_GET
def report_queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None, organisations=queue_organisations(request.user))
    queue = build_queue(request.user, form.filters())
    page = Paginator(queue.reports, PAGE_SIZE).get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "participation/moderation/queue.html",
        {
            "form": form,
            "queue": queue,
            "page": page,
            "query": query.urlencode(),
            "overdue_days": overdue_days(),
        },
    )


def _templates_for(request: HttpRequest) -> list[ResponseTemplate]:
    editor_of = access_for(request.user).org_ids(Role.EDITOR)
    return list(ResponseTemplate.objects.filter(organisation_id__in=editor_of))


def _detail(
    request: HttpRequest, report: ResidentReport, status: int = 200, **bound: forms.Form
) -> HttpResponse:
    """The report's page, with any form that failed validation in place of the fresh one."""
    access = access_for(request.user)
    templates = _templates_for(request)
    chosen = next((t for t in templates if str(t.pk) == request.GET.get("mall")), None)
    note = chosen.text if chosen else report.public_note
    context = {
        "report": report,
        "moderator": can_moderate(access, report),
        "responder": can_respond(access, report),
        "point": report_point(report),
        "overdue": ResidentReport.objects.filter(overdue_q(), pk=report.pk).exists(),
        "overdue_days": overdue_days(),
        "updates": list(report.updates.select_related("by")),
        "has_email": ReportContact.objects.filter(report=report).exclude(email="").exists(),
        "templates": templates,
        "chosen_template": chosen,
        "redact_form": bound.get("redact_form")
        or RedactForm(initial={"public_text": report.public_text or report.description}),
        "precision_form": bound.get("precision_form")
        or PrecisionForm(initial={"precise": "exakt" if report.precise_approved else "ungefar"}),
        "status_form": bound.get("status_form")
        or StatusForm(initial={"status": report.status, "public_note": note}),
        "route_form": bound.get("route_form")
        or RouteForm(initial={"responsible": report.responsible_id}, report=report),
        "history": history_for(request.user, report, limit=50),
    }
    return render(request, "participation/moderation/report_detail.html", context, status=status)


@login_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_report_for_user(request.user, pk))


@login_required
@require_GET
def report_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored photo, only for those who handle the report (never a public file URL)."""
    report = get_report_for_user(request.user, pk)
    if not report.photo:
        raise Http404
    response = FileResponse(report.photo.open("rb"))
    response["Cache-Control"] = "private, no-store"
    return response


def _done(request: HttpRequest, report: ResidentReport, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(report_url(report))


def _refused(
    request: HttpRequest, report: ResidentReport, problem: ValidationError
) -> HttpResponse:
    messages.error(request, " ".join(problem.messages))
    return redirect(report_url(report))


@login_required
@require_POST
def report_redact(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.MODERATE)
    form = RedactForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, 400, redact_form=form)
    services.redact(report, form.cleaned_data["public_text"], user=request.user)
    return _done(request, report, _("Den publika texten är sparad."))


@login_required
@require_POST
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.MODERATE)
    try:
        services.approve(report, user=request.user)
    except ValidationError as problem:
        return _refused(request, report, problem)
    return _done(request, report, _("Rapporten är publicerad."))


@login_required
@require_http_methods(["GET", "POST"])
def report_reject(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.MODERATE)
    form = RejectForm(posted(request))
    if form.is_valid():
        services.reject(report, form.cleaned_data["reason"], user=request.user)
        return _done(request, report, _("Rapporten är avvisad och visas inte offentligt."))
    return form_page(
        request,
        form,
        title=_("Avvisa rapporten?"),
        submit=_("Avvisa rapporten"),
        danger=True,
        intro=_(
            "Rapporten visas inte offentligt, inte heller i Open311 eller API:t. Den finns kvar "
            "här för moderatorerna tills den raderas enligt gallringsreglerna."
        ),
        cancel_url=report_url(report),
    )


PHOTO_ACTIONS = {
    "godkann": (services.approve_photo, False),
    "sudda": (services.blur_photo, True),
    "avvisa": (services.reject_photo, True),
}


@login_required
@require_http_methods(["GET", "POST"])
def report_photo_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.MODERATE)
    if action not in PHOTO_ACTIONS:
        raise Http404
    run, confirm = PHOTO_ACTIONS[action]
    if request.method == "POST" or not confirm:
        if request.method != "POST":
            return redirect(report_url(report))
        try:
            run(report, user=request.user)
        except ValidationError as problem:
            return _refused(request, report, problem)
        return _done(request, report, _("Fotot är hanterat."))
    blur = action == "sudda"
    return form_page(
        request,
        forms.Form(),
        title=_("Sudda fotot?") if blur else _("Ta bort fotot?"),
        submit=_("Sudda fotot") if blur else _("Ta bort fotot"),
        danger=True,
        intro=_(
            "Hela bilden görs suddig så att ansikten, registreringsskyltar och husnummer inte "
            "går att läsa. Originalet raderas och kan inte återställas."
        )
        if blur
        else _("Fotot raderas och kan inte återställas. Rapporten finns kvar."),
        cancel_url=report_url(report),
    )


@login_required
@require_POST
def report_precision(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.MODERATE)
    form = PrecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, 400, precision_form=form)
    services.set_precision(report, form.cleaned_data["precise"], user=request.user)
    return _done(
        request,
        report,
        _("Den exakta platsen visas offentligt.")
        if report.precise_approved
        else _("Platsen visas ungefärligt."),
    )


@login_required
@require_POST
def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.RESPOND)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, 400, status_form=form)
    services.change_status(
        report, form.cleaned_data["status"], form.cleaned_data["public_note"], user=request.user
    )
    return _done(request, report, _("Status och svar är sparade."))


@login_required
@require_POST
def report_route(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.MODERATE)
    form = RouteForm(request.POST, report=report)
    if not form.is_valid():
        return _detail(request, report, 400, route_form=form)
    services.route(report, form.cleaned_data["responsible"], user=request.user)
    return _done(request, report, _("Ansvarig organisation är sparad."))
