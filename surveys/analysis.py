"""Survey statistics as pure functions: raking weights, trimming, design effects, weighted
shares with confidence intervals. numpy arrays and plain data in, results out; no ORM.

Raking works on the table of cells (one cell per combination of the margins' categories), not on
the respondents: every respondent in a cell gets the same factor, so each sweep costs the size of
the table, not of the sample, and 100,000 respondents rake as fast as 1,000.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

Z95 = 1.959963984540054


class RakingError(ValueError):
    """The margins cannot be reproduced; the message names the variable and category."""


def _codes(labels: Sequence[object], categories: list[object], name: str) -> np.ndarray:
    index = {category: i for i, category in enumerate(categories)}
    try:
        return np.fromiter(map(index.__getitem__, labels), dtype=np.intp, count=len(labels))
    except KeyError as missing:
        raise RakingError(
            f"{name}={missing.args[0]}: kategorin finns bland de svarande men saknas i "
            f"populationsmarginalen för {name}."
        ) from None


def _check_margins(margins: Mapping[str, Mapping[object, float]]) -> float:
    totals = {name: float(sum(m.values())) for name, m in margins.items()}
    first, total = next(iter(totals.items()))
    for name, value in totals.items():
        if not math.isclose(value, total, rel_tol=1e-9):
            raise RakingError(
                f"Marginalerna summerar inte till samma population: {first} = {total:g}, "
                f"{name} = {value:g}."
            )
    for name, margin in margins.items():
        for category, value in margin.items():
            if not value > 0:
                raise RakingError(f"{name}={category}: populationen måste vara större än 0.")
    return total


def rake(
    columns: Mapping[str, Sequence[object]],
    margins: Mapping[str, Mapping[object, float]],
    *,
    tol: float = 1e-10,
    max_iter: int = 1000,
    base_weights: Sequence[float] | None = None,
) -> np.ndarray:
    """Weights (one per respondent) whose weighted counts reproduce every margin.

    `columns` maps each margin's name to one category label per respondent; `margins` maps the
    same names to {label: population total}. Iterative proportional fitting until the largest
    relative misfit of any margin category is below `tol`. Raises RakingError naming the cell
    when a label is missing from its margin, a margin category has no respondents, the margins
    disagree on the total, or the fit does not converge.
    """
    if set(columns) != set(margins) or not margins:
        raise RakingError("Varje marginal behöver en kolumn med de svarandes kategorier.")
    names = list(margins)
    _check_margins(margins)
    categories = [list(margins[name]) for name in names]
    n = len(columns[names[0]])
    codes = [
        _codes(columns[name], cats, name) for name, cats in zip(names, categories, strict=True)
    ]
    shape = tuple(len(c) for c in categories)
    cell = np.ravel_multi_index(codes, shape) if len(shape) > 1 else codes[0]
    base = np.ones(n) if base_weights is None else np.asarray(base_weights, dtype=float)
    table = np.bincount(cell, weights=base, minlength=math.prod(shape)).reshape(shape)
    targets = [
        np.array([margins[name][c] for c in cats], dtype=float)
        for name, cats in zip(names, categories, strict=True)
    ]
    others = [tuple(a for a in range(len(shape)) if a != k) for k in range(len(shape))]
    for k, (name, cats) in enumerate(zip(names, categories, strict=True)):
        empty = np.flatnonzero(table.sum(axis=others[k]) == 0)
        if empty.size:
            raise RakingError(
                f"{name}={cats[empty[0]]}: inga svarande i kategorin, men populationen är "
                f"{targets[k][empty[0]]:g}. Slå ihop kategorin med en annan eller ta bort den."
            )
    factors = np.ones(shape)
    for _ in range(max_iter):
        for k, target in enumerate(targets):
            fitted = (table * factors).sum(axis=others[k])
            reshape = [1] * len(shape)
            reshape[k] = -1
            factors *= (target / fitted).reshape(reshape)
        misfit, worst = _worst_misfit(table * factors, targets, others)
        if misfit < tol:
            return factors.reshape(-1)[cell] * base
    k, i = worst
    raise RakingError(
        f"Viktningen konvergerade inte efter {max_iter} varv: {names[k]}={categories[k][i]} "
        f"avviker fortfarande {misfit:.2e} (relativt) från populationen. Kontrollera att "
        f"marginalerna går att förena med hur de svarande fördelar sig."
    )


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


def trim_and_rake(
    columns: Mapping[str, Sequence[object]],
    margins: Mapping[str, Mapping[object, float]],
    *,
    ratio: float = 5.0,
    cycles: int = 200,
    tol: float = 1e-10,
) -> np.ndarray:
    """Raking with trimming: weights above `ratio` × the mean weight are cut to it and the
    sample is raked again from the trimmed weights, until no weight is above the cap (or the
    cycles run out; the margins always hold, the cap then only approximately)."""
    weights = rake(columns, margins, tol=tol)
    for _ in range(cycles):
        cap = ratio * weights.mean()
        if weights.max() <= cap * (1 + 1e-7):
            break
        weights = rake(columns, margins, tol=tol, base_weights=np.minimum(weights, cap))
    return weights


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
    z2 = z * z
    centre = (share + z2 / (2 * effective_n)) / (1 + z2 / effective_n)
    half = (z / (1 + z2 / effective_n)) * math.sqrt(
        share * (1 - share) / effective_n + z2 / (4 * effective_n**2)
    )
    return (max(0.0, centre - half), min(1.0, centre + half))


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
