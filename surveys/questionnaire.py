"""A survey's questions as the validation specs (surveys.validation) that every way of
answering uses: the web form, paper entry and file import. Two queries whatever the size."""

from surveys.models import Question, Survey
from surveys.validation import DEFAULT_TEXT_LIMIT, QuestionSpec


def spec_for(question: Question, area_codes: tuple[str, ...]) -> QuestionSpec:
    version = question.item_version
    limits = version.constraints or {}
    return QuestionSpec(
        key=question.key,
        kind=version.item.kind,
        required=question.required,
        options=tuple(version.option_values()),
        minimum=limits.get("min"),
        maximum=limits.get("max"),
        integer=bool(limits.get("integer")),
        max_length=int(limits.get("max_length") or DEFAULT_TEXT_LIMIT),
        show_if=question.show_if,
        area_codes=area_codes,
    )


def survey_questions(survey: Survey) -> list[Question]:
    """The questions in the order they are asked, with their item versions."""
    return list(
        Question.objects.filter(survey=survey)
        .select_related("item_version__item", "section")
        .order_by("section__order", "section_id", "order", "id")
    )


def survey_specs(survey: Survey) -> list[QuestionSpec]:
    area_codes = tuple(survey.municipality.areas.values_list("code", flat=True))
    return [spec_for(q, area_codes) for q in survey_questions(survey)]
