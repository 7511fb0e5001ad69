"""Comparison with an earlier wave: the change in each published share or mean, with the
interval of the change; flagged when the interval excludes zero. A change is only given when
both waves' figures are published."""

from dataclasses import dataclass

from surveys.analysis import Difference, mean_difference, share_difference
from surveys.results.data import QuestionInfo
from surveys.results.tables import Breakdown, Estimate, IndicatorResult, QuestionResult


@dataclass(frozen=True)
class Change:
    label: str
    later: Estimate
    earlier: Estimate
    difference: Difference | None  # in percentage points (shares) or the mean's unit

    @property
    def significant(self) -> bool:
        return self.difference is not None and self.difference.significant


def estimate_change(label: str, later: Estimate, earlier: Estimate, measure: str) -> Change:
    if (
        not (later.figure.shown and earlier.figure.shown)
        or later.low is None
        or earlier.low is None
    ):
        return Change(label, later, earlier, None)
    a = (later.figure.value, later.low, later.high)
    b = (earlier.figure.value, earlier.low, earlier.high)
    if measure == "share":
        # Newcombe's interval works on shares in 0..1; convert there and back.
        d = share_difference(tuple(x / 100 for x in a), tuple(x / 100 for x in b))
        difference = Difference(d.change * 100, d.low * 100, d.high * 100)
    else:
        difference = mean_difference(a, b)
    return Change(label, later, earlier, difference)


def breakdown_changes(later: Breakdown, earlier: Breakdown) -> list[Change]:
    """Row by row (same group labels), for a one-column breakdown (an indicator, a mean)."""
    before = {row.label: row for row in earlier.rows}
    changes = []
    for row in later.rows:
        if row.label in before:
            changes.append(
                estimate_change(row.label, row.cells[0], before[row.label].cells[0], later.measure)
            )
    return changes


def indicator_changes(
    later: list[IndicatorResult], earlier: list[IndicatorResult]
) -> dict[str, list[Change]]:
    before = {r.rule.code: r for r in earlier}
    return {
        r.rule.code: breakdown_changes(r.breakdown, before[r.rule.code].breakdown)
        for r in later
        if r.rule.code in before
    }


def question_changes(later: QuestionResult, earlier: QuestionResult) -> list[Change]:
    """For all respondents: each answer option (by its value, so a reworded item still
    compares) or the mean."""
    if later.breakdown is None or earlier.breakdown is None or later.measure != earlier.measure:
        return []
    if later.measure == "mean":
        return [
            estimate_change(
                later.breakdown.total.label,
                later.breakdown.total.cells[0],
                earlier.breakdown.total.cells[0],
                "mean",
            )
        ]
    now, then = (
        _by_value(later.question, later.breakdown),
        _by_value(earlier.question, earlier.breakdown),
    )
    return [
        estimate_change(label, estimate, then[value][1], "share")
        for value, (label, estimate) in now.items()
        if value in then
    ]


def _by_value(question: QuestionInfo, breakdown: Breakdown) -> dict[str, tuple[str, Estimate]]:
    values = [v for v, keep in zip(question.values, question.substantive, strict=True) if keep]
    return {
        value: (label, estimate)
        for value, label, estimate in zip(
            values, breakdown.columns, breakdown.total.cells, strict=True
        )
    }
