"""Raking, trimming, design effects and intervals: tiny cases checked by hand, and the weights
against samplics and svy (the reference implementations, test-only) on random samples."""

import math
import warnings

import numpy as np
import pytest

from surveys.analysis import (
    RakingError,
    kish_design_effect,
    rake,
    trim_and_rake,
    weighted_share,
    wilson_interval,
)


def test_one_margin_is_post_stratification():
    # 3 women and 1 man; population 60 women and 40 men: each woman weighs 20, the man 40.
    weights = rake({"kon": ["k", "k", "k", "m"]}, {"kon": {"k": 60, "m": 40}})
    assert weights.tolist() == pytest.approx([20, 20, 20, 40], abs=1e-12)


def test_two_margins_by_hand():
    # Cells (area, sex): (a,k)=1 (a,m)=1 (b,k)=2 respondents; margins area a=30 b=70, sex k=60
    # m=40. The only solution: (a,m) = 40, (a,k) = -10 is impossible, so check one that works:
    # margins a=50 b=50, k=75 m=25 -> (a,m)=25, (a,k)=25, each (b,k) = 25.
    weights = rake(
        {"area": ["a", "a", "b", "b"], "kon": ["k", "m", "k", "k"]},
        {"area": {"a": 50, "b": 50}, "kon": {"k": 75, "m": 25}},
    )
    assert weights.tolist() == pytest.approx([25, 25, 25, 25], abs=1e-9)


def test_reproduces_every_margin():
    rng = np.random.default_rng(7)
    n = 2_000
    columns = {
        "area": rng.choice(["norr", "centrum", "soder"], n).tolist(),
        "kon": rng.choice(["k", "m"], n, p=[0.6, 0.4]).tolist(),
        "alder": rng.choice(["16-29", "30-44", "45-64", "65-84"], n).tolist(),
    }
    margins = {
        "area": {"norr": 3000, "centrum": 5000, "soder": 2000},
        "kon": {"k": 5000, "m": 5000},
        "alder": {"16-29": 2000, "30-44": 2500, "45-64": 3500, "65-84": 2000},
    }
    weights = rake(columns, margins)
    for name, margin in margins.items():
        labels = np.array(columns[name])
        for category, total in margin.items():
            assert weights[labels == category].sum() == pytest.approx(total, rel=1e-9)


