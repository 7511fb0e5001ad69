"""Checks that hold for a whole questionnaire after every change: conditions refer only to
earlier questions and to options they have, and a matrix holds questions sharing one scale."""

from django.utils.translation import gettext as _

from surveys.builder import BuilderError
from surveys.builder.conditions_text import known_before, problems_in_swedish
from surveys.models import ItemKind, Question, Section, Survey
from surveys.questionnaire import survey_questions

MATRIX_KINDS = (ItemKind.SINGLE, ItemKind.SCALE)


def scale_of(question: Question) -> tuple:
    """What a matrix's questions must share: their kind and their options (or limits)."""
    version = question.item_version
    if version.item.kind == ItemKind.SCALE:
        limits = version.constraints or {}
        return (ItemKind.SCALE, limits.get("min"), limits.get("max"))
    return (version.item.kind, tuple(version.option_values()))


def matrix_problems(section: Section, questions: list[Question]) -> list[str]:
    if section.kind != Section.Kind.MATRIX:
        return []
    title = str(section)
    wrong_kind = [q.key for q in questions if q.item_version.item.kind not in MATRIX_KINDS]
    if wrong_kind:
        return [
            _(
                "En matris kan bara innehålla frågor med ett svarsalternativ eller en skala; "
                "”%(keys)s” i ”%(section)s” passar inte. Lägg den i ett vanligt avsnitt."
            )
            % {"keys": "”, ”".join(wrong_kind), "section": title}
        ]
    first = questions[0] if questions else None
    different = [q.key for q in questions if scale_of(q) != scale_of(first)]
    if different:
        return [
            _(
                "Frågorna i matrisen ”%(section)s” måste ha samma svarsalternativ som "
                "”%(first)s”; ”%(keys)s” har andra. Lägg den i ett vanligt avsnitt."
            )
            % {"section": title, "first": first.key, "keys": "”, ”".join(different)}
        ]
    return []


def questionnaire_problems(survey: Survey) -> list[str]:
    ordered = survey_questions(survey)
    found: list[str] = []
    for question in ordered:
        if question.show_if:
            found += problems_in_swedish(
                question, question.show_if, known_before(ordered, question)
            )
    for section in survey.sections.all():
        found += matrix_problems(section, [q for q in ordered if q.section_id == section.pk])
    return found


def check_questionnaire(survey: Survey) -> None:
    """Raise BuilderError (so the caller's transaction rolls back) when a change broke a rule."""
    found = questionnaire_problems(survey)
    if found:
        raise BuilderError(" ".join(found))


def renumber(items: list) -> None:
    """Give questions or sections the orders 0, 1, 2 … in the list's order."""
    for order, obj in enumerate(items):
        if obj.order != order:
            obj.order = order
            obj.save(update_fields=["order"])
