"""Show-if conditions in words for the staff pages, and their problems as Swedish sentences.

The condition language itself is surveys.conditions; this module only reads it.
"""

from collections.abc import Mapping

from django.utils.translation import gettext as _

from surveys import conditions
from surveys.models import Question

COMPARISON_WORDS = {"=": "=", "!=": "≠", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}


def _label(questions: Mapping[str, Question], key: str, value: object) -> str:
    question = questions.get(key)
    if question is None:
        return f"”{value}”"
    return f"”{question.option_label(str(value), 'sv')}”"


def _labels(questions: Mapping[str, Question], key: str, values: list) -> str:
    texts = [_label(questions, key, v) for v in values]
    if len(texts) == 1:
        return texts[0]
    return _("%(first)s eller %(last)s") % {"first": ", ".join(texts[:-1]), "last": texts[-1]}


def describe(condition: Mapping | None, questions: Mapping[str, Question]) -> str:
    """The condition as a sentence fragment: "”otrygg_kvall” är ”Går aldrig ut …”"."""
    if condition is None:
        return ""
    op = condition.get("op")
    if op in ("and", "or"):
        joiner = _(" och ") if op == "and" else _(" eller ")
        return "(" + joiner.join(describe(c, questions) for c in condition["args"]) + ")"
    if op == "not":
        return _("inte %(condition)s") % {"condition": describe(condition["arg"], questions)}
    key = condition.get("q", "")
    subject = f"”{key}”"
    if op == "in":
        return _("%(q)s är %(values)s") % {
            "q": subject,
            "values": _labels(questions, key, condition["values"]),
        }
    if op == "not_in":
        return _("%(q)s är besvarad men inte %(values)s") % {
            "q": subject,
            "values": _labels(questions, key, condition["values"]),
        }
    if op == "selected":
        return _("%(q)s har %(value)s ikryssat") % {
            "q": subject,
            "value": _label(questions, key, condition["value"]),
        }
    if op == "answered":
        return _("%(q)s är besvarad") % {"q": subject}
    if op == "cmp":
        sign = COMPARISON_WORDS.get(condition.get("cmp"), condition.get("cmp"))
        return f"{subject} {sign} {condition.get('value')}"
    return str(condition)


def known_before(ordered: list[Question], question: Question) -> dict[str, set[str] | None]:
    """The keys a condition on `question` may refer to: the questions asked before it, with
    their choice values (None for questions without choices)."""
    known: dict[str, set[str] | None] = {}
    for earlier in ordered:
        if earlier.pk == question.pk:
            break
        values = earlier.item_version.option_values()
        known[earlier.key] = set(values) if values else None
    return known


def problems_in_swedish(
    question: Question, condition: Mapping, known: Mapping[str, set[str] | None]
) -> list[str]:
    """What is wrong with a condition on `question`, in Swedish; empty when it is usable."""
    found = conditions.problems(condition, known)
    if not found:
        return []
    messages = []
    for key in sorted(conditions.referenced_keys(condition)):
        if key not in known:
            messages.append(
                _(
                    "”%(question)s” kan bara visas beroende på frågor som kommer före den, och "
                    "”%(key)s” gör inte det."
                )
                % {"question": question.key, "key": key}
            )
    messages += [
        _("Frågan ”%(key)s” har inget svarsalternativ ”%(value)s”.") % {"key": k, "value": v}
        for k, v in _unknown_values(condition, known)
    ]
    return messages or [_("Villkoret går inte att använda (%(detail)s).") % {"detail": found[0]}]


def _unknown_values(condition: Mapping, known: Mapping[str, set[str] | None]) -> list[tuple]:
    op = condition.get("op")
    if op in ("and", "or"):
        return [p for c in condition.get("args") or [] for p in _unknown_values(c, known)]
    if op == "not":
        return _unknown_values(condition.get("arg") or {}, known)
    key = condition.get("q")
    choices = known.get(key)
    if choices is None:
        return []
    values = condition.get("values") if op in ("in", "not_in") else [condition.get("value")]
    return [
        (key, v) for v in values or [] if op in ("in", "not_in", "selected") and v not in choices
    ]
