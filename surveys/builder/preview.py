"""The questionnaire as a respondent sees it in one language, for the builder's preview: the
answer pages' own pages, questions and texts (surveys.answer_display, surveys.answer_texts,
templates/surveys/answer/_question.html and _matrix.html), all pages on one staff page, empty,
with each show-if condition said in words for the coordinator."""

from dataclasses import dataclass, field

from surveys.answer_display import DisplayContext, QuestionView, matrix_layout, question_view
from surveys.answer_texts import ui_texts
from surveys.answering import build_questionnaire
from surveys.builder.conditions_text import describe
from surveys.models import Survey, SurveyLanguage, translated


@dataclass
class PreviewQuestion:
    view: QuestionView
    condition: str  # "" or when the question is shown, in the staff's words


@dataclass
class PreviewPage:
    title: str
    intro: str
    progress: str
    questions: list[PreviewQuestion] = field(default_factory=list)
    matrix: dict | None = None
    is_last: bool = False

    @property
    def views(self) -> list[QuestionView]:
        return [q.view for q in self.questions]


def preview(survey: Survey, language: SurveyLanguage) -> dict:
    code = language.code
    questionnaire = build_questionnaire(survey)
    ui = ui_texts(code, language)
    specs = {s.key: s for s in questionnaire.specs}
    by_key = {q.key: q for q in questionnaire.questions}
    pages = []
    for page in questionnaire.pages:
        ctx = DisplayContext(code, ui, questionnaire, frozenset(page.keys))
        shown = PreviewPage(
            title=translated(page.section.title, code) or survey.title_in(code),
            intro=translated(page.section.intro, code),
            progress=ui["progress"] % {"page": page.number, "total": len(questionnaire.pages)},
        )
        for question in page.questions:
            shown.questions.append(
                PreviewQuestion(
                    view=question_view(question, specs[question.key], [], ctx),
                    condition=describe(question.show_if, by_key),
                )
            )
        shown.matrix = matrix_layout(page.section, shown.views)
        pages.append(shown)
    if pages:
        pages[-1].is_last = True
    return {
        "untranslated": [q.view.key for p in pages for q in p.questions if q.view.text_lang],
        "title": survey.title_in(code),
        "intro": translated(survey.intro, code),
        "thanks": translated(survey.thanks, code),
        "pages": pages,
        "ui": ui,
        "needs_map": any(q.view.map for p in pages for q in p.questions),
    }
