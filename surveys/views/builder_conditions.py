"""The show-if editor: "Visa bara om [fråga] är [ett av alternativen]", in two plain steps
(choose the question, then its options) so that it works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from surveys.access import get_question_for_user
from surveys.builder import BuilderError
from surveys.builder.conditions_text import describe
from surveys.builder.questions import set_show_if
from surveys.forms.builder_surveys import ShowIfQuestionForm, ShowIfValuesForm
from surveys.models import Question
from surveys.questionnaire import survey_questions
from surveys.views.builder_common import builder_url


def _values_form(request: HttpRequest, question: Question, ordered: list[Question]) -> object:
    """Step two's form for the question named in the request, or None."""
    key = request.POST.get("q") if request.method == "POST" else request.GET.get("q")
    condition_on = next((q for q in ordered if q.key == key and q.pk != question.pk), None)
    if condition_on is None:
        return None
    data = request.POST if request.method == "POST" else None
    initial = {}
    if question.show_if and question.show_if.get("q") == key:
        initial["values"] = question.show_if.get("values") or [question.show_if.get("value")]
    return ShowIfValuesForm(data, condition_on=condition_on, initial=initial)


def _save(request: HttpRequest, question: Question, condition: dict | None) -> str:
    """Store the condition; the refusal's message, or "" when stored."""
    try:
        set_show_if(
            survey=question.survey, user=request.user, question=question, condition=condition
        )
    except BuilderError as error:
        return error.message
    return ""


def _post(request: HttpRequest, question: Question, values_form: object) -> tuple[str, str]:
    """(error, success message) of removing or setting the condition."""
    if request.POST.get("atgard") == "ta-bort":
        return _save(request, question, None), _("Villkoret är borttaget: frågan visas alltid.")
    if values_form is None:
        return _("Välj vilken fråga villkoret bygger på."), ""
    if not values_form.is_valid():
        return _("Rätta det som är markerat nedan."), ""
    return _save(request, question, values_form.condition()), _("Villkoret är sparat.")


@login_required
@require_http_methods(["GET", "POST"])
def question_show_if(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    ordered = survey_questions(question.survey)
    earlier = ordered[: next(i for i, q in enumerate(ordered) if q.pk == question.pk)]
    values_form = _values_form(request, question, ordered)
    error = ""
    if request.method == "POST":
        error, done = _post(request, question, values_form)
        if not error:
            messages.success(request, done)
            return redirect(builder_url(question.survey, f"fraga-{question.pk}"))
    by_key = {q.key: q for q in ordered}
    context = {
        "question": question,
        "question_text": question.text("sv"),
        "survey": question.survey,
        "current": describe(question.show_if, by_key),
        "question_form": ShowIfQuestionForm(initial={"q": request.GET.get("q")}, earlier=earlier),
        "values_form": values_form,
        "error": error,
    }
    status = 400 if error else 200
    return render(request, "surveys/builder/show_if.html", context, status=status)
