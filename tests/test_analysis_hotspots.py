"""Getis-Ord Gi* (situation.analysis.gi_star): tiny grids worked by hand, edge cases, and PySAL's
esda.G_Local (binary queen weights with the cell itself) on random grids."""

import math
import warnings

import numpy as np
import pytest
from esda.getisord import G_Local
from libpysal.weights import lat2W
from scipy.ndimage import convolve

from situation.analysis import gi_star, hotspots


def pysal_gi_star(counts: np.ndarray) -> np.ndarray:
    rows, cols = counts.shape
    weights = lat2W(rows, cols, rook=False)  # queen contiguity, cells numbered row by row
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PySAL's 0/0 where z is undefined
        result = G_Local(counts.ravel(), weights, transform="B", star=True, permutations=0)
    return result.Zs.reshape(rows, cols)


def test_a_row_of_four_by_hand():
    # y = 4 0 0 2: n = 4, mean 6/4 = 1.5, mean of squares (16 + 4)/4 = 5, variance 5 - 2.25
    # = 2.75 = 11/4. Neighbourhoods (the cell and its neighbours): k = 2 3 3 2, sums L = 4 4 2 2.
    # z = (L - k·1.5) / (√(11/4) · √(k(4 - k)/3)):
    #   cell 0: (4 - 3) / √(11/4 · 4/3)   = 1 / √(11/3)   = √(3/11)
    #   cell 1: (4 - 4.5) / √(11/4 · 3/3) = -0.5 / √(11/4) = -1/√11
    #   cell 2: (2 - 4.5) / √(11/4)       = -2.5 / √(11/4) = -5/√11
    #   cell 3: (2 - 3) / √(11/3)         = -√(3/11)
    expected = [math.sqrt(3 / 11), -1 / math.sqrt(11), -5 / math.sqrt(11), -math.sqrt(3 / 11)]
    np.testing.assert_allclose(gi_star(np.array([[4, 0, 0, 2]])), [expected], rtol=1e-12)
    # The same row standing up gives the same z-scores, as a column.
    np.testing.assert_allclose(gi_star(np.array([[4], [0], [0], [2]])).ravel(), expected)


def test_a_three_by_three_grid_by_hand():
    # One cell of 9 in a corner: n = 9, mean 1, mean of squares 81/9 = 9, variance 8, s = 2√2.
    # Corners have k = 4: s·√(4·5/8) = 2√2·√(5/2) = 2√5.
    #   corner with the 9: (9 - 4) / 2√5 = √5/2; the other corners (0 - 4) / 2√5 = -2/√5.
    # Edge cells have k = 6: s·√(6·3/8) = 2√2 · 3/2 = 3√2.
    #   edges touching the 9: (9 - 6) / 3√2 = 1/√2; the others (0 - 6) / 3√2 = -√2.
    # The centre's neighbourhood is the whole grid (k = n = 9): 0/0, nan.
    counts = np.array([[0, 0, 0], [0, 0, 0], [0, 0, 9]])
    a, b, c, d = math.sqrt(5) / 2, -2 / math.sqrt(5), 1 / math.sqrt(2), -math.sqrt(2)
    expected = np.array([[b, d, b], [d, np.nan, c], [b, c, a]])
    np.testing.assert_allclose(gi_star(counts), expected, rtol=1e-12)


def test_the_hand_worked_grids_agree_with_pysal():
    for counts in (np.array([[4, 0, 0, 2]]), np.array([[0, 0, 0], [0, 0, 0], [0, 0, 9]])):
        np.testing.assert_allclose(gi_star(counts), pysal_gi_star(counts), rtol=1e-12)


@pytest.mark.parametrize(
    "shape", [(1, 7), (6, 1), (3, 4), (4, 3), (5, 5), (2, 9), (17, 23), (40, 31)]
)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_grids_agree_with_pysal(shape, seed):
    rng = np.random.default_rng(seed)
    # Mostly sparse counts with a few clusters, as points on a 200 m grid are.
    counts = rng.poisson(rng.gamma(0.5, 2.0, size=shape))
    if counts.min() == counts.max():
        counts.flat[0] += 1
    ours, reference = gi_star(counts), pysal_gi_star(counts)
    assert ours.shape == counts.shape
    np.testing.assert_allclose(ours, reference, rtol=0, atol=1e-9)


