"""What the builder page shows: sections with their questions, each with its condition in
words, its version (and whether a newer one exists), and what the coordinator may do."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Max

from organisations.access import access_for
from promises.access import history_for
from surveys.access import Need, can
from surveys.builder.conditions_text import describe
from surveys.builder.locks import questionnaire_lock
from surveys.builder.structure import questionnaire_problems
from surveys.builder.surveys import why_not_deletable
from surveys.models import ItemKind, ItemVersion, Question, Section, Survey
from surveys.questionnaire import survey_questions

AREA_KINDS = (ItemKind.AREA, ItemKind.POINT)


@dataclass
class QuestionRow:
    question: Question
    condition: str
    newer_version: int | None
    asked: bool
    number: int = 0
    first: bool = False
    last: bool = False

    @property
    def text(self) -> str:
        return self.question.text("sv")

    @property
    def kind_label(self) -> str:
        return self.question.item_version.item.get_kind_display()


@dataclass
class SectionRow:
    section: Section
    rows: list[QuestionRow] = field(default_factory=list)


def builder_overview(user: AbstractBaseUser, survey: Survey) -> dict:
    lock = questionnaire_lock(survey)
    ordered = survey_questions(survey)
    by_key = {q.key: q for q in ordered}
    latest = dict(
        ItemVersion.objects.filter(item_id__in={q.item_version.item_id for q in ordered})
        .values_list("item_id")
        .annotate(Max("number"))
    )
    sections = [SectionRow(s) for s in survey.sections.order_by("order", "id")]
    rows_of = {s.section.pk: s.rows for s in sections}
    for number, question in enumerate(ordered, start=1):
        newest = latest.get(question.item_version.item_id, 0)
        rows_of[question.section_id].append(
            QuestionRow(
                question=question,
                condition=describe(question.show_if, by_key),
                newer_version=newest if newest > question.item_version.number else None,
                asked=question.item_version_id in lock.asked_version_ids,
                number=number,
            )
        )
    for index, section in enumerate(sections):
        if section.rows:
            section.rows[0].first = index == 0
            section.rows[-1].last = index == len(sections) - 1
    needs_areas = [q.key for q in ordered if q.item_version.item.kind in AREA_KINDS]
    return {
        "survey": survey,
        "can_edit": can(access_for(user), survey, Need.EDIT),
        "lock": lock,
        "sections": sections,
        "question_count": len(ordered),
        "languages": list(survey.languages.all()),
        "waves": list(survey.waves.all()),
        "area_count": survey.municipality.areas.count(),
        "needs_areas": needs_areas,
        "problems": questionnaire_problems(survey),
        "history": history_for(user, survey, limit=30),
        "deletable": not why_not_deletable(survey),
    }
