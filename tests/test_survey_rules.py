"""Indicator rules evaluated on a whole wave at once (surveys.results.rules.counted) give the same
answer as surveys.conditions.evaluate respondent by respondent, whatever the answers; and the
standard rules count what Brå counts."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.conditions import evaluate
from surveys.models import IndicatorRule, Item, ItemVersion
from surveys.results.data import QuestionInfo, WaveData, code_answers
from surveys.results.rules import DEFAULT_RULES, counted, in_base

CHOICES = ["a", "b", "c", "vet_ej"]
MULTI = ["x", "y", "z"]


def _version(kind: str, values: list[str]) -> ItemVersion:
    options = [
        {"value": v, "label": {"sv": v}, **({"missing": True} if v == "vet_ej" else {})}
        for v in values
    ]
    return ItemVersion(
        item=Item(code=f"i_{kind}", kind=kind), number=1, wording={"sv": kind}, options=options
    )


def _info(key: str, kind: str, values: list[str]) -> QuestionInfo:
    version = _version(kind, values)
    substantive = np.array([v != "vet_ej" for v in values], dtype=bool)
    return QuestionInfo(key, kind, version, values, values, substantive)


QUESTIONS = [
    _info("s", "single", CHOICES),
    _info("t", "single", CHOICES),
    _info("m", "multiple", MULTI),
    _info("n", "number", []),
]


def wave_data(raw: list[dict]) -> WaveData:
    answers = {q.key: code_answers(q, [r.get(q.key) for r in raw]) for q in QUESTIONS}
    size = len(raw)
    return WaveData(
        wave=None,
        questions=QUESTIONS,
        areas=[],
        ids=np.arange(size),
        representative=np.ones(size, dtype=bool),
        stored_weights=np.full(size, np.nan),
        answers=answers,
        raw=raw,
        dimensions={},
    )


answer_sets = st.fixed_dictionaries(
    {},
    optional={
        "s": st.sampled_from(CHOICES),
        "t": st.sampled_from(CHOICES),
        "m": st.lists(st.sampled_from(MULTI), min_size=1, max_size=3, unique=True),
        "n": st.integers(0, 12),
    },
)


def leaves() -> st.SearchStrategy[dict]:
    values = st.lists(st.sampled_from(CHOICES), min_size=1, max_size=3)
    return st.one_of(
        st.builds(
            lambda q, v: {"op": "in", "q": q, "values": v}, st.sampled_from(["s", "t"]), values
        ),
        st.builds(
            lambda q, v: {"op": "not_in", "q": q, "values": v}, st.sampled_from(["s", "t"]), values
        ),
        st.builds(lambda v: {"op": "selected", "q": "m", "value": v}, st.sampled_from(MULTI)),
        st.builds(
            lambda v: {"op": "in", "q": "m", "values": v},
            st.lists(st.sampled_from(MULTI), min_size=1),
        ),
        st.builds(lambda v: {"op": "selected", "q": "s", "value": v}, st.sampled_from(CHOICES)),
        st.builds(lambda q: {"op": "answered", "q": q}, st.sampled_from(["s", "m", "n", "nope"])),
        st.builds(
            lambda c, v: {"op": "cmp", "q": "n", "cmp": c, "value": v},
            st.sampled_from(["=", "!=", ">", ">=", "<", "<="]),
            st.integers(0, 12),
        ),
        st.builds(
            lambda v: {"op": "in", "q": "n", "values": v}, st.lists(st.integers(0, 12), min_size=1)
        ),
        st.builds(lambda v: {"op": "cmp", "q": "s", "cmp": "=", "value": v}, st.integers(0, 3)),
    )


conditions = st.recursive(
    leaves(),
    lambda inner: st.one_of(
        st.builds(lambda a: {"op": "and", "args": a}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda a: {"op": "or", "args": a}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda a: {"op": "not", "arg": a}, inner),
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(answer_sets, min_size=1, max_size=25), conditions)
def test_vectorised_rule_equals_evaluate_per_respondent(raw, condition):
    expected = [evaluate(condition, answers) for answers in raw]
    assert counted(condition, wave_data(raw)).tolist() == expected


def test_base_leaves_out_dont_know_and_unanswered():
    data = wave_data([{"s": "a"}, {"s": "vet_ej"}, {}, {"s": "c"}])
    rule = IndicatorRule(code="r", name={"sv": "r"}, counts=None, base_key="s")
    assert in_base(rule, data).tolist() == [True, False, False, True]


def test_standard_insecurity_rule_counts_unsafe_or_never_out_because_unsafe():
    code, _sv, _en, counts, base, _better = DEFAULT_RULES[0]
    assert code == "otrygg_ute_sen_kvall" and base == "otrygg_kvall"
    people = [
        ({"otrygg_kvall": "mycket_otrygg"}, True),
        ({"otrygg_kvall": "ganska_otrygg"}, True),
        ({"otrygg_kvall": "ganska_trygg"}, False),
        ({"otrygg_kvall": "gar_aldrig_ut", "otrygg_kvall_orsak": "ja"}, True),
        ({"otrygg_kvall": "gar_aldrig_ut", "otrygg_kvall_orsak": "nej"}, False),
        ({"otrygg_kvall": "gar_aldrig_ut"}, False),
    ]
    for answers, expected in people:
        assert evaluate(counts, answers) is expected
