"""Indicator rules: the standard ones for the bank's questions (as Brå publishes them), and the
evaluation of any rule's condition on a whole wave at once.

`counted(condition, data)` gives the same answer as surveys.conditions.evaluate for every
respondent (tests/test_survey_rules.py checks this on random answers), but on the coded arrays:
one numpy operation per condition node instead of a Python call per respondent.
"""

import numpy as np
from django.utils.translation import gettext as _

from surveys.conditions import COMPARISONS
from surveys.models import IndicatorRule, ItemKind, Survey
from surveys.results.data import MEAN_KINDS, QuestionInfo, WaveData


def _in(key: str, *values: str) -> dict:
    return {"op": "in", "q": key, "values": list(values)}


# (code, name sv, name en, counts, base key, higher is better). Brå's indicator for insecurity
# out late counts those who feel fairly or very unsafe OR never go out because they feel unsafe.
DEFAULT_RULES = [
    (
        "otrygg_ute_sen_kvall",
        "Känner sig otrygga ute ensamma sent en kväll",
        "Feel unsafe out alone late in the evening",
        {
            "op": "or",
            "args": [
                _in("otrygg_kvall", "ganska_otrygg", "mycket_otrygg"),
                _in("otrygg_kvall_orsak", "ja"),
            ],
        },
        "otrygg_kvall",
        False,
    ),
    (
        "oro_brottsligheten",
        "Oroar sig i stor utsträckning för brottsligheten i samhället",
        "Worry to a great extent about crime in society",
        _in("oro_samhalle", "mycket_stor", "ganska_stor"),
        "oro_samhalle",
        False,
    ),
    (
        "oro_inbrott_ofta",
        "Oroar sig ofta för inbrott i bostaden",
        "Often worry about burglary in their home",
        _in("oro_inbrott", "mycket_ofta", "ganska_ofta"),
        "oro_inbrott",
        False,
    ),
    (
        "oro_overfall_ofta",
        "Oroar sig ofta för att bli överfallna eller misshandlade",
        "Often worry about being attacked or assaulted",
        _in("oro_overfall", "mycket_ofta", "ganska_ofta"),
        "oro_overfall",
        False,
    ),
    (
        "avstatt_pga_oro",
        "Har avstått från något på grund av oro för brott",
        "Have refrained from something for fear of crime",
        _in("avstatt", "ja_ofta", "ja_ibland"),
        "avstatt",
        False,
    ),
    (
        "fortroende_polisen",
        "Har stort förtroende för polisen",
        "Have high confidence in the police",
        _in("fortroende_polis", "mycket_stort", "ganska_stort"),
        "fortroende_polis",
        True,
    ),
]


def default_rules(survey: Survey, keys: set[str]) -> list[IndicatorRule]:
    """The standard rules whose questions the survey asks (not saved)."""
    return [
        IndicatorRule(
            survey=survey,
            code=code,
            name={"sv": sv, "en": en},
            counts=counts,
            base_key=base,
            higher_is_better=better,
        )
        for code, sv, en, counts, base, better in DEFAULT_RULES
        if base in keys
    ]


def rules_for(survey: Survey, keys: set[str], stored: list[IndicatorRule]) -> list[IndicatorRule]:
    """The survey's own rules, or the standard ones until it has saved any."""
    return stored or default_rules(survey, keys)


def in_base(rule: IndicatorRule, data: WaveData) -> np.ndarray:
    """Respondents who gave a substantive answer to the rule's base question ("Vet ej" and
    unanswered are outside the base)."""
    question = data.question(rule.base_key)
    if question is None:
        return np.zeros(data.size, dtype=bool)
    codes = data.answers[question.key]
    if question.kind in (ItemKind.SINGLE, ItemKind.AREA):
        if not question.substantive.size:
            return np.zeros(data.size, dtype=bool)
        return (codes >= 0) & question.substantive[codes.clip(0)]
    if question.kind == ItemKind.MULTIPLE:
        return codes.any(axis=1)
    if question.kind in MEAN_KINDS:
        return ~np.isnan(codes)
    return codes.astype(bool)


def counted(condition: dict | None, data: WaveData) -> np.ndarray:
    """Where the condition holds, per respondent (surveys.conditions semantics: an unanswered
    question satisfies only "not" of something)."""
    if condition is None:
        return np.ones(data.size, dtype=bool)
    op = condition.get("op")
    if op == "and":
        return np.logical_and.reduce([counted(c, data) for c in condition["args"]])
    if op == "or":
        return np.logical_or.reduce([counted(c, data) for c in condition["args"]])
    if op == "not":
        return ~counted(condition["arg"], data)
    question = data.question(condition.get("q"))
    if question is None:
        return np.zeros(data.size, dtype=bool)
    return _LEAVES[question.kind](op, condition, question, data.answers[question.key])


