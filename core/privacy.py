"""The one place where small numbers are suppressed before they are published (DOMAIN.md §7).

Every public figure that counts people (respondents, individuals reached) goes through
`public_count`; every table built from survey answers (staff results, exports, public results,
the API) goes through `suppress_table`. Templates show the result with `{% figure %}`, which
renders suppressed, missing and zero differently.

The limits are settings: `PRIVACY_MIN_CELL` (default 5: a cell with 1–4 respondents is not
shown) and `PRIVACY_MIN_BREAKDOWN` (default 30: a group with fewer respondents is not broken
down at all).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import numpy as np
from django.conf import settings
from django.utils.translation import gettext as _


class FigureState(Enum):
    SHOWN = "shown"
    SUPPRESSED = "suppressed"
    MISSING = "missing"


class Reason(Enum):
    """Why a figure is suppressed. Only the state is published in machine-readable outputs;
    pages use the reason to explain themselves."""

    SMALL_CELL = "small_cell"  # 1..min_cell-1 respondents
    SMALL_GROUP = "small_group"  # the group has fewer than min_breakdown respondents
    COMPLEMENTARY = "complementary"  # hidden so that another hidden figure cannot be computed


@dataclass(frozen=True)
class PublicFigure:
    state: FigureState
    value: float | int | None = None
    reason: Reason | None = None

    def as_dict(self) -> dict:
        """The figure as published in machine-readable outputs (API, open data): the value only
        when it is shown, always with its state, so suppressed, missing and zero stay distinct."""
        shown = self.state is FigureState.SHOWN
        value = self.value
        if shown and value is not None and not isinstance(value, int) and value == int(value):
            value = int(value)
        return {"state": self.state.value, "value": value if shown else None}

    @property
    def shown(self) -> bool:
        return self.state is FigureState.SHOWN


MISSING = PublicFigure(FigureState.MISSING)


def hidden_text(figure: PublicFigure) -> str:
    """What a table cell says instead of a value that is not shown."""
    if figure.state is FigureState.MISSING:
        return _("uppgift saknas")
    if figure.reason is Reason.COMPLEMENTARY:
        return _("dold")
    return _("för få svar")


def minimum_cell() -> int:
    return settings.PRIVACY_MIN_CELL


def minimum_breakdown() -> int:
    return settings.PRIVACY_MIN_BREAKDOWN


def public_count(value: float | int | None, *, counts_people: bool) -> PublicFigure:
    """A figure safe to publish: a count of people below the minimum cell size is suppressed.

    Zero is a real figure and is shown as 0; only 1..minimum-1 is suppressed, so zero, missing
    and suppressed stay distinct.
    """
    if value is None:
        return MISSING
    if counts_people and 0 < value < minimum_cell():
        return PublicFigure(FigureState.SUPPRESSED, reason=Reason.SMALL_CELL)
    return PublicFigure(FigureState.SHOWN, value)


# Public map points (DOMAIN.md §7): every point shown publicly passes through `public_point`.
# A precise point is published only when a moderator has approved it; otherwise it is moved to
# the centre of its cell in a grid of PUBLIC_POINT_GRID_METRES (default 200 m).
METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class PublicPoint:
    lat: float
    lon: float
    precise: bool


def coarsen_point(lat: float, lon: float, grid_metres: float | None = None) -> tuple[float, float]:
    """The centre of the grid cell the point lies in. Rows are `grid_metres` of latitude; each
    row is cut into cells `grid_metres` wide at the row's centre latitude, so cells stay square
    from Skåne to Norrbotten and a point always lands on the same public centre."""
    size = float(grid_metres or settings.PUBLIC_POINT_GRID_METRES)
    step_lat = size / METRES_PER_DEGREE
    row = math.floor(lat / step_lat)
    centre_lat = (row + 0.5) * step_lat
    step_lon = size / (METRES_PER_DEGREE * math.cos(math.radians(centre_lat)))
    column = math.floor(lon / step_lon)
    return (round(centre_lat, 6), round((column + 0.5) * step_lon, 6))


def public_point(
    lat: float | None, lon: float | None, *, precise_approved: bool
) -> PublicPoint | None:
    """The point as it may be published: precise only with a moderator's approval."""
    if lat is None or lon is None:
        return None
    if precise_approved:
        return PublicPoint(round(lat, 6), round(lon, 6), precise=True)
    c_lat, c_lon = coarsen_point(lat, lon)
    return PublicPoint(c_lat, c_lon, precise=False)


# Codes in the arrays of a TableSuppression: 0 is shown, 1–3 are the Reasons. _UNPUBLISHED marks
# the figures of respondents outside every group, which are never published but need no
# protection unless they are small.
SHOWN = 0
_SMALL_CELL, _SMALL_GROUP, _COMPLEMENTARY, _UNPUBLISHED = 1, 2, 3, 4
_REASONS = {
    _SMALL_CELL: Reason.SMALL_CELL,
    _SMALL_GROUP: Reason.SMALL_GROUP,
    _COMPLEMENTARY: Reason.COMPLEMENTARY,
}


