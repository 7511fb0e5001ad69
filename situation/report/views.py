"""Staff pages of the lägesbild under /personal/lagesbild/rapporter/: create, edit the
coordinators' texts, suggested focus areas (each carried into a draft promise with one button),
publish (freezing the figures), PDF, delete."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Role
from promises.access import history_for
from situation.access import Need, can_edit_report, get_report_for_user, reports_visible_to
from situation.models import SituationReport, SuggestedFocusArea
from situation.report import services
from situation.report.document import document_context, pdf_for
from situation.report.forms import PARTS, FocusAreaForm, ReportForm, text_form

LIST_URL = "situation_report:list"


def _detail(report: SituationReport) -> str:
    return reverse("situation_report:detail", args=[report.pk])


def _editable(request: HttpRequest, pk: int) -> SituationReport:
    report = get_report_for_user(request.user, pk, Need.EDIT)
    if report.is_published:
        raise PermissionDenied(
            _(
                "Lägesbilden är publicerad och kan inte ändras. Gör en ny lägesbild för nästa period."
            )
        )
    return report


@login_required
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    reports = (
        reports_visible_to(request.user)
        .select_related("organisation")
        .prefetch_related("municipalities")
    )
    can_create = bool(access_for(request.user).org_ids(Role.EDITOR))
    return render(
        request, "situation/report/list.html", {"reports": reports, "can_create": can_create}
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.org_ids(Role.EDITOR):
        raise PermissionDenied(_("Bara redaktörer och administratörer kan göra en lägesbild."))
    form = ReportForm(posted(request), access=access)
    if form.is_valid():
        report = services.save_report(form, user=request.user, action="situation_report.created")
        messages.success(request, _("Lägesbilden är skapad. Skriv nu kartläggning och analys."))
        return redirect(_detail(report))
    return form_page(
        request,
        form,
        title=_("Ny lägesbild"),
        intro=_(
            "Välj kommuner, områden och period. Siffrorna hämtas från det som finns inläst för "
            "perioden; texterna skriver du sedan."
        ),
        submit=_("Skapa lägesbilden"),
        cancel_url=reverse(LIST_URL),
    )


@login_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    context = document_context(report)
    context |= {
        "can_edit": can_edit_report(request.user, report) and not report.is_published,
        "can_carry": can_edit_report(request.user, report),
        "history": history_for(request.user, report),
        "staff": True,
    }
    return render(request, "situation/report/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable(request, pk)
    form = ReportForm(posted(request), instance=report, access=access_for(request.user))
    if form.is_valid():
        services.save_report(form, user=request.user, action="situation_report.changed")
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(_detail(report))
    return form_page(
        request,
        form,
        title=_("Ändra lägesbilden"),
        submit=_("Spara ändringarna"),
        cancel_url=_detail(report),
    )


TEXT_TITLES = {
    "kartlaggning": (
        gettext_lazy("Kartläggning"),
        gettext_lazy(
            "Brottsligheten i området, dess omfattning och konsekvenser, med egna ord: vad "
            "siffrorna, kartorna och tidsmönstren visar."
        ),
    ),
    "annan-information": (
        gettext_lazy("Annan information"),
        gettext_lazy(
            "Annat som har betydelse: planerat byggande, nya verksamheter, evenemang, "
            "förändringar i skolor och föreningsliv."
        ),
    ),
    "analys": (
        gettext_lazy("Analys"),
        gettext_lazy(
            "Vilka problem prioriteras och varför. Orsakerna enligt brottstriangeln: plats och "
            "situation, offer och mål, gärningsperson (mönster, aldrig enskilda personer). "
            "Situationella och sociala åtgärder, på kort och lång sikt."
        ),
    ),
    "kallor": (
        gettext_lazy("Källor och deras begränsningar"),
        gettext_lazy("Källor utöver dem som plattformen anger, och vad de inte kan visa."),
    ),
}


@login_required
@require_http_methods(["GET", "POST"])
def report_text(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    if part not in PARTS:
        raise Http404
    report = _editable(request, pk)
    form = text_form(part)(posted(request), instance=report)
    if form.is_valid():
        services.save_report(form, user=request.user, action=f"situation_report.text_{part}")
        messages.success(request, _("Texten är sparad."))
        return redirect(_detail(report) + f"#{part}")
    heading, intro = TEXT_TITLES[part]
    return form_page(
        request,
        form,
        title=str(heading),
        intro=str(intro),
        submit=_("Spara texten"),
        cancel_url=_detail(report),
        context={"report": report},
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable(request, pk)
    if request.method == "POST":
        try:
            services.publish_report(report=report, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(_detail(report))
        messages.success(request, _("Lägesbilden är publicerad. Siffrorna är nu låsta."))
        return redirect(_detail(report))
    return form_page(
        request,
        forms.Form(),
        title=_("Publicera lägesbilden?"),
        intro=_(
            "Siffrorna låses som de är i dag: en senare inläsning ändrar inte den publicerade "
            "lägesbilden. Texterna kan inte ändras efteråt. Lägesbilden visas för alla på "
            "kommunens sida och på sidorna för de löften som bygger på den."
        ),
        submit=_("Publicera"),
        cancel_url=_detail(report),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_delete(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable(request, pk)
    if request.method == "POST":
        services.delete_report(report=report, user=request.user)
        messages.success(request, _("Lägesbilden ”%(title)s” är borttagen.") % {"title": report})
        return redirect(LIST_URL)
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort lägesbilden?"),
        submit=_("Ta bort lägesbilden"),
        danger=True,
        intro=_("”%(title)s” och dess texter och fokusområden tas bort. Det går inte att ångra.")
        % {"title": report},
        cancel_url=_detail(report),
    )


@login_required
@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return pdf_for(get_report_for_user(request.user, pk), request)


# Suggested focus areas


def _focus_area(request: HttpRequest, pk: int, focus_pk: int) -> SuggestedFocusArea:
    report = _editable(request, pk)
    return get_object_or_404(report.suggested_focus_areas.select_related("report"), pk=focus_pk)


@login_required
@require_http_methods(["GET", "POST"])
def focus_area_create(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable(request, pk)
    form = FocusAreaForm(posted(request), instance=SuggestedFocusArea(report=report))
    if form.is_valid():
        services.save_focus_area(form, user=request.user, report=report)
        messages.success(request, _("Fokusområdet är sparat."))
        return redirect(_detail(report) + "#fokusomraden")
    return form_page(
        request,
        form,
        title=_("Föreslå ett fokusområde"),
        intro=_("Ett prioriterat problem och dess orsaker enligt brottstriangeln."),
        submit=_("Spara fokusområdet"),
        cancel_url=_detail(report),
    )


@login_required
@require_http_methods(["GET", "POST"])
def focus_area_edit(request: HttpRequest, pk: int, focus_pk: int) -> HttpResponse:
    focus_area = _focus_area(request, pk, focus_pk)
    form = FocusAreaForm(posted(request), instance=focus_area)
    if form.is_valid():
        services.save_focus_area(form, user=request.user, report=focus_area.report)
        messages.success(request, _("Fokusområdet är ändrat."))
        return redirect(_detail(focus_area.report) + "#fokusomraden")
    return form_page(
        request,
        form,
        title=_("Ändra fokusområdet"),
        submit=_("Spara ändringarna"),
        cancel_url=_detail(focus_area.report),
    )


@login_required
@require_http_methods(["GET", "POST"])
def focus_area_delete(request: HttpRequest, pk: int, focus_pk: int) -> HttpResponse:
    focus_area = _focus_area(request, pk, focus_pk)
    if request.method == "POST":
        services.delete_focus_area(focus_area=focus_area, user=request.user)
        messages.success(request, _("Fokusområdet är borttaget."))
        return redirect(_detail(focus_area.report) + "#fokusomraden")
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort fokusområdet?"),
        submit=_("Ta bort fokusområdet"),
        danger=True,
        intro=_("”%(title)s” tas bort från lägesbilden.") % {"title": focus_area},
        cancel_url=_detail(focus_area.report),
    )


@login_required
@require_POST
def focus_area_promise(request: HttpRequest, pk: int, focus_pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, Need.EDIT)
    focus_area = get_object_or_404(report.suggested_focus_areas, pk=focus_pk)
    focus_area.report = report
    try:
        promise = services.carry_into_promise(focus_area=focus_area, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(_detail(report) + "#fokusomraden")
    messages.success(
        request,
        _(
            "Ett utkast till medborgarlöfte med fokusområdet ”%(focus)s” är skapat och bygger på "
            "lägesbilden. Skriv nu målet och åtagandena."
        )
        % {"focus": focus_area.title},
    )
    return redirect(promise.get_staff_url())
