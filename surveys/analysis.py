"""Survey statistics as pure functions: raking weights, trimming, design effects, weighted
shares and means with confidence intervals, differences between waves. numpy arrays and plain
data in, results out; no ORM.

Raking works on the table of cells (one cell per combination of the margins' categories), not on
the respondents: every respondent in a cell gets the same factor, so each sweep costs the size of
the table, not of the sample, and 100,000 respondents rake as fast as 1,000. What costs per
respondent is turning labels into category numbers, done once with numpy where it can be.
"""

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

Z95 = 1.959963984540054


class RakingError(ValueError):
    """The margins cannot be reproduced; the message names the variable and category."""


@dataclass(frozen=True)
class CodedMargin:
    """One margin with its respondents' category numbers: `codes[i]` is the index into
    `categories` of respondent i, or len(categories) when the respondent did not give the
    variable (allowed only with `allow_unknown`)."""

    name: str
    categories: list
    targets: np.ndarray
    codes: np.ndarray
    allow_unknown: bool = False


def code_labels(
    labels: Sequence[object], categories: Sequence[object], name: str, *, allow_unknown: bool
) -> np.ndarray:
    """Category numbers for labels; None is "unknown" (len(categories)) when allowed. A label
    outside the categories raises RakingError naming it."""
    k = len(categories)
    if isinstance(labels, np.ndarray) and labels.dtype.kind in "iuUS":
        cats = np.asarray(list(categories))
        if cats.dtype.kind == labels.dtype.kind or {cats.dtype.kind, labels.dtype.kind} <= {
            "i",
            "u",
        }:
            order = np.argsort(cats, kind="stable")
            ordered = cats[order]
            pos = np.searchsorted(ordered, labels).clip(0, k - 1)
            bad = ordered[pos] != labels
            if not bad.any():
                return order[pos].astype(np.intp)
            raise _unknown_label(name, labels[np.argmax(bad)])
        raise _unknown_label(name, labels[0])
    index = {category: i for i, category in enumerate(categories)}
    if allow_unknown:
        index[None] = k
    try:
        return np.fromiter(map(index.__getitem__, labels), dtype=np.intp, count=len(labels))
    except KeyError as missing:
        raise _unknown_label(name, missing.args[0]) from None


def _unknown_label(name: str, label: object) -> RakingError:
    if isinstance(label, np.generic):
        label = label.item()
    return RakingError(
        f"{name}={label}: kategorin finns bland de svarande men saknas i "
        f"populationsmarginalen för {name}."
    )


def _check_margins(margins: list["CodedMargin"]) -> None:
    first = margins[0]
    total = float(first.targets.sum())
    for margin in margins:
        value = float(margin.targets.sum())
        if not math.isclose(value, total, rel_tol=1e-9):
            raise RakingError(
                f"Marginalerna summerar inte till samma population: {first.name} = {total:g}, "
                f"{margin.name} = {value:g}."
            )
    for margin in margins:
        for category, value in zip(margin.categories, margin.targets, strict=True):
            if not value > 0:
                raise RakingError(f"{margin.name}={category}: populationen måste vara större än 0.")


def coded_margins(
    columns: Mapping[str, Sequence[object]],
    margins: Mapping[str, Mapping[object, float]],
    unknown: Collection[str] = (),
) -> list[CodedMargin]:
    if set(columns) != set(margins) or not margins:
        raise RakingError("Varje marginal behöver en kolumn med de svarandes kategorier.")
    out = []
    for name, margin in margins.items():
        categories = list(margin)
        codes = code_labels(columns[name], categories, name, allow_unknown=name in unknown)
        targets = np.array([margin[c] for c in categories], dtype=float)
        out.append(CodedMargin(name, categories, targets, codes, name in unknown))
    return out


