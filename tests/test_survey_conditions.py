"""Show-if conditions and indicator rules share one small condition language."""

from surveys.conditions import evaluate, problems, referenced_keys

NEVER_OUT = {"op": "in", "q": "otrygg_kvall", "values": ["gar_aldrig_ut"]}
UNSAFE = {
    "op": "or",
    "args": [
        {"op": "in", "q": "otrygg_kvall", "values": ["ganska_otrygg", "mycket_otrygg"]},
        {
            "op": "and",
            "args": [NEVER_OUT, {"op": "in", "q": "otrygg_kvall_orsak", "values": ["ja"]}],
        },
    ],
}


def test_no_condition_always_holds():
    assert evaluate(None, {})


def test_in_and_unanswered():
    assert evaluate(NEVER_OUT, {"otrygg_kvall": "gar_aldrig_ut"})
    assert not evaluate(NEVER_OUT, {"otrygg_kvall": "mycket_trygg"})
    assert not evaluate(NEVER_OUT, {})


def test_brå_indicator_unsafe_or_not_going_out_because_unsafe():
    assert evaluate(UNSAFE, {"otrygg_kvall": "ganska_otrygg"})
    assert evaluate(UNSAFE, {"otrygg_kvall": "gar_aldrig_ut", "otrygg_kvall_orsak": "ja"})
    assert not evaluate(UNSAFE, {"otrygg_kvall": "gar_aldrig_ut", "otrygg_kvall_orsak": "nej"})
    assert not evaluate(UNSAFE, {"otrygg_kvall": "ganska_trygg"})


def test_selected_in_multiple_choice_and_not():
    condition = {"op": "selected", "q": "platser", "value": "park"}
    assert evaluate(condition, {"platser": ["torg", "park"]})
    assert not evaluate(condition, {"platser": ["torg"]})
    assert evaluate({"op": "not", "arg": condition}, {})


def test_number_comparison():
    condition = {"op": "cmp", "q": "antal", "cmp": ">=", "value": 2}
    assert evaluate(condition, {"antal": 3})
    assert not evaluate(condition, {"antal": 1})
    assert not evaluate(condition, {"antal": "3"})


def test_referenced_keys():
    assert referenced_keys(UNSAFE) == {"otrygg_kvall", "otrygg_kvall_orsak"}


def test_problems_name_unknown_questions_and_options():
    known = {"otrygg_kvall": {"mycket_trygg", "gar_aldrig_ut"}}
    assert problems(NEVER_OUT, known) == []
    assert problems({"op": "in", "q": "nope", "values": ["x"]}, known) == [
        "refers to 'nope', which is not an earlier question"
    ]
    assert problems({"op": "in", "q": "otrygg_kvall", "values": ["x"]}, known) == [
        "'otrygg_kvall' has no option 'x'"
    ]
    assert problems({"op": "xor"}, known) == ["unknown operator 'xor'"]
