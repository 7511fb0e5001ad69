"""The one table suppression (core.privacy.suppress_table): small cells and small groups are never
shown, and no hidden figure can be computed back from the published ones, whatever the data.

The attacker in these tests knows every published figure and every sum that ties them (each
category's groups add up to its overall figure, the groups to the overall base, and for single
choice each group's cells to its base). Whether a hidden figure follows is decided here by
least squares, independently of the null-space test inside core.privacy.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.privacy import FigureState, Reason, public_count, suppress_table, table_equations

MIN_CELL, MIN_TOTAL = 5, 30

# Counts with many small values and zeros: the interesting cases.
count = st.one_of(st.integers(0, 6), st.integers(0, 80))


@st.composite
def breakdowns(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, bool]:
    groups = draw(st.integers(1, 5))
    categories = draw(st.integers(1, 5))
    cells = np.array(
        draw(st.lists(count, min_size=groups * categories, max_size=groups * categories))
    ).reshape(groups, categories)
    # Respondents outside every group (no stated sex, say), counted only in the overall row.
    rest = np.array(draw(st.lists(st.integers(0, 6), min_size=categories, max_size=categories)))
    exclusive = draw(st.booleans())
    return cells, rest, exclusive


def published(cells: np.ndarray, rest: np.ndarray, exclusive: bool):
    overall = cells.sum(axis=0) + rest
    bases = cells.sum(axis=1) if exclusive else cells.max(axis=1) + 1
    overall_base = int(overall.sum() if exclusive else bases.sum() + rest.max(initial=0))
    table = suppress_table(
        cells,
        bases=bases,
        overall=overall,
        overall_base=overall_base,
        exclusive=exclusive,
        min_cell=MIN_CELL,
        min_total=MIN_TOTAL,
    )
    return table, overall, bases, overall_base


def determined_by_least_squares(equations: np.ndarray, hidden: np.ndarray) -> list[int]:
    unknown = np.flatnonzero(hidden)
    a = equations[:, unknown]
    out = []
    for k, variable in enumerate(unknown):
        target = np.zeros(len(unknown))
        target[k] = 1
        # e_k is a combination of the equations' rows exactly when the variable is determined.
        coefficients, *_ = np.linalg.lstsq(a.T, target, rcond=None)
        if np.allclose(a.T @ coefficients, target, atol=1e-7):
            out.append(int(variable))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(breakdowns())
def test_no_shown_cell_is_small_and_no_small_group_is_shown(data):
    cells, rest, exclusive = data
    table, overall, bases, overall_base = published(cells, rest, exclusive)
    if overall_base < MIN_TOTAL:
        assert table.overall_base and table.cells.all() and table.overall.all()
        return
    shown = table.cells == 0
    assert not np.any(shown & (cells > 0) & (cells < MIN_CELL))
    assert not np.any((table.overall == 0) & (overall > 0) & (overall < MIN_CELL))
    for g, base in enumerate(bases):
        if 0 < base < MIN_TOTAL:
            assert table.bases[g] and table.cells[g].all()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(breakdowns())
def test_no_hidden_figure_can_be_computed_back(data):
    cells, rest, exclusive = data
    table, overall, bases, overall_base = published(cells, rest, exclusive)
    if overall_base < MIN_TOTAL:
        return
    groups, categories = cells.shape
    has_rest = bool(rest.any() or overall_base - bases.sum())
    rows = groups + has_rest
    equations = table_equations(rows, categories, exclusive=exclusive)
    cell_hidden = table.cells != 0
    base_hidden = table.bases != 0
    protected = list(np.flatnonzero(cell_hidden.ravel()))
    protected += [rows * categories + g for g in np.flatnonzero(base_hidden)]
    protected += [rows * categories + rows + c for c in np.flatnonzero(table.overall)]
    if has_rest:
        # The rest row is never published; its small cells must not be computable either.
        cell_hidden = np.vstack([cell_hidden, np.ones(categories, dtype=bool)])
        base_hidden = np.append(base_hidden, True)
        protected += [
            groups * categories + c for c in np.flatnonzero((rest > 0) & (rest < MIN_CELL))
        ]
    hidden = np.concatenate([cell_hidden.ravel(), base_hidden, table.overall != 0, [False]])
    leaked = set(determined_by_least_squares(equations, hidden)) & set(protected)
    assert not leaked, (cells.tolist(), rest.tolist(), exclusive, sorted(leaked))


def test_one_small_cell_takes_a_second_one_with_it():
    # Area a has 3 "mycket otrygg": shown alone it would be 33 - 10 - 20. The smallest other
    # cells on its lines are hidden as well, making a rectangle that cannot be solved.
    cells = [[10, 3, 20], [15, 15, 15], [12, 11, 9]]
    table = suppress_table(cells, overall=[37, 29, 44], overall_base=110)
    reasons = {
        (g, c): table.cell(g, c, 1).reason
        for g in range(3)
        for c in range(3)
        if not table.cell(g, c, 1).shown
    }
    assert reasons == {
        (0, 1): Reason.SMALL_CELL,
        (0, 0): Reason.COMPLEMENTARY,
        (2, 0): Reason.COMPLEMENTARY,
        (2, 1): Reason.COMPLEMENTARY,
    }
    assert all(table.base(g, 1).shown for g in range(3))


def test_small_group_is_hidden_with_another_group():
    # Area c has 12 respondents: hidden. Its base would then be 92 - 35 - 45: the smallest other
    # group is hidden too.
    table = suppress_table([[10, 25], [20, 25], [6, 6]], overall=[36, 56], overall_base=92)
    assert table.base(2, 12).reason is Reason.SMALL_GROUP
    assert table.base(0, 35).reason is Reason.COMPLEMENTARY
    assert table.base(1, 45).shown and table.cell(1, 0, 20).shown


def test_an_empty_group_shows_zero_and_hides_nothing_else():
    table = suppress_table([[20, 25], [0, 0]], overall=[20, 25], overall_base=45)
    assert table.base(1, 0).shown and table.base(0, 45).shown and table.cell(0, 0, 20).shown


def test_fewer_than_thirty_overall_shows_nothing():
    table = suppress_table([[10, 19]], overall=[10, 19], overall_base=29)
    assert table.overall_figure(29).state is FigureState.SUPPRESSED
    assert table.overall_cell(0, 10).reason is Reason.SMALL_GROUP


def test_zero_missing_and_suppressed_stay_distinct():
    table = suppress_table([[0, 2, 40]], overall=[0, 2, 40], overall_base=42)
    zero, small, missing = table.cell(0, 0, 0.0), table.cell(0, 1, 0.05), table.cell(0, 2, None)
    assert zero.state is FigureState.SHOWN and zero.value == 0
    assert small.state is FigureState.SUPPRESSED and small.value is None
    assert missing.state is FigureState.MISSING
    assert {f.as_dict()["state"] for f in (zero, small, missing)} == {
        "shown",
        "suppressed",
        "missing",
    }


@given(st.one_of(st.none(), st.integers(-3, 50), st.floats(0, 50, allow_nan=False)))
def test_public_count_states_are_distinct(value):
    figure = public_count(value, counts_people=True)
    if value is None:
        assert figure.state is FigureState.MISSING
    elif 0 < value < 5:
        assert figure.state is FigureState.SUPPRESSED and figure.as_dict()["value"] is None
    else:
        assert figure.state is FigureState.SHOWN and figure.value == value


@pytest.mark.parametrize("limit", [3, 10])
def test_limits_are_settings(settings, limit):
    settings.PRIVACY_MIN_CELL = limit
    settings.PRIVACY_MIN_BREAKDOWN = 2 * limit
    table = suppress_table(
        [[limit - 1, 100], [limit, 100]], overall=[2 * limit - 1, 200], overall_base=199 + 2 * limit
    )
    assert not table.cell(0, 0, 1).shown
    assert table.overall_cell(1, 1).shown