@dataclass(frozen=True)
class TableSuppression:
    """What may be published of a table of respondent counts. Each array holds 0 where the
    figure is shown, else the code of its Reason: `cells` (groups × categories), `bases` (the
    respondents of each group), `overall` (each category among all respondents) and
    `overall_base`."""

    cells: np.ndarray
    bases: np.ndarray
    overall: np.ndarray
    overall_base: int

    @staticmethod
    def _figure(code: int, value: float | int | None) -> PublicFigure:
        if value is None:
            return MISSING
        if code:
            return PublicFigure(FigureState.SUPPRESSED, reason=_REASONS[int(code)])
        return PublicFigure(FigureState.SHOWN, value)

    def cell(self, group: int, category: int, value: float | int | None) -> PublicFigure:
        """The figure to publish for a cell (a share, an interval limit, a count…)."""
        return self._figure(self.cells[group, category], value)

    def base(self, group: int, value: float | int | None) -> PublicFigure:
        return self._figure(self.bases[group], value)

    def overall_cell(self, category: int, value: float | int | None) -> PublicFigure:
        return self._figure(self.overall[category], value)

    def overall_figure(self, value: float | int | None) -> PublicFigure:
        return self._figure(self.overall_base, value)


def suppress_table(
    cells: Sequence[Sequence[int]] | np.ndarray,
    *,
    overall: Sequence[int] | np.ndarray,
    overall_base: int,
    bases: Sequence[int] | np.ndarray | None = None,
    exclusive: bool = True,
    min_cell: int | None = None,
    min_total: int | None = None,
) -> TableSuppression:
    """Suppression for a breakdown of respondent counts: rows are groups (areas, sexes, age
    bands), columns the categories counted (answer options); `overall` is each category among
    all respondents and `overall_base` their number.

    `bases` are the respondents in each group's base (default: the row sums); `exclusive` says
    whether each respondent is in one category only (single choice: the categories then add up
    to the base). Respondents outside every group (no stated sex, say) are what the overall
    figures hold beyond the groups: never published, and protected like any cell when few.
    Rules, in order:

    1. Fewer than `min_total` respondents overall: nothing is shown.
    2. A group with 1..`min_total`-1 respondents is not shown at all (an empty group is shown:
       0 respondents, no shares).
    3. A cell with 1..`min_cell`-1 respondents is not shown (0 is shown: it is a real figure).
    4. Complementary suppression: more cells are hidden until no hidden figure can be computed
       back from the published ones (a total and its parts), checked by linear algebra on the
       table's equations (`table_equations`).

    The overall row is settled first and then left alone, so breakdowns of the same question by
    different variables never disagree about it.
    """
    tiny = minimum_cell() if min_cell is None else min_cell
    small = minimum_breakdown() if min_total is None else min_total
    all_cells = np.asarray(overall, dtype=np.int64)
    counts = np.asarray(cells, dtype=np.int64).reshape(-1, all_cells.size)
    group_n = counts.sum(axis=1) if bases is None else np.asarray(bases, dtype=np.int64)

    def codes_for(values: np.ndarray) -> np.ndarray:
        return np.where((values > 0) & (values < tiny), _SMALL_CELL, SHOWN).astype(np.int8)

    if overall_base < small:
        return TableSuppression(
            np.full(counts.shape, _SMALL_GROUP, dtype=np.int8),
            np.full(group_n.shape, _SMALL_GROUP, dtype=np.int8),
            np.full(all_cells.shape, _SMALL_GROUP, dtype=np.int8),
            _SMALL_GROUP,
        )
    overall_codes = codes_for(all_cells)
    if exclusive:
        _protect_line(overall_codes, all_cells)
    cell_codes = codes_for(counts)
    # A group nobody is in is shown as 0 (a real figure; its shares are simply missing).
    base_codes = np.where((group_n > 0) & (group_n < small), _SMALL_GROUP, SHOWN).astype(np.int8)
    cell_codes[base_codes > 0, :] = _SMALL_GROUP
    rest = all_cells - counts.sum(axis=0)
    rest_n = overall_base - int(group_n.sum())
    groups = len(base_codes)
    if groups and (rest_n or rest.any()):
        # The respondents outside every group: their number is never published and needs no
        # protection, but a small count of them in a category does.
        counts = np.vstack([counts, rest])
        group_n = np.append(group_n, rest_n)
        rest_codes = codes_for(rest)
        cell_codes = np.vstack([cell_codes, np.where(rest_codes, rest_codes, _UNPUBLISHED)])
        base_codes = np.append(base_codes, _UNPUBLISHED).astype(np.int8)
    table = _Table(counts, group_n, cell_codes, base_codes, overall_codes, exclusive)
    table.protect()
    return TableSuppression(
        table.cell_codes[:groups], table.base_codes[:groups], overall_codes, SHOWN
    )


def _protect_line(codes: np.ndarray, values: np.ndarray) -> None:
    """One line whose total is published: a single hidden cell would be total minus the rest."""
    if np.count_nonzero(codes) == 1:
        candidates = np.flatnonzero((codes == SHOWN) & (values > 0))
        if candidates.size:
            codes[candidates[np.argmin(values[candidates])]] = _COMPLEMENTARY