class _CellTable:
    """Respondents counted per cell: one cell per combination of the margins' categories, plus
    an "unknown" slot on the axes that allow it.

    A respondent who did not give a variable is imputed fractionally: spread over its
    categories in the population's proportions (a man-or-woman respondent counts 0.51 as a
    woman and 0.49 as a man in a population with 51 % women), then raked like everyone else.
    Their weight is the sum over the fractions. Raking itself stays the ordinary iterative
    proportional fitting on the table of (fractional) counts, with its unique solution.
    """

    def __init__(self, margins: list[CodedMargin], base_weights: np.ndarray | None) -> None:
        if not margins:
            raise RakingError("Varje marginal behöver en kolumn med de svarandes kategorier.")
        _check_margins(margins)
        self.margins = margins
        self.full_shape = tuple(len(m.categories) + m.allow_unknown for m in margins)
        self.shape = tuple(len(m.categories) for m in margins)
        codes = [m.codes for m in margins]
        self.cell = np.ravel_multi_index(codes, self.full_shape) if len(codes) > 1 else codes[0]
        size = math.prod(self.full_shape)
        self.n_full = np.bincount(self.cell, minlength=size).reshape(self.full_shape)
        self.base_full = np.ones(self.full_shape)
        if base_weights is not None:
            # Base weights may differ within a cell; rake their sum and keep each one's share.
            sums = np.bincount(self.cell, weights=base_weights, minlength=size)
            sums = sums.reshape(self.full_shape)
            self.base_full = np.divide(
                sums, self.n_full, out=np.ones(self.full_shape), where=self.n_full > 0
            )
        self.total = float(margins[0].targets.sum())
        self.proportions = [m.targets / m.targets.sum() for m in margins]
        self.others = [
            tuple(a for a in range(len(self.shape)) if a != k) for k in range(len(margins))
        ]
        self._check_respondents()

    def _check_respondents(self) -> None:
        for k, margin in enumerate(self.margins):
            counts = self.n_full.sum(axis=tuple(a for a in range(len(self.shape)) if a != k))
            known = counts[: len(margin.categories)]
            if margin.allow_unknown and known.sum() == 0:
                raise RakingError(
                    f"{margin.name}: ingen av de svarande har angett {margin.name}, så "
                    f"marginalen kan inte användas."
                )
            empty = np.flatnonzero(known == 0)
            if empty.size:
                i = empty[0]
                raise RakingError(
                    f"{margin.name}={margin.categories[i]}: inga svarande i kategorin, men "
                    f"populationen är {margin.targets[i]:g}. Slå ihop kategorin med en annan "
                    f"eller ta bort den."
                )

    def imputed(self, full: np.ndarray) -> np.ndarray:
        """A table over the full shape folded onto the known categories: each unknown slot
        spread over its axis in the population's proportions."""
        table = full
        for k, margin in enumerate(self.margins):
            if margin.allow_unknown:
                known = np.take(table, range(len(margin.categories)), axis=k)
                unknown = np.take(table, [len(margin.categories)], axis=k)
                table = known + unknown * self.proportions[k].reshape(self._axis(k))
        return table

    def expanded(self, factors: np.ndarray) -> np.ndarray:
        """Factors over the known cells extended to the unknown slots: an unknown slot gets the
        proportion-weighted sum of the factors along its axis."""
        table = factors
        for k, margin in reversed(list(enumerate(self.margins))):
            if margin.allow_unknown:
                spread = (table * self.proportions[k].reshape(self._axis(k))).sum(
                    axis=k, keepdims=True
                )
                table = np.concatenate([table, spread], axis=k)
        return table

    def _axis(self, k: int) -> list[int]:
        shape = [1] * len(self.shape)
        shape[k] = -1
        return shape

    def rake(self, base_full: np.ndarray, *, tol: float, max_iter: int) -> np.ndarray:
        """Factors over the known cells so that the imputed base × factors reproduces every
        margin."""
        table = self.imputed(self.n_full * base_full)
        factors = np.ones(self.shape)
        targets = [m.targets for m in self.margins]
        for _ in range(max_iter):
            for k, target in enumerate(targets):
                fitted = (table * factors).sum(axis=self.others[k])
                factors *= (target / fitted).reshape(self._axis(k))
            misfit, worst = _worst_misfit(table * factors, targets, self.others)
            if misfit < tol:
                return factors
        k, i = worst
        margin = self.margins[k]
        raise RakingError(
            f"Viktningen konvergerade inte efter {max_iter} varv: "
            f"{margin.name}={margin.categories[i]} avviker fortfarande {misfit:.2e} (relativt) "
            f"från populationen. Kontrollera att marginalerna går att förena med hur de svarande "
            f"fördelar sig."
        )

    def weights(self, cell_weights: np.ndarray, base_weights: np.ndarray | None) -> np.ndarray:
        """Respondents' weights from weights per full cell (one respondent's worth)."""
        per_respondent = cell_weights.reshape(-1)[self.cell]
        if base_weights is None:
            return per_respondent
        # A cell's weight spread over its respondents in proportion to their base weights.
        return per_respondent * base_weights / self.base_full.reshape(-1)[self.cell]