@pytest.mark.parametrize("band_cells", [1, 24, 50, 95])
@pytest.mark.parametrize("shape", [(3, 3), (3, 8), (17, 23), (12, 5)])
def test_grids_done_in_many_bands_agree_with_pysal(monkeypatch, band_cells, shape):
    # Big grids are done a band of rows at a time; small bands here make several of them, with
    # a last band shorter than the others, and bands of one row.
    monkeypatch.setattr(hotspots, "_BAND_CELLS", band_cells)
    counts = np.random.default_rng(band_cells).poisson(1.5, size=shape)
    np.testing.assert_allclose(gi_star(counts), pysal_gi_star(counts), rtol=0, atol=1e-9)


def test_a_large_grid_agrees_with_a_sum_over_shifted_copies():
    # 300 × 200 cells, two bands and a half: checked against the formula written out with
    # scipy's convolution, without PySAL (whose weights take long to build at this size).
    counts = np.random.default_rng(11).poisson(0.7, size=(300, 200)).astype(float)
    ones = np.ones((3, 3))
    sums = convolve(counts, ones, mode="constant")
    k = convolve(np.ones_like(counts), ones, mode="constant")
    n, mean, sd = counts.size, counts.mean(), counts.std()
    expected = (sums - k * mean) / (sd * np.sqrt(k * (n - k) / (n - 1)))
    np.testing.assert_allclose(gi_star(counts), expected, rtol=0, atol=1e-9)


def test_real_valued_grids_agree_with_pysal():
    counts = np.random.default_rng(7).lognormal(1.0, 1.0, size=(12, 15))
    np.testing.assert_allclose(gi_star(counts), pysal_gi_star(counts), rtol=0, atol=1e-9)


@pytest.mark.parametrize("value", [0, 1, 7])
def test_a_constant_grid_has_no_z_scores(value):
    # No cell differs from the rest: s = 0 and every z is 0/0, nan (as PySAL gives).
    z = gi_star(np.full((4, 5), value))
    assert z.shape == (4, 5)
    assert np.isnan(z).all()
    assert np.isnan(pysal_gi_star(np.full((4, 5), value))).all()


def test_a_constant_grid_of_fractions_is_not_rounding_noise():
    # 0.1 is not exact in binary: mean(x²) - mean² comes out as a few units of rounding, and
    # PySAL turns that into z = ±inf. A variance that small is taken as zero here: nan.
    assert not np.isfinite(pysal_gi_star(np.full((4, 5), 0.1))).any()
    assert np.isnan(gi_star(np.full((4, 5), 0.1))).all()


@pytest.mark.parametrize("shape", [(1, 1), (1, 2), (2, 2), (2, 3)])
def test_neighbourhoods_covering_the_whole_grid_are_nan(shape):
    counts = np.arange(math.prod(shape)).reshape(shape)
    z = gi_star(counts)
    reference = pysal_gi_star(counts) if shape != (1, 1) else np.full(shape, np.nan)
    np.testing.assert_array_equal(np.isnan(z), np.isnan(reference))
    np.testing.assert_allclose(z, reference, atol=1e-9)


def test_a_2x3_grid_has_z_only_in_its_corners():
    # Corners have k = 4 < 6; the middle column's neighbourhood is the whole grid.
    z = gi_star(np.array([[5, 0, 0], [0, 0, 1]]))
    assert np.isnan(z[:, 1]).all()
    assert np.isfinite(z[:, [0, 2]]).all()
    # The 5 is in the top left corner's neighbourhood, only the 1 in the bottom right's.
    assert z[0, 0] > 0 > z[1, 2]


def test_the_input_is_left_alone_and_any_array_like_is_taken():
    counts = np.array([[1.0, 2.0, 0.0], [0.0, 3.0, 1.0], [4.0, 0.0, 0.0]])
    before = counts.copy()
    z = gi_star(counts)
    np.testing.assert_array_equal(counts, before)
    np.testing.assert_allclose(gi_star(counts.tolist()), z)
    np.testing.assert_allclose(gi_star(counts.astype(np.int32)), z)
    # A view with strides (every second column of a wider grid) gives the same as its copy.
    wide = np.zeros((3, 6))
    wide[:, ::2] = counts
    np.testing.assert_allclose(gi_star(wide[:, ::2]), z)


def test_an_empty_grid_gives_an_empty_result():
    assert gi_star(np.zeros((0, 4))).shape == (0, 4)


@pytest.mark.parametrize("bad", [np.zeros(5), np.zeros((2, 2, 2)), [[1.0, np.nan], [0.0, 1.0]]])
def test_wrong_input_is_refused(bad):
    with pytest.raises(ValueError):
        gi_star(bad)