class _Table:
    """The table's figures as one vector of variables, with the equations that tie them:
    [cells (rows × C) | bases (rows) | overall (C) | overall base]."""

    def __init__(
        self,
        counts: np.ndarray,
        bases: np.ndarray,
        cell_codes: np.ndarray,
        base_codes: np.ndarray,
        overall_codes: np.ndarray,
        exclusive: bool,
    ) -> None:
        self.counts, self.bases = counts, bases
        self.cell_codes, self.base_codes, self.overall_codes = cell_codes, base_codes, overall_codes
        self.rows, self.categories = counts.shape
        self.equations = table_equations(self.rows, self.categories, exclusive=exclusive)

    def _codes(self) -> np.ndarray:
        return np.concatenate(
            [self.cell_codes.ravel(), self.base_codes, self.overall_codes, [SHOWN]]
        )

    def protect(self) -> None:
        if self.rows == 0:
            return
        while True:
            codes = self._codes()
            determined = computable_hidden(self.equations, codes != SHOWN)
            determined = determined[codes[determined] != _UNPUBLISHED]
            if determined.size == 0:
                return
            if not self._hide_more([int(v) for v in determined]):
                self.cell_codes[self.cell_codes == SHOWN] = _COMPLEMENTARY
                self.base_codes[self.base_codes == SHOWN] = _COMPLEMENTARY
                return

    def _hide_more(self, determined: list[int]) -> bool:
        """Hide one more cell: first on a line where a computable figure is the only hidden one
        (that line gives it away), else on any line through a computable figure."""
        cells, rows = self.rows * self.categories, self.rows
        interior = [divmod(v, self.categories) for v in determined if v < cells]
        for row, column in interior:
            if np.count_nonzero(self.cell_codes[:, column]) == 1 and self._hide_in_column(column):
                return True
            if np.count_nonzero(self.cell_codes[row]) == 1 and self._hide_in_row(row):
                return True
        for v in determined:
            overall = cells + rows <= v < cells + rows + self.categories
            if overall and self._hide_in_column(v - cells - rows):
                return True
        if any(cells <= v < cells + rows for v in determined) and self._hide_group():
            return True
        return any(self._hide_in_row(r) or self._hide_in_column(c) for r, c in interior)

    def _hide_in_row(self, row: int) -> bool:
        values = self.counts[row]
        open_ = np.flatnonzero((self.cell_codes[row] == SHOWN) & (values > 0))
        if not open_.size:
            return False
        self.cell_codes[row, open_[np.argmin(values[open_])]] = _COMPLEMENTARY
        return True

    def _hide_in_column(self, column: int) -> bool:
        values = self.counts[:, column]
        open_ = np.flatnonzero((self.cell_codes[:, column] == SHOWN) & (values > 0))
        if not open_.size:
            return False
        self.cell_codes[open_[np.argmin(values[open_])], column] = _COMPLEMENTARY
        return True

    def _hide_group(self) -> bool:
        open_ = np.flatnonzero(self.base_codes == SHOWN)
        if not open_.size:
            return False
        row = open_[np.argmin(self.bases[open_])]
        self.base_codes[row] = _COMPLEMENTARY
        self.cell_codes[row, self.cell_codes[row] == SHOWN] = _COMPLEMENTARY
        return True


def table_equations(rows: int, categories: int, *, exclusive: bool) -> np.ndarray:
    """The linear equations (each = 0) that a reader of a published breakdown knows, over the
    variables [cells (rows × C) | bases (rows) | overall (C) | overall base]: each category's
    rows add up to its overall figure and the rows' bases to the overall base; with exclusive
    categories also each row's cells to its base and the overall cells to the overall base."""
    cells = rows * categories
    width = cells + rows + categories + 1
    equations = []
    for c in range(categories):
        equation = np.zeros(width)
        equation[c:cells:categories] = 1
        equation[cells + rows + c] = -1
        equations.append(equation)
    equation = np.zeros(width)
    equation[cells : cells + rows] = 1
    equation[-1] = -1
    equations.append(equation)
    if exclusive:
        for r in range(rows):
            equation = np.zeros(width)
            equation[r * categories : (r + 1) * categories] = 1
            equation[cells + r] = -1
            equations.append(equation)
        equation = np.zeros(width)
        equation[cells + rows : cells + rows + categories] = 1
        equation[-1] = -1
        equations.append(equation)
    return np.array(equations)


def computable_hidden(equations: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """The hidden variables whose value follows from the published ones through the equations:
    variable j is determined exactly when it is constant on the solution space, i.e. when the
    null space of the equations restricted to the hidden variables is zero in coordinate j."""
    unknown = np.flatnonzero(hidden)
    if unknown.size == 0:
        return unknown
    restricted = equations[:, unknown]
    _u, singular, vt = np.linalg.svd(restricted, full_matrices=True)
    rank = int(np.sum(singular > 1e-9 * max(1.0, singular.max(initial=0.0))))
    null_space = vt[rank:]
    if null_space.shape[0] == 0:
        return unknown
    free = np.linalg.norm(null_space, axis=0) > 1e-9
    return unknown[~free]
