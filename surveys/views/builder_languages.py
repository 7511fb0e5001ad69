"""A survey's languages: add one, remove one, and translate every text on one page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for
from surveys.access import Need, can, get_survey_for_user
from surveys.builder import BuilderError
from surveys.builder.locks import questionnaire_lock
from surveys.builder.surveys import SHIPPED_LANGUAGES, add_language, remove_language
from surveys.builder.translations import save_translations
from surveys.forms.builder_surveys import LanguageForm
from surveys.forms.builder_translations import TranslationForm
from surveys.models import Survey, SurveyLanguage
from surveys.questionnaire import survey_questions
from surveys.views.builder_common import attempt


def _languages_url(survey: Survey) -> str:
    return reverse("surveys_staff:language_list", args=[survey.pk])


@login_required
@require_GET
def language_list(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk)
    return render(
        request,
        "surveys/builder/language_list.html",
        {
            "survey": survey,
            "languages": survey.languages.all(),
            "shipped": SHIPPED_LANGUAGES,
            "can_edit": can(access_for(request.user), survey, Need.EDIT),
            "form": LanguageForm(taken=set()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def language_add(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    taken = set(survey.languages.values_list("code", flat=True))
    form = LanguageForm(posted(request), taken=taken)
    if form.is_valid():
        try:
            language = add_language(survey=survey, user=request.user, **form.cleaned_data)
        except BuilderError as error:
            form.add_error("code", error.message)
        else:
            messages.success(
                request,
                _("%(name)s är tillagt. Översätt texterna nedan.") % {"name": language.name},
            )
            return redirect("surveys_staff:translate", pk=survey.pk, code=language.code)
    return form_page(
        request,
        form,
        title=_("Lägg till ett språk"),
        intro=_(
            "Svenska, engelska och arabiska finns färdiga. Ett annat språk lägger du till här "
            "och översätter sedan alla texter på en sida, utan programmering."
        ),
        submit=_("Lägg till språket"),
        cancel_url=_languages_url(survey),
    )


@login_required
@require_http_methods(["GET", "POST"])
def language_remove(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    language = get_object_or_404(survey.languages, code=code)
    if request.method == "POST":
        return attempt(
            request,
            lambda: remove_language(survey=survey, user=request.user, language=language),
            _("%(name)s är borttaget.") % {"name": language.name},
            _languages_url(survey),
        )
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort %(name)s?") % {"name": language.name},
        intro=_(
            "Undersökningens egna översättningar till språket tas bort. Frågebankens texter finns kvar."
        ),
        submit=_("Ta bort språket"),
        danger=True,
        cancel_url=_languages_url(survey),
    )


def _translation_form(
    request: HttpRequest, survey: Survey, language: SurveyLanguage
) -> TranslationForm:
    return TranslationForm(
        posted(request),
        survey=survey,
        language=language,
        sections=list(survey.sections.order_by("order", "id")),
        questions=survey_questions(survey),
        locked=questionnaire_lock(survey).is_locked,
    )


@login_required
@require_http_methods(["GET", "POST"])
def translate(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    language = get_object_or_404(survey.languages.exclude(code="sv"), code=code)
    form = _translation_form(request, survey, language)
    if form.is_valid():
        changed = save_translations(
            survey=survey,
            user=request.user,
            language=language,
            survey_texts=form.survey_texts(),
            section_texts=form.section_texts(),
            question_texts=form.question_texts(),
            ui=form.ui(),
        )
        messages.success(
            request,
            _("Översättningen är sparad (%(n)s texter ändrade).") % {"n": len(changed)}
            if changed
            else _("Inget ändrades."),
        )
        return redirect("surveys_staff:translate", pk=survey.pk, code=code)
    context = {"survey": survey, "language": language, "form": form}
    return render(
        request, "surveys/builder/translate.html", context, status=400 if form.errors else 200
    )
