"""Indicator rules of a survey, their links to promise indicators, and the problem index."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import form_page, posted
from organisations.access import access_for
from organisations.auditlog import snapshot
from promises import access as promise_access
from promises.models import Indicator
from surveys.access import Need, can, get_survey_for_user
from surveys.forms.rules import LinkForm, ProblemWeightsForm, RuleForm, simple_counts
from surveys.models import IndicatorRule, Survey, SurveyIndicator
from surveys.results import services
from surveys.results.rules import condition_in_words, rules_for


def _rule_for_user(request: HttpRequest, pk: int, need: Need = Need.EDIT) -> IndicatorRule:
    rule = get_object_or_404(IndicatorRule, pk=pk)
    rule.survey = get_survey_for_user(request.user, rule.survey_id, need)
    return rule


def _list_url(survey: Survey) -> str:
    return reverse("surveys_staff:rule_list", args=[survey.pk])


def linkable_indicators(request: HttpRequest, survey: Survey) -> list[Indicator]:
    """Indicators of the survey organisation's promises that the user follows up."""
    access = access_for(request.user)
    candidates = Indicator.objects.filter(promise__parties=survey.organisation_id).select_related(
        "promise"
    )
    return [i for i in candidates.distinct() if promise_access.can_follow_up(access, i.promise)]


@login_required
@require_GET
def rule_list(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk)
    stored = list(
        survey.indicator_rules.order_by("pk").prefetch_related("indicators__indicator__promise")
    )
    questions = {q.key: q for q in survey.questions.select_related("item_version")}
    rules = rules_for(survey, set(questions), stored)
    for rule in rules:
        rule.in_words = condition_in_words(rule.counts, questions)
        base = questions.get(rule.base_key)
        rule.base_text = base.item_version.text("sv") if base else rule.base_key
    return render(
        request,
        "surveys/results/rules.html",
        {
            "survey": survey,
            "rules": rules,
            "defaults": not stored,
            "can_edit": can(access_for(request.user), survey, Need.EDIT),
            "wave": survey.waves.order_by("-year", "-opens_on").first(),
        },
    )


@login_required
@require_POST
def rules_from_defaults(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    created = services.save_default_rules(survey=survey, user=request.user)
    messages.success(
        request, _("%(n)s standardindikatorer är sparade och kan ändras.") % {"n": len(created)}
    )
    return redirect(_list_url(survey))


def _rule_page(request: HttpRequest, form: RuleForm, survey: Survey, title: str) -> HttpResponse:
    return form_page(
        request,
        form,
        title=title,
        submit=_("Spara indikatorn"),
        cancel_url=_list_url(survey),
        intro=_(
            "En indikator är andelen av dem som svarat på basfrågan som gett något av de "
            "ikryssade svaren, på någon av frågorna. Exempel (Brå): otrygg ute sen kväll = "
            "”Ganska otrygg” eller ”Mycket otrygg”, eller att man aldrig går ut för att man "
            "känner sig otrygg."
        ),
        template="surveys/results/rule_form.html",
        context={"survey": survey},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_create(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    form = RuleForm(posted(request), survey=survey, instance=IndicatorRule(survey=survey))
    if form.is_valid():
        services.save_rule(rule=form.save(commit=False), user=request.user, before=None)
        messages.success(request, _("Indikatorn är sparad."))
        return redirect(_list_url(survey))
    return _rule_page(request, form, survey, _("Ny indikator"))


@login_required
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule = _rule_for_user(request, pk)
    if simple_counts(rule.counts) is None:
        messages.error(
            request,
            _("Regeln är mer sammansatt än formuläret kan visa och kan inte ändras här."),
        )
        return redirect(_list_url(rule.survey))
    before = snapshot(rule)
    form = RuleForm(posted(request), survey=rule.survey, instance=rule)
    if form.is_valid():
        services.save_rule(rule=form.save(commit=False), user=request.user, before=before)
        messages.success(request, _("Indikatorn är ändrad. Kopplade mätvärden är omräknade."))
        return redirect(_list_url(rule.survey))
    return _rule_page(request, form, rule.survey, _("Ändra indikatorn"))


@login_required
@require_http_methods(["GET", "POST"])
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = _rule_for_user(request, pk)
    if rule.indicators.exists():
        messages.error(
            request,
            _("Indikatorn är kopplad till ett medborgarlöfte. Ta bort kopplingen först."),
        )
        return redirect(_list_url(rule.survey))
    if request.method == "POST":
        services.delete_rule(rule=rule, user=request.user)
        messages.success(request, _("Indikatorn är borttagen."))
        return redirect(_list_url(rule.survey))
    return render(request, "surveys/results/rule_delete.html", {"rule": rule})


@login_required
@require_http_methods(["GET", "POST"])
def rule_link(request: HttpRequest, pk: int) -> HttpResponse:
    rule = _rule_for_user(request, pk)
    indicators = linkable_indicators(request, rule.survey)
    form = LinkForm(posted(request), indicators=indicators)
    if form.is_valid():
        indicator = promise_access.get_indicator_for_user(
            request.user, form.cleaned_data["indicator"].pk, promise_access.Need.FOLLOW_UP
        )
        written = services.link_indicator(rule=rule, indicator=indicator, user=request.user)
        messages.success(
            request,
            _("Indikatorn hämtar nu sina mätvärden från undersökningen (%(n)s omgångar hittills).")
            % {"n": written},
        )
        return redirect(_list_url(rule.survey))
    return form_page(
        request,
        form,
        title=_("Koppla ”%(rule)s” till ett medborgarlöfte") % {"rule": rule},
        submit=_("Koppla indikatorn"),
        cancel_url=_list_url(rule.survey),
        intro=_(
            "Välj indikatorn i medborgarlöftet som ska mätas med den här regeln. När en omgång "
            "stängs får indikatorn omgångens andel med konfidensintervall av sig själv."
        )
        if indicators
        else _(
            "Det finns ingen indikator att koppla: lägg först till en indikator på sidan för "
            "ett medborgarlöfte där %(organisation)s är part och du följer upp arbetet."
        )
        % {"organisation": rule.survey.organisation},
    )


@login_required
@require_POST
def rule_unlink(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(SurveyIndicator.objects.select_related("rule", "indicator"), pk=pk)
    get_survey_for_user(request.user, link.rule.survey_id, Need.EDIT)
    promise_access.get_indicator_for_user(
        request.user, link.indicator_id, promise_access.Need.FOLLOW_UP
    )
    services.unlink_indicator(link=link, user=request.user)
    messages.success(request, _("Kopplingen är borttagen. Mätvärden som redan finns ligger kvar."))
    return redirect(_list_url(link.rule.survey))


@login_required
@require_http_methods(["GET", "POST"])
def problem_weights(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    form = ProblemWeightsForm(posted(request), weights=survey.problem_index_weights)
    if form.is_valid():
        services.set_problem_weights(survey=survey, weights=form.weights(), user=request.user)
        messages.success(request, _("Vikterna för problemindexet är sparade."))
        return redirect(_list_url(survey))
    return form_page(
        request,
        form,
        title=_("Vikter för problemindex"),
        submit=_("Spara vikterna"),
        cancel_url=_list_url(survey),
        intro=_(
            "Polisens problemindex går från 0 (knappast några problem) till 6 (alarmerande). "
            "Ange hur många poäng varje svar ger; ”Vet ej” räknas inte."
        ),
    )