def _worst_misfit(
    fitted: np.ndarray, targets: list[np.ndarray], others: list[tuple[int, ...]]
) -> tuple[float, tuple[int, int]]:
    worst, where = 0.0, (0, 0)
    for k, target in enumerate(targets):
        misfit = np.abs(fitted.sum(axis=others[k]) - target) / target
        i = int(np.argmax(misfit))
        if misfit[i] > worst:
            worst, where = float(misfit[i]), (k, i)
    return worst, where


def rake(
    columns: Mapping[str, Sequence[object]],
    margins: Mapping[str, Mapping[object, float]],
    *,
    tol: float = 1e-10,
    max_iter: int = 1000,
    base_weights: Sequence[float] | None = None,
    unknown: Collection[str] = (),
) -> np.ndarray:
    """Weights (one per respondent) whose weighted counts reproduce every margin.

    `columns` maps each margin's name to one category label per respondent; `margins` maps the
    same names to {label: population total}. Iterative proportional fitting until the largest
    relative misfit of any margin category is below `tol`. Raises RakingError naming the cell
    when a label is missing from its margin, a margin category has no respondents, the margins
    disagree on the total, or the fit does not converge.

    For the margins named in `unknown`, a label None means the respondent did not give that
    variable (e.g. sex "annat / vill inte svara"). Such a respondent is imputed fractionally:
    spread over the variable's categories in the population's proportions and raked like the
    others (see _CellTable); the margins then hold for the fractional counts and the weights add
    up to the population.
    """
    return rake_coded(
        coded_margins(columns, margins, unknown),
        tol=tol,
        max_iter=max_iter,
        base_weights=base_weights,
    )


def rake_coded(
    margins: list[CodedMargin],
    *,
    tol: float = 1e-10,
    max_iter: int = 1000,
    base_weights: Sequence[float] | None = None,
) -> np.ndarray:
    base = None if base_weights is None else np.asarray(base_weights, dtype=float)
    cells = _CellTable(margins, base)
    factors = cells.rake(cells.base_full, tol=tol, max_iter=max_iter)
    return cells.weights(cells.base_full * cells.expanded(factors), base)


@dataclass(frozen=True)
class Weighting:
    weights: np.ndarray
    trimmed: int  # respondents whose weight was capped
    design_effect: float


def trim_and_rake(
    columns: Mapping[str, Sequence[object]],
    margins: Mapping[str, Mapping[object, float]],
    *,
    ratio: float = 5.0,
    cycles: int = 200,
    tol: float = 1e-10,
    unknown: Collection[str] = (),
) -> np.ndarray:
    """Raking with trimming: weights above `ratio` × the mean weight are cut to it and the
    sample is raked again from the trimmed weights, until no weight is above the cap (or the
    cycles run out; the margins always hold, the cap then only approximately)."""
    margins_coded = coded_margins(columns, margins, unknown)
    return trim_and_rake_coded(margins_coded, ratio=ratio, cycles=cycles, tol=tol).weights


