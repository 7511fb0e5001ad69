"""The survey itself, once a draft exists: the intro, one page per section, the summary with
the submit button, and the thanks page. Every Next and Back saves what was typed in the draft."""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods

from surveys.answer_display import DisplayContext, answer_text, matrix_layout, question_view
from surveys.answer_texts import ui_texts
from surveys.answering import (
    DRAFT_COOKIE,
    AnswerPage,
    Questionnaire,
    check_page,
    find_draft,
    load_questionnaire,
    posted_raw,
    save_page,
    submit_draft,
)
from surveys.models import ResponseDraft, SurveyLanguage, Wave, WaveStatus, translated
from surveys.services import CodeRefused
from surveys.views.answer import (
    LANGUAGE_PARAM,
    SHIPPED,
    choose_language,
    forget_draft,
    gettext_language,
    intro_page,
    message,
    render_answer,
)

BACK = "tillbaka"


@dataclass
class Answering:
    """One request's view of a respondent's draft."""

    draft: ResponseDraft
    token: str
    questionnaire: Questionnaire
    language: SurveyLanguage

    def context(self, page_keys: frozenset[str] = frozenset()) -> DisplayContext:
        ui = ui_texts(self.language.code, self.language)
        return DisplayContext(self.language.code, ui, self.questionnaire, page_keys)

    def visible(self) -> tuple[list[AnswerPage], set[str], dict]:
        shown, answers = self.questionnaire.shown_keys(self.draft.answers)
        return self.questionnaire.visible_pages(shown), shown, answers

    def url(self, name: str, *args: object) -> str:
        return f"{reverse(name, args=args)}?{LANGUAGE_PARAM}={self.language.code}"


