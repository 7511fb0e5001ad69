"""Properties of Gi* and of Benjamini–Hochberg that hold for every grid and every set of
p-values (hypothesis, bounded as the repository's other property tests are)."""

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from situation.analysis import benjamini_hochberg, gi_star, hot_spot_classes, p_values

GRIDS = settings(max_examples=80, deadline=None)

shapes = st.tuples(st.integers(1, 12), st.integers(1, 12))
grids = shapes.flatmap(lambda shape: arrays(np.int64, shape, elements=st.integers(0, 20)))


def same(a: np.ndarray, b: np.ndarray) -> None:
    np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
    np.testing.assert_allclose(a, b, rtol=0, atol=1e-9)


@GRIDS
@given(grids)
def test_gi_star_keeps_the_shape_and_is_finite_where_defined(counts):
    z = gi_star(counts)
    assert z.shape == counts.shape and z.dtype == np.float64
    if counts.min() == counts.max():
        assert np.isnan(z).all()
    elif min(counts.shape) >= 3:
        # Edge and corner neighbourhoods never cover the whole grid of at least 3×3.
        assert np.isfinite(z[0]).all() and np.isfinite(z[:, 0]).all()


@GRIDS
@given(grids)
def test_gi_star_turns_with_the_grid(counts):
    z = gi_star(counts)
    same(gi_star(counts.T), z.T)
    same(gi_star(counts[::-1]), z[::-1])
    same(gi_star(counts[:, ::-1]), z[:, ::-1])
    same(gi_star(np.rot90(counts)), np.rot90(z))


@GRIDS
@given(grids, st.integers(1, 7), st.integers(0, 50))
def test_gi_star_ignores_the_unit_and_the_level(counts, factor, offset):
    # z is standardised: counting in other units or adding the same number to every cell
    # changes nothing.
    z = gi_star(counts)
    same(gi_star(counts * factor), z)
    same(gi_star(counts + offset), z)


@GRIDS
@given(
    st.integers(5, 14),
    st.integers(5, 14),
    st.integers(1, 30),
    st.data(),
)
def test_a_hot_cell_moved_moves_its_z_scores(rows, cols, value, data):
    # One busy cell at least two cells from the edge, so that its neighbours are all interior:
    # wherever it is, the same z-scores surround it, and its 3×3 block is the hottest.
    def place(row, col):
        counts = np.zeros((rows, cols), dtype=int)
        counts[row, col] = value
        return gi_star(counts)

    first = (data.draw(st.integers(2, rows - 3)), data.draw(st.integers(2, cols - 3)))
    second = (data.draw(st.integers(2, rows - 3)), data.draw(st.integers(2, cols - 3)))
    a, b = place(*first), place(*second)
    block_a = a[first[0] - 1 : first[0] + 2, first[1] - 1 : first[1] + 2]
    block_b = b[second[0] - 1 : second[0] + 2, second[1] - 1 : second[1] + 2]
    same(block_a, block_b)
    assert np.allclose(block_a, a.max())
    outside = np.ones(a.shape, bool)
    outside[first[0] - 1 : first[0] + 2, first[1] - 1 : first[1] + 2] = False
    assert (a[outside] < a.max() - 1e-9).all()


p_lists = st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(p_lists)
def test_benjamini_hochberg_is_monotone_and_bounded(p):
    p = np.array(p)
    q = benjamini_hochberg(p)
    assert (q >= p - 1e-15).all() and (q <= 1).all()
    order = np.argsort(p, kind="stable")
    assert (np.diff(q[order]) >= -1e-15).all()
    # Making one p-value smaller never makes any adjusted p-value larger.
    smaller = p.copy()
    smaller[0] /= 2
    assert (benjamini_hochberg(smaller) <= q + 1e-15).all()


@settings(max_examples=200, deadline=None)
@given(p_lists, st.sampled_from([0.01, 0.05, 0.10]))
def test_benjamini_hochberg_finds_what_the_step_up_rule_finds(p, alpha):
    # The textbook rule: the largest i with p_(i) ≤ i·α/m, and every p-value up to p_(i).
    p = np.array(p)
    m = p.size
    ranked = np.sort(p)
    # Where p·m/i is α itself up to rounding either answer is right: leave such cases out.
    assume(not np.isclose(ranked * m / np.arange(1, m + 1), alpha, rtol=1e-9, atol=0).any())
    passing = np.flatnonzero(ranked <= np.arange(1, m + 1) * alpha / m)
    expected = p <= ranked[passing[-1]] if passing.size else np.zeros(m, bool)
    np.testing.assert_array_equal(benjamini_hochberg(p) <= alpha, expected)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-6, 6, allow_nan=False), min_size=1, max_size=60))
def test_the_fdr_never_makes_a_class_stronger(z):
    z = np.array(z)
    with_fdr, without = hot_spot_classes(z), hot_spot_classes(z, fdr=False)
    assert (np.abs(with_fdr) <= np.abs(without)).all()
    assert (np.sign(with_fdr) * np.sign(z) >= 0).all()
    # The class follows p: a smaller p-value is never in a weaker class.
    order = np.argsort(p_values(z), kind="stable")
    assert (np.diff(np.abs(without[order])) <= 0).all()
