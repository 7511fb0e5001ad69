"""Conditions on answers: when a question is shown (show-if) and when a respondent counts
towards an indicator. Pure functions on JSON data, no ORM.

A condition is one of
    {"op": "in", "q": KEY, "values": [V, ...]}       the answer is one of the values
    {"op": "not_in", "q": KEY, "values": [V, ...]}   answered, and not one of them
    {"op": "selected", "q": KEY, "value": V}         V is among the chosen (multiple choice)
    {"op": "answered", "q": KEY}                     any answer at all
    {"op": "cmp", "q": KEY, "cmp": "=|!=|>|>=|<|<=", "value": N}   a number compared
    {"op": "and" | "or", "args": [CONDITION, ...]}
    {"op": "not", "arg": CONDITION}
An unanswered question satisfies only "not" of something.
"""

import operator
from collections.abc import Mapping

COMPARISONS = {
    "=": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}
LEAF_OPS = {"in", "not_in", "selected", "answered", "cmp"}


class ConditionError(ValueError):
    pass


def evaluate(condition: Mapping | None, answers: Mapping[str, object]) -> bool:
    """Whether the condition holds for one respondent's answers (None always holds)."""
    if condition is None:
        return True
    op = condition.get("op")
    if op == "and":
        return all(evaluate(c, answers) for c in condition["args"])
    if op == "or":
        return any(evaluate(c, answers) for c in condition["args"])
    if op == "not":
        return not evaluate(condition["arg"], answers)
    value = answers.get(condition.get("q"))
    if value is None or value == [] or value == "":
        return False
    if op == "answered":
        return True
    if op == "in":
        return _scalar(value) in condition["values"]
    if op == "not_in":
        return _scalar(value) not in condition["values"]
    if op == "selected":
        return (
            condition["value"] in value if isinstance(value, list) else value == condition["value"]
        )
    if op == "cmp":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        return COMPARISONS[condition["cmp"]](value, condition["value"])
    raise ConditionError(f"unknown operator {op!r}")


def _scalar(value: object) -> object:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def referenced_keys(condition: Mapping | None) -> set[str]:
    if condition is None:
        return set()
    op = condition.get("op")
    if op in ("and", "or"):
        return set().union(*(referenced_keys(c) for c in condition["args"]))
    if op == "not":
        return referenced_keys(condition["arg"])
    return {condition["q"]}


def problems(condition: object, known: Mapping[str, set[str] | None]) -> list[str]:
    """What is wrong with a condition, as short English developer messages (the callers put
    them into Swedish sentences). `known` maps each key that may be referred to onto the set of
    its choice values (None for questions without choices)."""
    if not isinstance(condition, Mapping):
        return ["a condition must be an object"]
    op = condition.get("op")
    if op in ("and", "or"):
        args = condition.get("args")
        if not isinstance(args, list) or not args:
            return [f"'{op}' needs a list of conditions"]
        return [p for c in args for p in problems(c, known)]
    if op == "not":
        return problems(condition.get("arg"), known)
    if op not in LEAF_OPS:
        return [f"unknown operator {op!r}"]
    key = condition.get("q")
    if key not in known:
        return [f"refers to {key!r}, which is not an earlier question"]
    choices = known[key]
    if op in ("in", "not_in"):
        values = condition.get("values")
        if not isinstance(values, list) or not values:
            return [f"'{op}' needs a list of values"]
        unknown = [v for v in values if choices is not None and v not in choices]
        return [f"{key!r} has no option {v!r}" for v in unknown]
    if op == "selected" and choices is not None and condition.get("value") not in choices:
        return [f"{key!r} has no option {condition.get('value')!r}"]
    if op == "cmp":
        if condition.get("cmp") not in COMPARISONS:
            return [f"unknown comparison {condition.get('cmp')!r}"]
        if not isinstance(condition.get("value"), int | float):
            return ["a comparison needs a number"]
    return []