def _choice(op: str, condition: dict, question: QuestionInfo, codes: np.ndarray) -> np.ndarray:
    answered = codes >= 0
    if op == "answered":
        return answered
    if op == "cmp":
        return np.zeros(codes.shape, dtype=bool)
    if op == "selected":
        return answered & _isin(codes, question.values, [condition["value"]])
    hit = answered & _isin(codes, question.values, condition["values"])
    return hit if op == "in" else answered & ~hit


def _multiple(op: str, condition: dict, question: QuestionInfo, chosen: np.ndarray) -> np.ndarray:
    answered = chosen.any(axis=1)
    if op == "answered":
        return answered
    if op == "cmp":
        return np.zeros(answered.shape, dtype=bool)
    index = {v: i for i, v in enumerate(question.values)}
    if op == "selected":
        i = index.get(condition["value"])
        return chosen[:, i] if i is not None else np.zeros(answered.shape, dtype=bool)
    # "in" on a list compares the list itself, unless it holds exactly one value.
    single = chosen.sum(axis=1) == 1
    listed = [index[v] for v in condition["values"] if v in index]
    hit = single & chosen[:, listed].any(axis=1) if listed else np.zeros(answered.shape, bool)
    return hit if op == "in" else answered & ~hit


def _number(op: str, condition: dict, question: QuestionInfo, values: np.ndarray) -> np.ndarray:
    answered = ~np.isnan(values)
    if op == "answered":
        return answered
    if op == "selected":
        return answered & (values == condition["value"])
    if op == "cmp":
        compare = COMPARISONS[condition["cmp"]]
        with np.errstate(invalid="ignore"):
            return answered & compare(values, condition["value"])
    numbers = [v for v in condition["values"] if isinstance(v, int | float)]
    hit = answered & np.isin(values, numbers)
    return hit if op == "in" else answered & ~hit


def _answered_only(
    op: str, condition: dict, question: QuestionInfo, answered: np.ndarray
) -> np.ndarray:
    # Free text and points: only "answered" is evaluated (a rule never counts on what someone
    # wrote).
    return answered.copy() if op == "answered" else np.zeros(answered.shape, dtype=bool)


def _isin(codes: np.ndarray, values: list[str], wanted: list) -> np.ndarray:
    listed = [i for i, v in enumerate(values) if v in wanted]
    return np.isin(codes, listed)


_LEAVES = {
    ItemKind.SINGLE: _choice,
    ItemKind.AREA: _choice,
    ItemKind.MULTIPLE: _multiple,
    ItemKind.NUMBER: _number,
    ItemKind.SCALE: _number,
    ItemKind.TEXT: _answered_only,
    ItemKind.POINT: _answered_only,
}


def condition_in_words(condition: dict | None, questions: dict[str, object]) -> str:
    """A rule's condition as a sentence for staff: «Hur trygg …?» är ”Ganska otrygg” eller
    ”Mycket otrygg”. `questions` maps keys to surveys.models.Question."""
    if condition is None:
        return ""
    op = condition.get("op")
    if op in ("and", "or"):
        joiner = f" {_('och') if op == 'and' else _('eller')} "
        return joiner.join(condition_in_words(c, questions) for c in condition["args"])
    if op == "not":
        return _("inte (%(inner)s)") % {"inner": condition_in_words(condition["arg"], questions)}
    question = questions.get(condition.get("q"))
    version = question.item_version if question is not None else None
    name = f"«{version.text('sv')}»" if version else condition.get("q", "")

    def label(value: object) -> str:
        return f"”{version.option_label(value, 'sv')}”" if version else f"”{value}”"

    if op == "in":
        values = f" {_('eller')} ".join(label(v) for v in condition["values"])
        return _("%(q)s är %(values)s") % {"q": name, "values": values}
    if op == "not_in":
        values = f" {_('eller')} ".join(label(v) for v in condition["values"])
        return _("%(q)s är besvarad men inte %(values)s") % {"q": name, "values": values}
    if op == "selected":
        return _("%(q)s omfattar %(value)s") % {"q": name, "value": label(condition["value"])}
    if op == "answered":
        return _("%(q)s är besvarad") % {"q": name}
    return f"{name} {condition.get('cmp')} {condition.get('value')}"
