"""The residents' way into a survey: the code from the letter, the open link, and the kind
messages for a code or link that cannot answer. Public and anonymous: nothing here stores an IP
address, a user agent or a time (surveys.answering explains the draft)."""

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone, translation
from django.views.decorators.http import require_GET, require_http_methods

from core.maps import tile_origin
from surveys.answer_texts import CATALOGUE_LANGUAGES, ui_texts
from surveys.answering import (
    DRAFT_COOKIE,
    DRAFT_COOKIE_PATH,
    CodeState,
    Questionnaire,
    find_draft,
    load_questionnaire,
    look_up_code,
    start_draft,
    wave_for_open_link,
)
from surveys.forms.answer import CodeForm
from surveys.models import SurveyLanguage, Wave, WaveStatus, translated

LANGUAGE_PARAM = "sprak"
SWEDISH = SurveyLanguage(code="sv", name="Svenska")
SHIPPED = [
    SWEDISH,
    SurveyLanguage(code="en", name="English"),
    SurveyLanguage(code="ar", name="العربية", rtl=True),
]
# The longest a draft cookie lives: a survey wave is open for weeks, not for years.
DRAFT_MAX_DAYS = 120


def choose_language(
    request: HttpRequest, languages: list[SurveyLanguage], current: str = "sv"
) -> SurveyLanguage:
    """The language asked for (?sprak= or a posted field), else the current one, else Swedish."""
    by_code = {language.code: language for language in languages}
    asked = request.POST.get(LANGUAGE_PARAM) or request.GET.get(LANGUAGE_PARAM) or current
    return by_code.get(asked) or by_code.get(current) or by_code.get("sv") or SWEDISH


def gettext_language(code: str) -> str:
    """The catalogue for a survey language: a translator-added one has none (its texts are in
    SurveyLanguage.ui) and falls back to Swedish."""
    return code if code in CATALOGUE_LANGUAGES else "sv"


