"""Writes for results: indicator rules, their links to promise indicators, and the problem
index weights. Each in a transaction with its audit entry."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from organisations.auditlog import record, snapshot
from promises.models import Indicator
from surveys.models import IndicatorRule, Survey, SurveyIndicator
from surveys.results.closing import measure_linked_indicator
from surveys.results.rules import default_rules


def _parties(survey: Survey) -> list[int]:
    return [survey.organisation_id]


@transaction.atomic
def save_default_rules(*, survey: Survey, user: AbstractBaseUser) -> list[IndicatorRule]:
    """Store the standard rules for the survey's questions (skipping codes already taken)."""
    keys = set(survey.questions.values_list("key", flat=True))
    taken = set(survey.indicator_rules.values_list("code", flat=True))
    created = []
    for rule in default_rules(survey, keys):
        if rule.code in taken:
            continue
        rule.save()
        record(
            actor=user,
            action="indicator_rule.created",
            obj=rule,
            parties=_parties(survey),
            after=snapshot(rule),
        )
        created.append(rule)
    return created


@transaction.atomic
def save_rule(*, rule: IndicatorRule, user: AbstractBaseUser, before: dict | None) -> IndicatorRule:
    """Save a rule; measurements of indicators linked to it are recomputed."""
    rule.save()
    record(
        actor=user,
        action="indicator_rule.changed" if before else "indicator_rule.created",
        obj=rule,
        parties=_parties(rule.survey),
        before=before,
        after=snapshot(rule),
    )
    for link in rule.indicators.select_related("rule", "indicator"):
        measure_linked_indicator(link)
    return rule


@transaction.atomic
def delete_rule(*, rule: IndicatorRule, user: AbstractBaseUser) -> None:
    """Delete a rule that no indicator rests on."""
    record(
        actor=user,
        action="indicator_rule.deleted",
        obj=rule,
        parties=_parties(rule.survey),
        before=snapshot(rule),
    )
    rule.delete()


@transaction.atomic
def link_indicator(*, rule: IndicatorRule, indicator: Indicator, user: AbstractBaseUser) -> int:
    """Let the indicator take its measurements from the rule; returns how many closed waves
    gave it one."""
    link, _created = SurveyIndicator.objects.update_or_create(
        indicator=indicator, defaults={"rule": rule}
    )
    record(
        actor=user,
        action="indicator.linked_to_survey",
        obj=indicator,
        parties=_parties(rule.survey)
        + list(indicator.promise.parties.values_list("id", flat=True)),
        after={"indicator": indicator.name, "rule": rule.code, "survey": str(rule.survey)},
    )
    return measure_linked_indicator(link)


@transaction.atomic
def unlink_indicator(*, link: SurveyIndicator, user: AbstractBaseUser) -> None:
    """Stop taking measurements from the survey; those already written stay (they were
    published as measured)."""
    indicator = link.indicator
    record(
        actor=user,
        action="indicator.unlinked_from_survey",
        obj=indicator,
        parties=_parties(link.rule.survey)
        + list(indicator.promise.parties.values_list("id", flat=True)),
        before={"indicator": indicator.name, "rule": link.rule.code},
    )
    link.delete()


@transaction.atomic
def set_problem_weights(*, survey: Survey, weights: dict[str, int], user: AbstractBaseUser) -> None:
    before = {"problem_index_weights": survey.problem_index_weights}
    survey.problem_index_weights = weights
    survey.save(update_fields=["problem_index_weights", "updated_at"])
    record(
        actor=user,
        action="survey.problem_index_changed",
        obj=survey,
        parties=_parties(survey),
        before=before,
        after={"problem_index_weights": weights},
    )
