"""Questions of a survey: from the bank or the coordinator's own, required, section, order,
show-if, newer version, removal."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.views import form_page, posted
from surveys.access import Need, get_question_for_user, get_survey_for_user
from surveys.builder import BuilderError
from surveys.builder.bank import bank_entries, topics_in_use
from surveys.builder.locks import questionnaire_lock
from surveys.builder.questions import (
    add_own_question,
    add_questions,
    change_question,
    move_question,
    remove_question,
    use_latest_version,
)
from surveys.forms.builder_items import OwnItemForm, own_item_fields
from surveys.forms.builder_surveys import QuestionForm
from surveys.models import Item, Section, Survey
from surveys.views.builder_common import attempt, builder_url, step_of


def _add_chosen(request: HttpRequest, survey: Survey, sections: list[Section]) -> tuple:
    """Add the ticked items to the chosen section: (section, count, error)."""
    chosen = list(
        Item.objects.available_to({survey.organisation_id}).filter(
            pk__in=[v for v in request.POST.getlist("fraga") if v.isdigit()]
        )
    )
    section = next((s for s in sections if str(s.pk) == request.POST.get("avsnitt")), None)
    if section is None:
        return None, 0, _("Välj vilket avsnitt frågorna ska läggas i.")
    if not chosen:
        return section, 0, _("Kryssa i minst en fråga att lägga till.")
    try:
        add_questions(survey=survey, user=request.user, items=chosen, section=section)
    except BuilderError as refusal:
        return section, 0, refusal.message
    return section, len(chosen), ""


@login_required
@require_http_methods(["GET", "POST"])
def question_add_from_bank(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    topic, query = request.GET.get("amne", ""), request.GET.get("sok", "").strip()
    sections = list(survey.sections.order_by("order", "id"))
    error = ""
    if request.method == "POST":
        section, count, error = _add_chosen(request, survey, sections)
        if not error:
            messages.success(request, _("Frågor tillagda: %(n)s.") % {"n": count})
            return redirect(builder_url(survey, f"avsnitt-{section.pk}"))
    present = set(survey.questions.values_list("key", flat=True))
    entries = bank_entries({survey.organisation_id}, topic, query)
    context = {
        "survey": survey,
        "entries": [e for e in entries if e.item.code not in present],
        "sections": sections,
        "topic": topic,
        "query": query,
        "topics": topics_in_use({survey.organisation_id}),
        "error": error,
        "lock": questionnaire_lock(survey),
        "chosen": request.POST.getlist("fraga"),
        "chosen_section": request.POST.get("avsnitt", str(sections[-1].pk) if sections else ""),
    }
    status = 400 if error else 200
    return render(request, "surveys/builder/bank_pick.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    initial = {"section": question.section_id, "required": question.required}
    form = QuestionForm(posted(request), question=question, initial=initial)
    if form.is_valid():
        try:
            change_question(
                survey=question.survey, user=request.user, question=question, **form.cleaned_data
            )
        except BuilderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Frågan ”%(key)s” är ändrad.") % {"key": question.key})
            return redirect(builder_url(question.survey, f"fraga-{question.pk}"))
    return form_page(
        request,
        form,
        title=_("Ändra frågan ”%(key)s”") % {"key": question.key},
        intro=question.text("sv"),
        submit=_("Spara ändringarna"),
        cancel_url=builder_url(question.survey, f"fraga-{question.pk}"),
    )


@login_required
@require_POST
def question_move(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    return attempt(
        request,
        lambda: move_question(
            survey=question.survey, user=request.user, question=question, step=step_of(request)
        ),
        _("Frågan ”%(key)s” är flyttad.") % {"key": question.key},
        builder_url(question.survey, f"fraga-{question.pk}"),
    )


@login_required
@require_POST
def question_use_latest(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    return attempt(
        request,
        lambda: use_latest_version(survey=question.survey, user=request.user, question=question),
        _("Frågan ”%(key)s” använder nu den senaste versionen.") % {"key": question.key},
        builder_url(question.survey, f"fraga-{question.pk}"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_remove(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    if request.method == "POST":
        return attempt(
            request,
            lambda: remove_question(survey=question.survey, user=request.user, question=question),
            _("Frågan ”%(key)s” är borttagen ur undersökningen.") % {"key": question.key},
            builder_url(question.survey),
        )
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort frågan ”%(key)s”?") % {"key": question.key},
        intro=_(
            "Frågan tas bort ur undersökningen men finns kvar i frågebanken. Svar från tidigare omgångar finns kvar."
        ),
        submit=_("Ta bort frågan"),
        danger=True,
        cancel_url=builder_url(question.survey, f"fraga-{question.pk}"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_add_own(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    sections = list(survey.sections.order_by("order", "id"))
    form = OwnItemForm(posted(request), organisations=[survey.organisation], sections=sections)
    if form.is_valid():
        try:
            question = add_own_question(survey=survey, user=request.user, **own_item_fields(form))
        except BuilderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Frågan ”%(key)s” är skapad och tillagd. Vill du att den bara visas ibland? "
                    "Välj Villkor vid frågan."
                )
                % {"key": question.key},
            )
            return redirect(builder_url(survey, f"fraga-{question.pk}"))
    return form_page(
        request,
        form,
        title=_("Skriv en egen fråga"),
        intro=_(
            "Frågan sparas i frågebanken som en egen fråga för %(organisation)s och läggs till "
            "i undersökningen. Översättningar gör du under Språk och översättningar."
        )
        % {"organisation": survey.organisation},
        submit=_("Skapa och lägg till frågan"),
        cancel_url=builder_url(survey),
        template="surveys/builder/item_form.html",
    )