def render_answer(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    language: SurveyLanguage,
    languages: Sequence[SurveyLanguage] = (),
    status: int = 200,
) -> HttpResponse:
    """An answer page in the respondent's language, with its direction, never cached, and
    allowed to load nothing from anyone else."""
    ui = ui_texts(language.code, language)
    context = {
        "ui": ui,
        "language": language,
        "languages": [lang for lang in languages if lang.code != language.code],
        "language_param": LANGUAGE_PARAM,
        **context,
    }
    with translation.override(gettext_language(language.code)):
        response = render(request, template, context, status=status)
    response["Content-Language"] = language.code
    response["Cache-Control"] = "no-store"
    images = " ".join(filter(None, ["'self'", "data:", tile_origin()]))
    response["Content-Security-Policy"] = (
        f"default-src 'self'; img-src {images}; style-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    return response


def message(
    request: HttpRequest,
    kind: str,
    *,
    language: SurveyLanguage = SWEDISH,
    wave: Wave | None = None,
    status: int = 200,
) -> HttpResponse:
    """A kind message: a used code, a closed or not yet open survey, a link that is wrong."""
    ui = ui_texts(language.code, language)
    text = ui[f"{kind}_text"]
    if kind == "not_open" and wave is not None:
        text = text % {"date": swedish_date(wave.opens_on, language.code)}
    context = {"title": ui[f"{kind}_title"], "text": text, "kind": kind}
    return render_answer(
        request, "surveys/answer/message.html", context, language=language, status=status
    )


def swedish_date(day: datetime.date, language: str) -> str:
    """A date written the Swedish way ("1 september 2025"), in the page's language."""
    with translation.override(gettext_language(language)):
        return formats.date_format(day, "j F Y")


def set_draft_cookie(response: HttpResponse, token: str, wave: Wave) -> None:
    days = max(1, min(DRAFT_MAX_DAYS, (wave.closes_on - timezone.localdate()).days + 1))
    response.set_cookie(
        DRAFT_COOKIE,
        token,
        max_age=days * 86400,
        path=DRAFT_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget_draft(response: HttpResponse) -> HttpResponse:
    response.delete_cookie(DRAFT_COOKIE, path=DRAFT_COOKIE_PATH, samesite="Lax")
    return response


def _entry_page(
    request: HttpRequest, form: CodeForm, language: SurveyLanguage, status: int = 200
) -> HttpResponse:
    draft = find_draft(request.COOKIES.get(DRAFT_COOKIE, ""))
    has_draft = draft is not None and draft.wave.status == WaveStatus.OPEN
    context = {"form": form, "has_draft": has_draft}
    return render_answer(
        request,
        "surveys/answer/entry.html",
        context,
        language=language,
        languages=SHIPPED,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def entry(request: HttpRequest) -> HttpResponse:
    language = choose_language(request, SHIPPED)
    ui = ui_texts(language.code)
    if request.method == "GET":
        form = CodeForm(initial={"kod": request.GET.get("kod", "")}, ui=ui)
        return _entry_page(request, form, language)
    form = CodeForm(request.POST, ui=ui)
    if not form.is_valid():
        return _entry_page(request, form, language, status=400)
    state, invitation = look_up_code(form.cleaned_data["kod"])
    if state == CodeState.UNKNOWN:
        form.add_error("kod", ui["code_unknown"] % {"code": form.cleaned_data["kod"]})
        return _entry_page(request, form, language, status=400)
    if state != CodeState.OK:
        return message(request, state, language=language, wave=invitation.wave)
    return _resume_or_start(request, invitation.wave, invitation.code, language.code)


def _resume_or_start(request: HttpRequest, wave: Wave, code: str, language: str) -> HttpResponse:
    """Opening the same code again in the same browser goes on with the answers typed."""
    draft = find_draft(request.COOKIES.get(DRAFT_COOKIE, ""))
    if draft is not None and draft.wave_id == wave.pk and draft.invitation_code == code:
        return redirect("surveys:intro")
    languages = {lang.code for lang in wave.survey.languages.all()}
    _draft, token = start_draft(
        wave=wave, code=code, language=language if language in languages else "sv"
    )
    response = redirect("surveys:intro")
    set_draft_cookie(response, token, wave)
    return response


@require_GET
def code_link(request: HttpRequest, code: str) -> HttpResponse:
    """The link (and QR code) in the letter: the entry page with the code filled in. Nothing
    starts on a GET, so a mail scanner following the link changes nothing."""
    language = choose_language(request, SHIPPED)
    return _entry_page(
        request, CodeForm(initial={"kod": code}, ui=ui_texts(language.code)), language
    )


@require_http_methods(["GET", "POST"])
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """The open link: anyone may answer; the answers are marked as not representative."""
    wave = wave_for_open_link(token)
    if wave is None:
        return message(request, "not_found", status=404)
    languages = list(wave.survey.languages.all())
    language = choose_language(request, languages)
    if wave.status != WaveStatus.OPEN:
        kind = "not_open" if wave.status == WaveStatus.DRAFT else "closed"
        return message(request, kind, language=language, wave=wave)
    draft = find_draft(request.COOKIES.get(DRAFT_COOKIE, ""))
    if draft is not None and draft.wave_id == wave.pk and not draft.invitation_code:
        return redirect("surveys:intro")
    if request.method == "GET":
        questionnaire = load_questionnaire(wave)
        return intro_page(request, questionnaire, language, action=request.path, open_link=True)
    _draft, draft_token = start_draft(wave=wave, language=language.code)
    response = redirect("surveys:page", 1)
    set_draft_cookie(response, draft_token, wave)
    return response


def intro_page(
    request: HttpRequest,
    questionnaire: Questionnaire,
    language: SurveyLanguage,
    *,
    action: str,
    open_link: bool,
    resume: bool = False,
) -> HttpResponse:
    """The survey's first page: what it is, that it is anonymous, how long it takes, languages."""
    survey, ui = questionnaire.survey, ui_texts(language.code, language)
    context = {
        "title": survey.title_in(language.code),
        "intro": translated(survey.intro, language.code),
        "duration": ui["duration"] % {"minutes": questionnaire.minutes()},
        "question_count": ui["question_count"] % {"count": len(questionnaire.questions)},
        "has_required": any(s.required for s in questionnaire.specs),
        "is_open_link": open_link,
        "resume": resume,
        "action": action,
    }
    return render_answer(
        request,
        "surveys/answer/intro.html",
        context,
        language=language,
        languages=questionnaire.languages,
    )
