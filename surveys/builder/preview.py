"""The questionnaire as a respondent sees it in one language, for the builder's preview.

Each question is rendered by templates/surveys/builder/_preview_question.html from a
`PreviewQuestion`; the answer pages (templates/surveys/answer/) read the same Question methods
(text, help_text, options_in, scale_label, row_label), so a translation shows the same here and
there.
"""

from dataclasses import dataclass, field

from surveys.builder.conditions_text import describe
from surveys.builder.ui_texts import UI_TEXTS, ui_text
from surveys.models import Question, Section, Survey, SurveyLanguage, translated
from surveys.questionnaire import survey_questions


@dataclass
class PreviewQuestion:
    question: Question
    number: int
    text: str
    help: str
    kind: str
    options: list[dict]
    condition: str
    minimum: object = None
    maximum: object = None
    min_label: str = ""
    max_label: str = ""
    row_label: str = ""
    text_language: str = ""  # "sv" where the text falls back to Swedish

    @property
    def field_id(self) -> str:
        return f"preview-{self.question.key}"

    @property
    def scale_points(self) -> list[int]:
        if self.kind != "scale" or self.minimum is None or self.maximum is None:
            return []
        return list(range(int(self.minimum), int(self.maximum) + 1))


@dataclass
class PreviewSection:
    section: Section
    title: str
    intro: str
    questions: list[PreviewQuestion] = field(default_factory=list)
    progress: str = ""

    @property
    def is_matrix(self) -> bool:
        return self.section.kind == Section.Kind.MATRIX and bool(self.questions)

    @property
    def scale(self) -> list[dict]:
        return self.questions[0].options if self.questions else []


def _preview_question(question: Question, number: int, code: str, by_key: dict) -> PreviewQuestion:
    limits = question.item_version.constraints or {}
    return PreviewQuestion(
        question=question,
        number=number,
        text=question.text(code),
        help=question.help_text(code),
        kind=question.item_version.item.kind,
        options=question.options_in(code),
        condition=describe(question.show_if, by_key),
        minimum=limits.get("min"),
        maximum=limits.get("max"),
        min_label=question.scale_label("min_label", code),
        max_label=question.scale_label("max_label", code),
        row_label=question.row_label(code),
        text_language=code if code == "sv" or question.text(code) != question.text("sv") else "sv",
    )


def preview(survey: Survey, language: SurveyLanguage) -> dict:
    code = language.code
    ordered = survey_questions(survey)
    by_key = {q.key: q for q in ordered}
    sections = [
        PreviewSection(s, translated(s.title, code), translated(s.intro, code))
        for s in survey.sections.order_by("order", "id")
    ]
    of_section = {s.section.pk: s for s in sections}
    for number, question in enumerate(ordered, start=1):
        of_section[question.section_id].questions.append(
            _preview_question(question, number, code, by_key)
        )
    ui = {key: ui_text(language, key) for key in UI_TEXTS}
    pages = [s for s in sections if s.questions]
    for number, page in enumerate(pages, start=1):
        page.progress = ui["progress"] % {"page": number, "pages": len(pages)}
    untranslated = [q.key for q in ordered if code != "sv" and q.text(code) == q.text("sv")]
    return {
        "untranslated": untranslated,
        "title": survey.title_in(code),
        "intro": translated(survey.intro, code),
        "thanks": translated(survey.thanks, code),
        "sections": pages,
        "ui": ui,
        "areas": list(survey.municipality.areas.all()),
    }
