"""Questions and sections of a survey: adding from the bank, ordering, required, show-if,
moving to a newer item version, removing. Every change keeps the questionnaire valid
(structure.check_questionnaire) or is refused whole."""

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from organisations.auditlog import snapshot
from surveys import conditions
from surveys.builder import BuilderError
from surveys.builder.audit import audit
from surveys.builder.items import create_own_item
from surveys.builder.locks import questionnaire_lock
from surveys.builder.structure import check_questionnaire, renumber
from surveys.models import Item, Question, Section, Survey


def _next_order(queryset: object) -> int:
    current = queryset.aggregate(m=Max("order"))["m"]
    return 0 if current is None else current + 1


@transaction.atomic
def add_questions(
    *, survey: Survey, user: AbstractBaseUser, items: list[Item], section: Section
) -> list[Question]:
    """Ask the latest version of each item, at the end of `section`."""
    questionnaire_lock(survey).refuse()
    present = set(
        survey.questions.filter(key__in=[i.code for i in items]).values_list("key", flat=True)
    )
    if present:
        raise BuilderError(
            _("Frågan ”%(keys)s” finns redan i undersökningen.")
            % {"keys": "”, ”".join(sorted(present))}
        )
    order = _next_order(section.questions.all())
    added = []
    for position, item in enumerate(items):
        question = Question.objects.create(
            survey=survey,
            section=section,
            order=order + position,
            key=item.code,
            item_version=item.latest_version(),
        )
        added.append(question)
        audit(user, survey, "survey.question_added", after=snapshot(question), detail=question)
    check_questionnaire(survey)
    return added


@transaction.atomic
def add_own_question(
    *, survey: Survey, user: AbstractBaseUser, section: Section, **item_fields: object
) -> Question:
    """Write a new own item for the survey's organisation and ask it at the end of `section`."""
    questionnaire_lock(survey).refuse()
    item = create_own_item(user=user, organisation=survey.organisation, **item_fields)
    return add_questions(survey=survey, user=user, items=[item], section=section)[0]


@transaction.atomic
def change_question(
    *, survey: Survey, user: AbstractBaseUser, question: Question, section: Section, required: bool
) -> Question:
    questionnaire_lock(survey).refuse()
    before = snapshot(question)
    if section.pk != question.section_id:
        question.section = section
        question.order = _next_order(section.questions.all())
    question.required = required
    question.save()
    check_questionnaire(survey)
    audit(
        user,
        survey,
        "survey.question_changed",
        before=before,
        after=snapshot(question),
        detail=question,
    )
    return question


@transaction.atomic
def move_question(*, survey: Survey, user: AbstractBaseUser, question: Question, step: int) -> None:
    """One place up (step -1) or down (+1); past the first or last place of its section it
    moves into the neighbouring section."""
    questionnaire_lock(survey).refuse()
    before = snapshot(question)
    siblings = list(question.section.questions.order_by("order", "id"))
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    target = index + step
    if 0 <= target < len(siblings):
        siblings.insert(target, siblings.pop(index))
        renumber(siblings)
    else:
        _move_to_neighbouring_section(survey, question, step)
    check_questionnaire(survey)
    question.refresh_from_db()
    audit(
        user,
        survey,
        "survey.question_moved",
        before=before,
        after=snapshot(question),
        detail=question,
    )


def _move_to_neighbouring_section(survey: Survey, question: Question, step: int) -> None:
    sections = list(survey.sections.order_by("order", "id"))
    index = next(i for i, s in enumerate(sections) if s.pk == question.section_id)
    if not 0 <= index + step < len(sections):
        raise BuilderError(
            _("Frågan står redan först.") if step < 0 else _("Frågan står redan sist.")
        )
    neighbour = sections[index + step]
    members = list(neighbour.questions.order_by("order", "id"))
    members = members + [question] if step < 0 else [question, *members]
    question.section = neighbour
    question.save(update_fields=["section"])
    renumber(members)
    renumber(list(sections[index].questions.order_by("order", "id")))


def dependants(survey: Survey, keys: set[str]) -> list[str]:
    """Questions and indicator rules outside `keys` that rest on an answer to one of them."""
    found = [
        _("frågan ”%(key)s” visas bara beroende på svaret") % {"key": q.key}
        for q in survey.questions.exclude(key__in=keys)
        if conditions.referenced_keys(q.show_if) & keys
    ]
    found += [
        _("indikatorregeln ”%(code)s” räknas från svaret") % {"code": rule.code}
        for rule in survey.indicator_rules.all()
        if rule.base_key in keys or conditions.referenced_keys(rule.counts) & keys
    ]
    return found