def test_same_weights_as_samplics():
    from samplics.weighting import SampleWeight

    rng = np.random.default_rng(2025)
    n = 3_000
    columns = {
        "area": rng.choice(["a", "b", "c", "d"], n).tolist(),
        "kon": rng.choice(["k", "m"], n).tolist(),
        "alder": rng.choice(["y", "m", "o"], n, p=[0.2, 0.5, 0.3]).tolist(),
    }
    margins = {
        "area": {"a": 1000.0, "b": 2000.0, "c": 3000.0, "d": 4000.0},
        "kon": {"k": 5100.0, "m": 4900.0},
        "alder": {"y": 3000.0, "m": 4000.0, "o": 3000.0},
    }
    ours = rake(columns, margins, tol=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = SampleWeight().rake(
            samp_weight=np.ones(n),
            control=margins,
            margins={k: np.array(v) for k, v in columns.items()},
            tol=1e-14,
            max_iter=1000,
        )
    assert np.max(np.abs(ours - theirs)) < 1e-9


def _svy_rake(columns: dict, margins: dict, base: np.ndarray) -> np.ndarray:
    import polars as pl
    import svy

    data = pl.DataFrame({**{k: list(v) for k, v in columns.items()}, "w": base})
    sample = svy.Sample(data=data, design=svy.Design(wgt="w"))
    raked = sample.weighting.rake(controls=margins, tol=1e-13, max_iter=1000)
    return raked.data.get_column("rk_wgt").to_numpy()


def test_same_weights_as_svy():
    rng = np.random.default_rng(2026)
    n = 5_000
    columns = {
        "area": rng.choice(["a", "b", "c", "d", "e"], n),
        "kon": rng.choice(["kvinna", "man"], n, p=[0.55, 0.45]),
        "alder": rng.choice(["16-29", "30-44", "45-64", "65-84"], n, p=[0.1, 0.2, 0.4, 0.3]),
    }
    margins = {
        "area": {"a": 4000.0, "b": 2500.0, "c": 1500.0, "d": 1200.0, "e": 800.0},
        "kon": {"kvinna": 4950.0, "man": 5050.0},
        "alder": {"16-29": 2200.0, "30-44": 2300.0, "45-64": 3300.0, "65-84": 2200.0},
    }
    ours = rake(columns, margins, tol=1e-13)
    theirs = _svy_rake(columns, margins, np.ones(n))
    assert np.max(np.abs(ours - theirs)) < 1e-9


def test_unknown_sex_is_imputed_fractionally_by_hand():
    # 2 women, 1 man, 1 who did not say; population 60 % women. The unknown counts 0.6 as a
    # woman and 0.4 as a man: women's cell 2.6 → factor 60/2.6, men's 1.4 → 40/1.4.
    weights = rake({"kon": ["k", "k", "m", None]}, {"kon": {"k": 60, "m": 40}}, unknown={"kon"})
    woman, man = 60 / 2.6, 40 / 1.4
    assert weights.tolist() == pytest.approx([woman, woman, man, 0.6 * woman + 0.4 * man])
    assert weights.sum() == pytest.approx(100)


def test_unknown_without_permission_is_named():
    with pytest.raises(RakingError, match="kon=None"):
        rake({"kon": ["k", None]}, {"kon": {"k": 60, "m": 40}})


def test_everyone_unknown_is_refused_by_name():
    with pytest.raises(RakingError, match="ingen av de svarande har angett kon"):
        rake({"kon": [None, None]}, {"kon": {"k": 60, "m": 40}}, unknown={"kon"})


def test_fractional_imputation_equals_svy_on_expanded_copies():
    # The reference: each respondent without sex or age becomes fractional copies (base weight
    # = the population share of the category), raked by svy; a respondent's weight is the sum
    # of their copies' weights.
    rng = np.random.default_rng(11)
    n = 3_000
    area = rng.choice(["a", "b", "c"], n)
    kon = rng.choice(["kvinna", "man", None], n, p=[0.5, 0.45, 0.05])
    alder = rng.choice(["y", "m", "o", None], n, p=[0.2, 0.4, 0.35, 0.05])
    margins = {
        "area": {"a": 5000.0, "b": 3000.0, "c": 2000.0},
        "kon": {"kvinna": 5100.0, "man": 4900.0},
        "alder": {"y": 2500.0, "m": 4000.0, "o": 3500.0},
    }
    ours = rake(
        {"area": area, "kon": kon.tolist(), "alder": alder.tolist()},
        margins,
        tol=1e-13,
        unknown={"kon", "alder"},
    )
    owner, copies = [], {"area": [], "kon": [], "alder": []}
    base = []
    for i in range(n):
        sexes = [(kon[i], 1.0)] if kon[i] else [(k, v / 10000) for k, v in margins["kon"].items()]
        ages = (
            [(alder[i], 1.0)] if alder[i] else [(k, v / 10000) for k, v in margins["alder"].items()]
        )
        for sex, p in sexes:
            for age, q in ages:
                owner.append(i)
                copies["area"].append(area[i])
                copies["kon"].append(sex)
                copies["alder"].append(age)
                base.append(p * q)
    expanded = _svy_rake(copies, margins, np.array(base))
    theirs = np.bincount(owner, weights=expanded, minlength=n)
    assert np.max(np.abs(ours - theirs)) < 1e-9


def test_numpy_labels_and_lists_give_the_same_weights():
    rng = np.random.default_rng(3)
    labels = rng.choice(["x", "y", "z"], 500)
    margins = {"v": {"x": 10.0, "y": 20.0, "z": 30.0}}
    assert rake({"v": labels}, margins).tolist() == rake({"v": labels.tolist()}, margins).tolist()
    with pytest.raises(RakingError, match="v=w"):
        rake({"v": np.array(["x", "w"])}, margins)


def test_label_missing_from_margin_is_named():
    with pytest.raises(RakingError, match="kon=annat"):
        rake({"kon": ["k", "annat"]}, {"kon": {"k": 10, "m": 10}})


def test_margin_category_without_respondents_is_named():
    with pytest.raises(RakingError, match="kon=m"):
        rake({"kon": ["k", "k"]}, {"kon": {"k": 10, "m": 10}})


def test_margins_with_different_totals_are_refused():
    with pytest.raises(RakingError, match="summerar inte"):
        rake({"a": ["x"], "b": ["y"]}, {"a": {"x": 10}, "b": {"y": 11}})


def test_impossible_margins_do_not_converge_and_name_the_cell():
    # Everyone in area a is a man and everyone in b a woman, but the margins disagree.
    with pytest.raises(RakingError, match="konvergerade inte"):
        rake(
            {"area": ["a", "b"], "kon": ["m", "k"]},
            {"area": {"a": 50, "b": 50}, "kon": {"m": 30, "k": 70}},
            max_iter=200,
        )


def test_trimming_caps_weights_and_keeps_margins():
    # The single man in area a stands for many: untrimmed he weighs 2.4 times the mean.
    columns = {"area": ["a"] * 11 + ["b"] * 15, "kon": ["k"] * 10 + ["m"] + ["k"] * 5 + ["m"] * 10}
    margins = {"area": {"a": 500, "b": 500}, "kon": {"k": 500, "m": 500}}
    untrimmed = rake(columns, margins)
    assert untrimmed.max() / untrimmed.mean() == pytest.approx(2.3757, abs=1e-4)
    trimmed = trim_and_rake(columns, margins, ratio=2.0)
    assert trimmed.max() <= 2.0 * trimmed.mean() * (1 + 1e-6)
    for name, margin in margins.items():
        labels = np.array(columns[name])
        for category, total in margin.items():
            assert trimmed[labels == category].sum() == pytest.approx(total, rel=1e-9)


def test_kish_design_effect_by_hand():
    assert kish_design_effect(np.ones(10)) == pytest.approx(1.0)
    # weights 1,1,2,2: n Σw² / (Σw)² = 4 * 10 / 36
    assert kish_design_effect(np.array([1, 1, 2, 2])) == pytest.approx(40 / 36)


def test_wilson_interval_known_case():
    # p = 0.5, n = 100: the Wilson interval is 0.5 ± 1.96·sqrt(0.25/100 + 1.96²/40000)/(1+1.96²/100)
    z = 1.959963984540054
    half = z * math.sqrt(0.25 / 100 + z * z / 40000) / (1 + z * z / 100)
    assert wilson_interval(0.5, 100) == pytest.approx((0.5 - half, 0.5 + half))


def test_design_effect_widens_the_interval_as_a_smaller_sample():
    # 200 respondents with a design effect of 2 give the interval of 100 equally weighted ones.
    weights = np.array([1.0] * 100 + [3.0] * 100)  # deff = 200*1000/400² = 1.25
    counted = np.array([True, False] * 100)
    estimate = weighted_share(counted, weights, np.ones(200, dtype=bool))
    assert estimate.design_effect == pytest.approx(1.25)
    assert estimate.share == pytest.approx(0.5)
    assert (estimate.low, estimate.high) == pytest.approx(wilson_interval(0.5, 160))


def test_share_of_empty_base_is_missing_not_zero():
    estimate = weighted_share(np.array([True]), np.array([1.0]), np.array([False]))
    assert estimate.n == 0 and math.isnan(estimate.share)
