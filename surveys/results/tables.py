"""Published results of a wave: shares and means per question, indicators and the problem
index, for all respondents and broken down by one variable at a time.

Every figure passes through core.privacy.suppress_table before it leaves this module, so staff
pages, exports, public pages and the API publish the same cells. Shares are kept in percent,
unrounded; pages round them (one decimal for staff, whole percent for residents).
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.privacy import PublicFigure, TableSuppression, public_count, suppress_table
from surveys.analysis import mean_table, share_table
from surveys.models import IndicatorRule, ItemKind, translated
from surveys.results.data import MEAN_KINDS, SHARE_KINDS, Dimension, QuestionInfo, WaveData
from surveys.results.rules import counted, in_base


@dataclass(frozen=True)
class Estimate:
    """A published share (in percent) or mean with its 95 % interval; the limits are None
    unless the figure is shown."""

    figure: PublicFigure
    low: float | None = None
    high: float | None = None


@dataclass
class ResultRow:
    label: str
    base: PublicFigure
    cells: list[Estimate]
    is_total: bool = False


@dataclass
class Breakdown:
    """One table: the row for all respondents first, then one row per group."""

    columns: list[str]
    rows: list[ResultRow]
    dimension: Dimension | None
    measure: str  # "share" or "mean"

    @property
    def total(self) -> ResultRow:
        return self.rows[0]


@dataclass
class QuestionResult:
    question: QuestionInfo
    measure: str  # "share", "mean" or "text" (answered, not shown)
    breakdown: Breakdown | None
    not_counted: PublicFigure = field(
        default_factory=lambda: public_count(None, counts_people=True)
    )
    answered: PublicFigure = field(default_factory=lambda: public_count(None, counts_people=True))


@dataclass
class IndicatorResult:
    rule: IndicatorRule
    breakdown: Breakdown

    @property
    def name(self) -> str:
        return translated(self.rule.name, _language())

    @property
    def total(self) -> Estimate:
        return self.breakdown.total.cells[0]


def _language() -> str:
    return get_language() or "sv"


def _groups(dimension: Dimension | None, size: int) -> tuple[np.ndarray, int, list[str]]:
    if dimension is None:
        return np.full(size, -1, dtype=np.intp), 0, []
    return dimension.codes, len(dimension.labels), dimension.labels


def share_breakdown(
    answers: np.ndarray,
    columns: list[str],
    weights: np.ndarray,
    dimension: Dimension | None,
    *,
    total_label: str | None = None,
) -> Breakdown:
    """Shares of each column (category) for all and per group: `answers` is one category per
    respondent (-1 outside the base) or a boolean matrix for multiple choice."""
    k = len(columns)
    everyone = share_table(answers, k, np.zeros(len(weights), dtype=np.intp), 1, weights)
    codes, n_groups, labels = _groups(dimension, len(weights))
    groups = share_table(answers, k, codes, n_groups, weights)
    suppression = suppress_table(
        groups.counts,
        bases=groups.n,
        overall=everyone.counts[0],
        overall_base=int(everyone.n[0]),
        exclusive=answers.ndim == 1,
    )
    rows = [
        ResultRow(
            total_label or _("Samtliga"),
            suppression.overall_figure(int(everyone.n[0])),
            [_share(suppression.overall_cell(c, 1), everyone, 0, c) for c in range(k)],
            is_total=True,
        )
    ]
    for g, label in enumerate(labels):
        rows.append(
            ResultRow(
                label,
                suppression.base(g, int(groups.n[g])),
                [_share(suppression.cell(g, c, 1), groups, g, c) for c in range(k)],
            )
        )
    return Breakdown(columns, rows, dimension, "share")


def _share(state: PublicFigure, table: object, g: int, c: int) -> Estimate:
    if not state.shown or np.isnan(table.shares[g, c]):
        return Estimate(state if not state.shown else public_count(None, counts_people=False))
    return Estimate(
        PublicFigure(state.state, float(table.shares[g, c] * 100)),
        float(table.low[g, c] * 100),
        float(table.high[g, c] * 100),
    )


def mean_breakdown(
    values: np.ndarray, column: str, weights: np.ndarray, dimension: Dimension | None
) -> Breakdown:
    """Weighted means for all and per group; a group is shown when it is large enough (the
    groups' sizes suppressed as a one-column table, so a hidden group cannot be recovered)."""
    everyone = mean_table(values, np.zeros(len(weights), dtype=np.intp), 1, weights)
    codes, n_groups, labels = _groups(dimension, len(weights))
    groups = mean_table(values, codes, n_groups, weights)
    suppression = suppress_table(
        groups.n.reshape(-1, 1), overall=[int(everyone.n[0])], overall_base=int(everyone.n[0])
    )
    rows = [
        ResultRow(
            _("Samtliga"),
            suppression.overall_figure(int(everyone.n[0])),
            [_mean(suppression, None, everyone, 0)],
            is_total=True,
        )
    ]
    for g, label in enumerate(labels):
        rows.append(
            ResultRow(
                label, suppression.base(g, int(groups.n[g])), [_mean(suppression, g, groups, g)]
            )
        )
    return Breakdown([column], rows, dimension, "mean")


def _mean(suppression: TableSuppression, g: int | None, table: object, row: int) -> Estimate:
    state = suppression.overall_figure(1) if g is None else suppression.base(g, 1)
    mean = table.means[row]
    if not state.shown or np.isnan(mean):
        return Estimate(state if not state.shown else public_count(None, counts_people=False))
    return Estimate(
        PublicFigure(state.state, float(mean)), float(table.low[row]), float(table.high[row])
    )


def substantive_answers(question: QuestionInfo, data: WaveData) -> tuple[np.ndarray, list[str]]:
    """A choice question's answers as categories counted in shares ("Vet ej" left out)."""
    codes = data.answers[question.key]
    keep = np.flatnonzero(question.substantive)
    columns = [question.labels[i] for i in keep]
    if question.kind == ItemKind.MULTIPLE:
        return codes[:, keep], columns
    remap = np.full(len(question.values) + 1, -1, dtype=np.intp)
    remap[keep] = np.arange(len(keep))
    return remap[codes], columns


def question_result(
    question: QuestionInfo, data: WaveData, weights: np.ndarray, dimension: Dimension | None
) -> QuestionResult:
    codes = data.answers[question.key]
    if question.kind in SHARE_KINDS:
        answers, columns = substantive_answers(question, data)
        answered = codes.any(axis=1) if codes.ndim == 2 else codes >= 0
        in_shares = answers.any(axis=1) if answers.ndim == 2 else answers >= 0
        return QuestionResult(
            question,
            "share",
            share_breakdown(answers, columns, weights, dimension),
            not_counted=public_count(int((answered & ~in_shares).sum()), counts_people=True),
        )
    if question.kind in MEAN_KINDS:
        return QuestionResult(
            question, "mean", mean_breakdown(codes, _("Medelvärde"), weights, dimension)
        )
    return QuestionResult(
        question, "text", None, answered=public_count(int(codes.sum()), counts_people=True)
    )


def indicator_result(
    rule: IndicatorRule, data: WaveData, weights: np.ndarray, dimension: Dimension | None
) -> IndicatorResult:
    """The rule's share (counted among its base) for all and per group."""
    base = in_base(rule, data)
    hits = counted(rule.counts, data)
    answers = np.where(base, hits.astype(np.intp), -1)
    breakdown = share_breakdown(answers, [_("Ej"), _("Andel")], weights, dimension)
    for row in breakdown.rows:
        row.cells = row.cells[1:]
    breakdown.columns = [_("Andel")]
    return IndicatorResult(rule, breakdown)


@dataclass
class ProblemIndex:
    """Polisen-style problem index, 0 (hardly any problem) to 6 (alarming), per problem item
    and combined (each respondent's mean over the items they scored), each as a breakdown."""

    items: list[tuple[QuestionInfo, Breakdown]]
    combined: Breakdown | None
    weights: dict[str, float]


def problem_scores(question: QuestionInfo, data: WaveData, weights: dict[str, float]) -> np.ndarray:
    """Each respondent's score for one problem item (NaN: unanswered or "Vet ej")."""
    lookup = np.array(
        [
            float(weights[v]) if v in weights and counted_ else np.nan
            for v, counted_ in zip(question.values, question.substantive, strict=True)
        ]
        + [np.nan]
    )
    return lookup[data.answers[question.key]]


def problem_index(
    data: WaveData, weights: np.ndarray, dimension: Dimension | None, scores: dict[str, float]
) -> ProblemIndex | None:
    items = [
        q for q in data.questions if q.version.item.topic == "problem" and q.kind == ItemKind.SINGLE
    ]
    if not items:
        return None
    per_item = [problem_scores(q, data, scores) for q in items]
    matrix = np.vstack(per_item)
    answered = (~np.isnan(matrix)).sum(axis=0)
    with np.errstate(invalid="ignore"):
        combined = np.where(
            answered > 0, np.nansum(matrix, axis=0) / np.maximum(answered, 1), np.nan
        )
    return ProblemIndex(
        items=[
            (q, mean_breakdown(s, _("Problemindex"), weights, dimension))
            for q, s in zip(items, per_item, strict=True)
        ],
        combined=mean_breakdown(combined, _("Sammanvägt problemindex"), weights, dimension),
        weights=scores,
    )
