"""Benjamini–Hochberg and the hot/cold spot classes (situation.analysis.fdr): hand-checked cases
and scipy's false_discovery_control."""

import numpy as np
import pytest
from scipy.stats import false_discovery_control

from situation.analysis import benjamini_hochberg, hot_spot_classes, hot_spots, p_values


def test_p_values_are_two_sided():
    # Standard normal quantiles: |z| = 1.6449, 1.9600, 2.5758 leave 10 %, 5 %, 1 % in both tails.
    p = p_values([1.644854, -1.959964, 2.575829, 0.0, np.nan])
    np.testing.assert_allclose(p[:4], [0.10, 0.05, 0.01, 1.0], rtol=1e-5)
    assert np.isnan(p[4])


def test_benjamini_hochberg_by_hand():
    # m = 5, sorted: 0.005·5/1 = 0.025, 0.01·5/2 = 0.025, 0.03·5/3 = 0.05, 0.04·5/4 = 0.05,
    # 0.20·5/5 = 0.20 (already increasing), back in the original order.
    adjusted = benjamini_hochberg([0.01, 0.04, 0.03, 0.005, 0.20])
    np.testing.assert_allclose(adjusted, [0.025, 0.05, 0.05, 0.025, 0.20])


def test_benjamini_hochberg_takes_the_minimum_from_above():
    # m = 4: 0.01·4/1 = 0.04, 0.02·4/2 = 0.04, 0.025·4/3 = 0.0333…, 0.5·4/4 = 0.5; each adjusted
    # value is the smallest at its rank or above, so the first two become 0.0333… as well.
    adjusted = benjamini_hochberg([0.02, 0.5, 0.01, 0.025])
    np.testing.assert_allclose(adjusted, [0.1 / 3, 0.5, 0.1 / 3, 0.1 / 3])


def test_benjamini_hochberg_caps_at_one_and_skips_nan():
    # Only the three non-nan p-values are tests: 0.9·3/2 = 1.35 is capped at 1.
    adjusted = benjamini_hochberg(np.array([[0.9, np.nan], [0.95, 0.01]]))
    np.testing.assert_allclose(adjusted, [[0.95, np.nan], [0.95, 0.03]])
    assert np.isnan(benjamini_hochberg([np.nan, np.nan])).all()


@pytest.mark.parametrize("seed", range(5))
def test_benjamini_hochberg_agrees_with_scipy(seed):
    rng = np.random.default_rng(seed)
    # A mix of true signals (small p) and noise, with ties.
    p = np.concatenate([rng.uniform(size=200), rng.uniform(0, 0.001, size=20), [0.5] * 5])
    rng.shuffle(p)
    np.testing.assert_allclose(benjamini_hochberg(p), false_discovery_control(p, method="bh"))


def test_p_values_outside_zero_to_one_are_refused():
    with pytest.raises(ValueError):
        benjamini_hochberg([0.5, 1.2])


def test_classes_by_hand():
    # z:         3.5       -2.7      2.1      1.7      0.3
    # p:         0.000465  0.00693   0.0357   0.0891   0.764
    # class:     3         -3        2        1        0     (p ≤ 0.01, 0.05, 0.10)
    # BH p·5/i:  0.00233   0.0173    0.0595   0.1114   0.764
    # with FDR:  3         -2        1        0        0
    z = [3.5, -2.7, 2.1, 1.7, 0.3]
    np.testing.assert_allclose(p_values(z), [0.000465, 0.00693, 0.0357, 0.0891, 0.764], rtol=2e-3)
    np.testing.assert_array_equal(hot_spot_classes(z, fdr=False), [3, -3, 2, 1, 0])
    np.testing.assert_array_equal(hot_spot_classes(z), [3, -2, 1, 0, 0])


def test_classes_keep_the_shape_and_nan_is_class_zero():
    z = np.array([[4.0, np.nan], [-4.0, 0.0]])
    classes = hot_spot_classes(z)
    assert classes.dtype == np.int8
    np.testing.assert_array_equal(classes, [[3, 0], [-3, 0]])


def test_hot_spots_of_a_grid_with_one_cluster():
    counts = np.zeros((15, 15), dtype=int)
    counts[6:9, 6:9] = 6  # a block of busy cells in a quiet grid
    result = hot_spots(counts)
    assert result.classes[7, 7] == 3
    assert (result.classes[0:3, 0:3] <= 0).all()
    assert result.fdr
    np.testing.assert_array_equal(result.classes, hot_spot_classes(result.z))
    np.testing.assert_array_equal(result.p_adjusted, benjamini_hochberg(result.p))
    # Adjusted p-values are never below the raw ones: without the FDR every cell is in the same
    # class or a stronger one.
    without = hot_spots(counts, fdr=False).classes
    assert (np.abs(without) >= np.abs(result.classes)).all()
    assert (np.abs(without) > np.abs(result.classes)).any()
