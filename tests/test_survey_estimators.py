"""Estimators on data small enough to check by hand: weighted shares per group, means, and
changes between two waves (Newcombe's interval, checked against his published example)."""

import math

import numpy as np
import pytest

from surveys.analysis import (
    Z95,
    mean_difference,
    mean_table,
    share_difference,
    share_table,
    wilson_interval,
)


def test_shares_per_group_by_hand():
    # Group 0: answers a, a, b with weights 1, 1, 2 -> a 2/4, b 2/4; deff 3·6/4² = 1.125.
    # Group 1: one b (weight 3) and one unanswered, which is outside the base.
    table = share_table(
        answers=np.array([0, 0, 1, -1, 1]),
        categories=2,
        groups=np.array([0, 0, 0, 1, 1]),
        n_groups=2,
        weights=np.array([1.0, 1, 2, 1, 3]),
    )
    assert table.counts.tolist() == [[2, 1], [0, 1]]
    assert table.n.tolist() == [3, 1]
    assert table.shares.tolist() == [[0.5, 0.5], [0.0, 1.0]]
    assert table.design_effect.tolist() == pytest.approx([1.125, 1.0])
    low, high = wilson_interval(0.5, 3 / 1.125)
    assert (table.low[0, 0], table.high[0, 0]) == pytest.approx((low, high))


def test_respondents_without_a_group_are_left_out():
    table = share_table(np.array([0, 1]), 2, np.array([0, -1]), 1, np.ones(2))
    assert table.n.tolist() == [1] and table.shares.tolist() == [[1.0, 0.0]]


def test_empty_group_is_nan_not_zero():
    table = share_table(np.array([0]), 2, np.array([0]), 2, np.ones(1))
    assert table.n[1] == 0 and math.isnan(table.shares[1, 0])


def test_multiple_choice_shares_of_those_who_answered():
    # Three respondents answered (any box ticked); the fourth ticked nothing. Option 0 chosen by
    # two of three (weights 1 and 2 of 1+2+1): 3/4; option 1 by one (weight 1): 1/4.
    chosen = np.array([[True, False], [True, False], [False, True], [False, False]])
    table = share_table(chosen, 2, np.zeros(4, dtype=int), 1, np.array([1.0, 2, 1, 5]))
    assert table.n.tolist() == [3]
    assert table.shares.tolist() == [[0.75, 0.25]]
    assert table.counts.tolist() == [[2, 1]]


def test_weighted_mean_by_hand():
    # Values 1, 2, 3 with weights 1, 1, 2: mean 9/4; weighted variance 2.75/4; deff 3·6/16.
    table = mean_table(
        np.array([1.0, 2, 3, np.nan]), np.zeros(4, dtype=int), 1, np.array([1.0, 1, 2, 5])
    )
    assert table.means[0] == pytest.approx(2.25)
    half = Z95 * math.sqrt(0.6875 * 1.125 / 3)
    assert (table.low[0], table.high[0]) == pytest.approx((2.25 - half, 2.25 + half))
    assert table.n.tolist() == [3]


def test_newcombe_interval_of_his_published_example():
    # Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 − 48/80, method 10
    # (score interval for each proportion): 0.0524 to 0.3339.
    later = (56 / 70, *wilson_interval(56 / 70, 70))
    earlier = (48 / 80, *wilson_interval(48 / 80, 80))
    difference = share_difference(later, earlier)
    assert difference.change == pytest.approx(0.2)
    assert difference.low == pytest.approx(0.0524, abs=5e-5)
    assert difference.high == pytest.approx(0.3339, abs=5e-5)
    assert difference.significant


def test_difference_whose_interval_contains_zero_is_not_significant():
    later = (0.20, *wilson_interval(0.20, 100))
    earlier = (0.17, *wilson_interval(0.17, 100))
    difference = share_difference(later, earlier)
    assert difference.low < 0 < difference.high and not difference.significant


def test_mean_difference_adds_half_widths_in_quadrature():
    difference = mean_difference((3.0, 2.7, 3.3), (2.0, 1.6, 2.4))
    assert difference.change == pytest.approx(1.0)
    assert difference.high - difference.change == pytest.approx(math.hypot(0.3, 0.4))
    assert difference.significant