def with_draft(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The respondent's draft from the cookie; a kind message when it is gone or closed."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        token = request.COOKIES.get(DRAFT_COOKIE, "")
        draft = find_draft(token)
        if draft is None:
            language = choose_language(request, SHIPPED)
            return forget_draft(message(request, "expired", language=language))
        saved = (draft.survey_saved_at, draft.wave_opened_at)
        questionnaire = load_questionnaire(draft.wave, saved)
        language = choose_language(request, questionnaire.languages, draft.language)
        if draft.wave.status != WaveStatus.OPEN:
            ResponseDraft.objects.filter(pk=draft.pk).delete()
            return forget_draft(message(request, "closed", language=language))
        answering = Answering(draft, token, questionnaire, language)
        with translation.override(gettext_language(language.code)):  # validation messages
            return view(request, answering, *args, **kwargs)

    return wrapped


def _after(pages: list[AnswerPage], number: int, answering: Answering) -> str:
    later = [p for p in pages if p.number > number]
    return (
        answering.url("surveys:page", later[0].number)
        if later
        else answering.url("surveys:summary")
    )


def _before(pages: list[AnswerPage], number: int, answering: Answering) -> str:
    earlier = [p for p in pages if p.number < number]
    return (
        answering.url("surveys:page", earlier[-1].number)
        if earlier
        else answering.url("surveys:intro")
    )


@require_http_methods(["GET", "POST"])
@with_draft
def intro(request: HttpRequest, answering: Answering) -> HttpResponse:
    draft = answering.draft
    if request.method == "POST":
        save_page(draft, {}, page=draft.page, language=answering.language.code)
        pages, _shown, _answers = answering.visible()
        left_at = [p for p in pages if p.number == draft.page]  # where the resident left off
        if left_at:
            return redirect(answering.url("surveys:page", draft.page))
        return redirect(_after(pages, 0, answering))
    return intro_page(
        request,
        answering.questionnaire,
        answering.language,
        action=request.path,
        open_link=not draft.invitation_code,
        resume=draft.page > 0,
    )


@require_http_methods(["GET", "POST"])
@with_draft
def page(request: HttpRequest, answering: Answering, number: int) -> HttpResponse:
    q, draft = answering.questionnaire, answering.draft
    current = q.page(number)
    if current is None:
        return redirect(answering.url("surveys:summary"))
    errors: dict[str, str] = {}
    raw = draft.answers
    if request.method == "POST":
        typed = posted_raw(current, request.POST)
        save_page(draft, typed, page=number, language=answering.language.code)
        raw = {**draft.answers, **typed}  # as typed, also beyond what the draft keeps
        pages, _shown, _answers = answering.visible()
        if request.POST.get("riktning") == BACK:
            return redirect(_before(pages, number, answering))
        errors = check_page(q, current, raw)
        if not errors:
            return redirect(_after(pages, number, answering))
    pages, shown, _answers = answering.visible()
    if current not in pages:
        return redirect(_after(pages, number, answering))
    return _render_page(request, answering, current, (pages, shown), raw, errors)


def _render_page(
    request: HttpRequest,
    answering: Answering,
    current: AnswerPage,
    visible: tuple[list[AnswerPage], set[str]],
    raw: dict[str, list[str]],
    errors: dict[str, str],
) -> HttpResponse:
    q, (pages, shown) = answering.questionnaire, visible
    ctx = answering.context(frozenset(current.keys))
    specs = {s.key: s for s in q.specs}
    views = [
        question_view(
            question,
            specs[question.key],
            raw.get(question.key, []),
            ctx,
            errors.get(question.key, ""),
        )
        for question in current.questions
        if question.key in shown
    ]
    context = {
        "page": current,
        "title": translated(current.section.title, answering.language.code)
        or q.survey.title_in(answering.language.code),
        "section_intro": translated(current.section.intro, answering.language.code),
        "survey_title": q.survey.title_in(answering.language.code),
        "progress": ctx.ui["progress"] % {"page": pages.index(current) + 1, "total": len(pages)},
        "questions": views,
        "matrix": matrix_layout(current.section, views),
        "error_list": [(f"#{v.anchor}", v.label, v.error) for v in views if v.error],
        "needs_map": any(v.map for v in views),
        "is_last": current == pages[-1],
    }
    status = 400 if errors else 200
    return render_answer(
        request,
        "surveys/answer/page.html",
        context,
        language=answering.language,
        languages=q.languages,
        status=status,
    )


@require_http_methods(["GET", "POST"])
@with_draft
def summary(request: HttpRequest, answering: Answering) -> HttpResponse:
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            cleaned = submit_draft(answering.questionnaire, answering.draft, answering.token)
        except CodeRefused:  # the code, or this very draft, was sent meanwhile
            ResponseDraft.objects.filter(pk=answering.draft.pk).delete()
            kind = "used" if answering.draft.invitation_code else "sent"
            return forget_draft(message(request, kind, language=answering.language))
        if cleaned.is_valid:
            thanks_url = answering.url("surveys:thanks", answering.questionnaire.wave.pk)
            return forget_draft(redirect(thanks_url))
        errors = cleaned.errors
    return _render_summary(request, answering, errors)


def _render_summary(
    request: HttpRequest, answering: Answering, errors: dict[str, str]
) -> HttpResponse:
    q = answering.questionnaire
    ctx = answering.context()
    pages, shown, answers = answering.visible()
    groups = []
    for p in pages:
        page_url = answering.url("surveys:page", p.number)
        rows = [
            {
                "key": question.key,
                "label": question.text(ctx.language),
                "answer": answer_text(question, answers.get(question.key), ctx),
                "answered": question.key in answers,
                "error": errors.get(question.key, ""),
                "change_url": f"{page_url}#q-{question.key}",
                "change_label": ctx.ui["change_answer_to"]
                % {"question": question.text(ctx.language)},
            }
            for question in p.questions
            if question.key in shown and question.item_version.item.kind != "note"
        ]
        if groups and groups[-1]["section"] == p.section.pk:  # a section split over pages
            groups[-1]["rows"] += rows
            continue
        title = translated(p.section.title, ctx.language) or q.survey.title_in(ctx.language)
        groups.append({"section": p.section.pk, "title": title, "rows": rows})
    error_list = [
        (row["change_url"], row["label"], row["error"])
        for g in groups
        for row in g["rows"]
        if row["error"]
    ]
    context = {
        "groups": groups,
        "error_list": error_list,
        "survey_title": q.survey.title_in(ctx.language),
    }
    status = 400 if errors else 200
    return render_answer(
        request,
        "surveys/answer/summary.html",
        context,
        language=answering.language,
        languages=q.languages,
        status=status,
    )


@require_GET
def thanks(request: HttpRequest, wave_id: int) -> HttpResponse:
    wave = get_object_or_404(Wave.objects.select_related("survey"), pk=wave_id)
    languages = list(wave.survey.languages.all())
    language = choose_language(request, languages)
    context = {
        "title": wave.survey.title_in(language.code),
        "thanks": translated(wave.survey.thanks, language.code),
    }
    return render_answer(request, "surveys/answer/thanks.html", context, language=language)