def trim_and_rake_coded(
    margins: list[CodedMargin], *, ratio: float = 5.0, cycles: int = 200, tol: float = 1e-10
) -> Weighting:
    """As trim_and_rake, on coded margins, entirely on the table of cells."""
    cells = _CellTable(margins, None)
    n = cells.n_full.sum()
    weight = cells.expanded(cells.rake(cells.base_full, tol=tol, max_iter=1000))
    capped = np.zeros(cells.full_shape, dtype=bool)
    for _ in range(cycles):
        cap = ratio * (cells.n_full * weight).sum() / n
        over = (weight > cap * (1 + 1e-7)) & (cells.n_full > 0)
        if not over.any():
            break
        capped |= over
        base = np.minimum(weight, cap)
        weight = base * cells.expanded(cells.rake(base, tol=tol, max_iter=1000))
    weights = cells.weights(weight, None)
    return Weighting(weights, int(cells.n_full[capped].sum()), kish_design_effect(weights))


def kish_design_effect(weights: np.ndarray) -> float:
    """Kish's design effect from unequal weighting: n Σw² / (Σw)² (1 for equal weights)."""
    weights = np.asarray(weights, dtype=float)
    total = weights.sum()
    if weights.size == 0 or total <= 0:
        return float("nan")
    return float(weights.size * np.square(weights).sum() / total**2)


@dataclass(frozen=True)
class ShareEstimate:
    """A weighted share in 0..1 with its 95 % interval; `n` respondents in the base."""

    share: float
    low: float
    high: float
    n: int
    design_effect: float

    @property
    def effective_n(self) -> float:
        return self.n / self.design_effect