@transaction.atomic
def remove_question(*, survey: Survey, user: AbstractBaseUser, question: Question) -> None:
    questionnaire_lock(survey).refuse()
    resting = dependants(survey, {question.key})
    if resting:
        raise BuilderError(
            _("”%(key)s” kan inte tas bort: %(what)s. Ändra det först.")
            % {"key": question.key, "what": "; ".join(resting)}
        )
    before = snapshot(question)
    section = question.section
    question.delete()
    renumber(list(section.questions.order_by("order", "id")))
    audit(user, survey, "survey.question_removed", before=before, detail=question)


@transaction.atomic
def set_show_if(
    *, survey: Survey, user: AbstractBaseUser, question: Question, condition: Mapping | None
) -> Question:
    """Set (or with None remove) the question's show-if condition."""
    questionnaire_lock(survey).refuse()
    before = snapshot(question)
    question.show_if = dict(condition) if condition else None
    question.save(update_fields=["show_if"])
    check_questionnaire(survey)
    action = "survey.question_condition_set" if condition else "survey.question_condition_removed"
    audit(user, survey, action, before=before, after=snapshot(question), detail=question)
    return question


@transaction.atomic
def use_latest_version(*, survey: Survey, user: AbstractBaseUser, question: Question) -> Question:
    """Ask the item's newest version from now on; earlier waves keep the version they asked."""
    questionnaire_lock(survey).refuse()
    latest = question.item_version.item.latest_version()
    if latest.pk == question.item_version_id:
        raise BuilderError(_("Frågan använder redan den senaste versionen."))
    before = snapshot(question)
    question.item_version = latest
    question.save(update_fields=["item_version"])
    check_questionnaire(survey)
    audit(
        user,
        survey,
        "survey.question_version_changed",
        before=before,
        after=snapshot(question),
        detail=question,
    )
    return question


@transaction.atomic
def add_section(
    *, survey: Survey, user: AbstractBaseUser, title: str, kind: str, intro: str
) -> Section:
    questionnaire_lock(survey).refuse()
    section = Section.objects.create(
        survey=survey,
        order=_next_order(survey.sections.all()),
        kind=kind,
        title={"sv": title},
        intro={"sv": intro} if intro else {},
    )
    audit(user, survey, "survey.section_added", after=snapshot(section), detail=section)
    return section


@transaction.atomic
def change_section(
    *, survey: Survey, user: AbstractBaseUser, section: Section, title: str, kind: str, intro: str
) -> Section:
    """The Swedish title and introduction may change while a wave is open; the kind may not."""
    lock = questionnaire_lock(survey)
    if kind != section.kind:
        lock.refuse()
    before = snapshot(section)
    section.title = {**section.title, "sv": title}
    section.intro = (
        {**section.intro, "sv": intro}
        if intro
        else {k: v for k, v in section.intro.items() if k != "sv"}
    )
    section.kind = kind
    section.save()
    check_questionnaire(survey)
    audit(
        user,
        survey,
        "survey.section_changed",
        before=before,
        after=snapshot(section),
        detail=section,
    )
    return section


@transaction.atomic
def move_section(*, survey: Survey, user: AbstractBaseUser, section: Section, step: int) -> None:
    questionnaire_lock(survey).refuse()
    sections = list(survey.sections.order_by("order", "id"))
    index = next(i for i, s in enumerate(sections) if s.pk == section.pk)
    if not 0 <= index + step < len(sections):
        raise BuilderError(
            _("Avsnittet står redan först.") if step < 0 else _("Avsnittet står redan sist.")
        )
    before = snapshot(section)
    sections.insert(index + step, sections.pop(index))
    renumber(sections)
    check_questionnaire(survey)
    audit(
        user, survey, "survey.section_moved", before=before, after=snapshot(section), detail=section
    )


@transaction.atomic
def delete_section(*, survey: Survey, user: AbstractBaseUser, section: Section) -> None:
    """Delete a section with its questions."""
    questionnaire_lock(survey).refuse()
    keys = set(section.questions.values_list("key", flat=True))
    resting = dependants(survey, keys)
    if resting:
        raise BuilderError(
            _("Avsnittet kan inte tas bort: %(what)s på en fråga i det. Ändra det först.")
            % {"what": "; ".join(resting)}
        )
    before = {**snapshot(section), "questions": sorted(keys)}
    section.delete()
    renumber(list(survey.sections.order_by("order", "id")))
    audit(user, survey, "survey.section_deleted", before=before, detail=section)
