"""Whatever the answers, no published cell of a results table (the tables behind the staff pages,
the exports, the public pages and the API) rests on fewer than 5 respondents, and no published
group on fewer than 30; zero stays a shown 0, distinct from suppressed."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.privacy import FigureState
from surveys.results.data import Dimension
from surveys.results.tables import mean_breakdown, share_breakdown

MIN_CELL, MIN_GROUP = 5, 30


@st.composite
def samples(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    n = draw(st.integers(0, 400))
    categories = draw(st.integers(1, 5))
    groups = draw(st.integers(1, 5))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    # Skewed probabilities give many small cells and small groups.
    p_cat = rng.dirichlet(np.full(categories, 0.4))
    p_group = rng.dirichlet(np.full(groups + 1, 0.5))  # the last: no group (e.g. sex not given)
    answers = rng.choice(np.arange(-1, categories), n, p=np.r_[0.05, 0.95 * p_cat])
    group = rng.choice(np.arange(groups + 1), n, p=p_group)
    group[group == groups] = -1
    weights = rng.uniform(0.3, 3.0, n)
    return answers, group, weights, categories, groups


def _dimension(codes: np.ndarray, groups: int) -> Dimension:
    return Dimension("omrade", "Område", [f"g{i}" for i in range(groups)], codes)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(samples())
def test_no_published_share_rests_on_too_few(sample):
    answers, group, weights, categories, groups = sample
    breakdown = share_breakdown(
        answers, [f"c{i}" for i in range(categories)], weights, _dimension(group, groups)
    )
    in_base = answers >= 0
    rows = [np.ones(len(answers), dtype=bool)] + [group == g for g in range(groups)]
    for row, members in zip(breakdown.rows, rows, strict=True):
        base = int((members & in_base).sum())
        if row.base.state is FigureState.SHOWN:
            assert row.base.value == base and (base == 0 or base >= MIN_GROUP)
        for c, cell in enumerate(row.cells):
            count = int((members & (answers == c)).sum())
            if cell.figure.state is FigureState.SHOWN:
                assert base >= MIN_GROUP
                assert count == 0 or count >= MIN_CELL
                assert (cell.figure.value == 0) == (count == 0)
                assert cell.low is not None and cell.low <= cell.figure.value <= cell.high
            else:
                assert cell.figure.value is None and cell.low is None and cell.high is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(samples())
def test_no_published_mean_rests_on_too_few(sample):
    answers, group, weights, _categories, groups = sample
    values = np.where(answers >= 0, answers.astype(float), np.nan)
    breakdown = mean_breakdown(values, "Medelvärde", weights, _dimension(group, groups))
    rows = [np.ones(len(values), dtype=bool)] + [group == g for g in range(groups)]
    for row, members in zip(breakdown.rows, rows, strict=True):
        base = int((members & ~np.isnan(values)).sum())
        if row.cells[0].figure.state is FigureState.SHOWN:
            assert base >= MIN_GROUP and row.base.value == base
        if row.base.state is FigureState.SHOWN:
            assert base == 0 or base >= MIN_GROUP


def test_zero_is_shown_as_zero_and_small_as_suppressed():
    # 40 answers: 38 "a", 2 "b", none "c".
    answers = np.array([0] * 38 + [1] * 2)
    breakdown = share_breakdown(answers, ["a", "b", "c"], np.ones(40), None)
    a, b, c = breakdown.total.cells
    assert c.figure.state is FigureState.SHOWN and c.figure.value == 0
    assert b.figure.state is FigureState.SUPPRESSED
    # With b hidden, a (= 100 % minus b) would give b away: it is hidden too.
    assert a.figure.state is FigureState.SUPPRESSED