def wilson_interval(share: float, effective_n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson's score interval with the effective sample size (n / design effect), so that the
    interval stays inside 0..1 and is honest for small shares."""
    if effective_n <= 0:
        return (float("nan"), float("nan"))
    low, high = wilson_intervals(np.array([share]), np.array([effective_n]), z)
    return (float(low[0]), float(high[0]))


def wilson_intervals(
    shares: np.ndarray, effective_n: np.ndarray, z: float = Z95
) -> tuple[np.ndarray, np.ndarray]:
    """wilson_interval for arrays (NaN where the effective n is 0)."""
    p = np.asarray(shares, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        n = np.where(effective_n > 0, effective_n, np.nan)
        z2 = z * z
        centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        half = (z / (1 + z2 / n)) * np.sqrt(p * (1 - p) / n + z2 / (4 * n**2))
        # At 0 and 1 the limits are exactly the share (rounding would put them a hair off).
        low = np.minimum(np.maximum(0.0, centre - half), p)
        high = np.maximum(np.minimum(1.0, centre + half), p)
    return low, high


def weighted_share(counted: np.ndarray, weights: np.ndarray, in_base: np.ndarray) -> ShareEstimate:
    """The weighted share of the base (respondents with `in_base`) for whom `counted` holds."""
    base = np.asarray(in_base, dtype=bool)
    w = np.asarray(weights, dtype=float)[base]
    hits = np.asarray(counted, dtype=bool)[base]
    n = int(base.sum())
    if n == 0 or w.sum() <= 0:
        return ShareEstimate(float("nan"), float("nan"), float("nan"), n, float("nan"))
    share = float(w[hits].sum() / w.sum())
    deff = kish_design_effect(w)
    low, high = wilson_interval(share, n / deff)
    return ShareEstimate(share, low, high, n, deff)


@dataclass(frozen=True)
class ShareTable:
    """Weighted shares per group and category, all as arrays (groups × categories): `counts`
    respondents, `shares` in 0..1 with `low`/`high` 95 % limits; per group `n` respondents in
    the base and the Kish `design_effect`. NaN where a group has no respondents."""

    counts: np.ndarray
    shares: np.ndarray
    low: np.ndarray
    high: np.ndarray
    n: np.ndarray
    design_effect: np.ndarray


def share_table(
    answers: np.ndarray, categories: int, groups: np.ndarray, n_groups: int, weights: np.ndarray
) -> ShareTable:
    """Shares of each category within each group, in three bincounts whatever the size.

    `answers` is either one category number per respondent (-1 outside the base: unanswered or
    "vet ej"), or a boolean matrix respondents × categories for multiple choice (each row with
    a True is in the base). `groups` is each respondent's group number (-1 for none)."""
    w = np.asarray(weights, dtype=float)
    multiple = answers.ndim == 2
    in_base = answers.any(axis=1) if multiple else answers >= 0
    in_base &= groups >= 0
    g, wb = groups[in_base], w[in_base]
    n = np.bincount(g, minlength=n_groups)
    wsum = np.bincount(g, weights=wb, minlength=n_groups)
    w2sum = np.bincount(g, weights=wb * wb, minlength=n_groups)
    if multiple:
        chosen = answers[in_base]
        counts = np.zeros((n_groups, categories), dtype=np.int64)
        weighted = np.zeros((n_groups, categories))
        for c in range(categories):
            counts[:, c] = np.bincount(g[chosen[:, c]], minlength=n_groups)
            weighted[:, c] = np.bincount(
                g[chosen[:, c]], weights=wb[chosen[:, c]], minlength=n_groups
            )
    else:
        flat = g * categories + answers[in_base]
        size = n_groups * categories
        counts = np.bincount(flat, minlength=size).reshape(n_groups, categories)
        weighted = np.bincount(flat, weights=wb, minlength=size).reshape(n_groups, categories)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = weighted / wsum[:, None]
        deff = n * w2sum / wsum**2
        effective = np.where(n > 0, n / deff, 0.0)
    low, high = wilson_intervals(shares, effective[:, None])
    return ShareTable(counts, shares, low, high, n, deff)


@dataclass(frozen=True)
class MeanTable:
    """Weighted means per group with 95 % intervals (normal, with the Kish effective n)."""

    means: np.ndarray
    low: np.ndarray
    high: np.ndarray
    n: np.ndarray
    design_effect: np.ndarray


def mean_table(
    values: np.ndarray, groups: np.ndarray, n_groups: int, weights: np.ndarray, z: float = Z95
) -> MeanTable:
    """Weighted means of `values` (NaN outside the base) within each group. The variance is the
    weighted population variance over the effective n, n / deff."""
    in_base = ~np.isnan(values) & (groups >= 0)
    g, x, w = groups[in_base], values[in_base], np.asarray(weights, dtype=float)[in_base]
    n = np.bincount(g, minlength=n_groups)
    wsum = np.bincount(g, weights=w, minlength=n_groups)
    w2sum = np.bincount(g, weights=w * w, minlength=n_groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = np.bincount(g, weights=w * x, minlength=n_groups) / wsum
        spread = np.bincount(g, weights=w * (x - means[g]) ** 2, minlength=n_groups) / wsum
        deff = n * w2sum / wsum**2
        half = z * np.sqrt(spread * deff / n)
    return MeanTable(means, means - half, means + half, n, deff)


@dataclass(frozen=True)
class Difference:
    """A change between two independent estimates (later − earlier), with its 95 % interval;
    `significant` when the interval excludes zero."""

    change: float
    low: float
    high: float

    @property
    def significant(self) -> bool:
        return self.low > 0 or self.high < 0


def share_difference(
    later: tuple[float, float, float], earlier: tuple[float, float, float]
) -> Difference:
    """Newcombe's hybrid score interval for the difference of two independent shares, from
    each share's own (Wilson, design-effect adjusted) interval: (share, low, high) each."""
    p1, l1, u1 = later
    p2, l2, u2 = earlier
    d = p1 - p2
    return Difference(
        d,
        d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
        d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    )


def mean_difference(
    later: tuple[float, float, float], earlier: tuple[float, float, float]
) -> Difference:
    """The difference of two independent means with symmetric intervals: the half-widths add
    in quadrature."""
    m1, l1, u1 = later
    m2, l2, u2 = earlier
    half = math.sqrt(((u1 - l1) / 2) ** 2 + ((u2 - l2) / 2) ** 2)
    return Difference(m1 - m2, m1 - m2 - half, m1 - m2 + half)
