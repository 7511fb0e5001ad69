"""Counts, rates, change and comparison (situation.analysis.rates): Brå's markers stay missing."""

import pytest

from situation.analysis import (
    CrimeCount,
    Figure,
    Marker,
    aggregate,
    change,
    changes,
    compare,
    parse_count,
    previous_period,
    rate,
    rates,
    same_period_last_year,
    total,
)

MISSING, SUPPRESSED, NOT_COMPUTABLE = Marker.MISSING, Marker.SUPPRESSED, Marker.NOT_COMPUTABLE


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", Figure(12)),
        (" 1 234 ", Figure(1234)),
        ("1\u00a0234", Figure(1234)),
        ("0", Figure(0)),
        (7, Figure(7)),
        (7.0, Figure(7)),
        ("..", Figure.missing(MISSING)),
        ("XX", Figure.missing(SUPPRESSED)),
        (".", Figure.missing(NOT_COMPUTABLE)),
        ("", Figure.missing(MISSING)),
        (None, Figure.missing(MISSING)),
    ],
)
def test_cells_of_a_bra_table(raw, expected):
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", ["xx", "...", "-3", "1,5", "tolv", -1, 2.5, True])
def test_anything_else_is_refused(raw):
    with pytest.raises(ValueError):
        parse_count(raw)


def test_a_figure_has_a_value_or_a_marker():
    assert Figure(0).known and not Figure.missing().known
    with pytest.raises(ValueError):
        Figure(None)
    with pytest.raises(ValueError):
        Figure(3, SUPPRESSED)


def test_a_total_needs_every_part():
    assert total([Figure(3), Figure(0), 4]) == Figure(7)
    assert total([]) == Figure(0)
    # A suppressed part is never taken as zero, whatever else is missing.
    assert total([Figure(3), Figure.missing(SUPPRESSED)]) == Figure.missing(SUPPRESSED)
    assert total([Figure.missing(MISSING), Figure.missing(SUPPRESSED)]).marker is SUPPRESSED
    assert total([Figure(3), Figure.missing(NOT_COMPUTABLE)]).marker is NOT_COMPUTABLE
    assert total([Figure(3), None]).marker is MISSING


def test_rates_per_thousand():
    # 45 crimes among 18,000 inhabitants: 45 / 18,000 · 1,000 = 2.5.
    assert rate(45, 18_000) == Figure(2.5)
    assert rate(Figure(45), Figure(18_000), per=100_000) == Figure(250.0)
    assert rate(0, 18_000) == Figure(0.0)
    assert rate(Figure.missing(SUPPRESSED), 18_000) == Figure.missing(SUPPRESSED)
    assert rate(45, None) == Figure.missing(MISSING)
    assert rate(45, 0) == Figure.missing(NOT_COMPUTABLE)


def counts():
    return [
        CrimeCount("1419", "2024", "misshandel", Figure(30)),
        CrimeCount("1419", "2024", "skadegörelse", Figure(60)),
        CrimeCount("1415", "2024", "misshandel", Figure.missing(SUPPRESSED)),
        CrimeCount("1415", "2024", "skadegörelse", Figure(80)),
        CrimeCount("1419", "2024-03", "misshandel", Figure(4)),
        CrimeCount("1421", "2024", "misshandel", Figure(9)),
    ]


def test_rates_by_category_area_and_period():
    population = {("1419", 2024): 16_000, ("1415", 2024): 27_000}
    table = rates(counts(), population)
    assert [(r.area, r.period, r.category) for r in table] == [
        (c.area, c.period, c.category) for c in counts()
    ]
    # 30 / 16,000 · 1,000 = 1.875; 60 / 16,000 · 1,000 = 3.75; 80 / 27,000 · 1,000 = 2.962…
    assert table[0].rate == Figure(1.875)
    assert table[1].rate == Figure(3.75)
    assert table[2].rate == Figure.missing(SUPPRESSED)
    assert table[3].rate.value == pytest.approx(80 / 27)
    # A month is measured against its year's population.
    assert table[4].population == 16_000 and table[4].rate == Figure(0.25)
    # Orust has no population figure: no rate, and no pretended zero.
    assert table[5].population is None and table[5].rate == Figure.missing(MISSING)


def test_totals_by_area_and_by_county():
    per_area = aggregate(counts(), key=lambda c: (c.area, c.period))
    assert per_area[("1419", "2024")] == Figure(90)
    assert per_area[("1415", "2024")] == Figure.missing(SUPPRESSED)
    per_county = aggregate(
        [c for c in counts() if c.period == "2024" and c.category == "skadegörelse"],
        key=lambda c: c.area[:2],
    )
    assert per_county == {"14": Figure(140)}


def test_change_against_a_base():
    # 90 from 72: +18, 18 / 72 = 25 %.
    assert (change(90, 72).absolute, change(90, 72).percent) == (18, 25.0)
    assert change(60, 80).percent == -25.0
    # From zero there is a change but no percentage.
    assert (change(5, 0).absolute, change(5, 0).percent) == (5, None)
    # Missing or suppressed on either side: neither.
    for current, base in [(5, None), (Figure.missing(SUPPRESSED), 4), (4, Figure.missing())]:
        moved = change(current, base)
        assert moved.absolute is None and moved.percent is None
    assert change(Figure.missing(SUPPRESSED), 4).current.marker is SUPPRESSED


@pytest.mark.parametrize(
    ("period", "before", "last_year"),
    [
        ("2024", "2023", "2023"),
        ("2024-01", "2023-12", "2023-01"),
        ("2024-10", "2024-09", "2023-10"),
        ("2024-Q1", "2023-Q4", "2023-Q1"),
        ("2024-Q3", "2024-Q2", "2023-Q3"),
        ("2024-T1", "2023-T3", "2023-T1"),
        ("2024-T3", "2024-T2", "2023-T3"),
    ],
)
def test_periods(period, before, last_year):
    assert previous_period(period) == before
    assert same_period_last_year(period) == last_year


@pytest.mark.parametrize("period", ["24", "2024-13", "2024-Q5", "2024-T4", "2024-00", "2024-W1"])
def test_periods_that_are_not_periods(period):
    with pytest.raises(ValueError):
        previous_period(period)


def test_changes_over_a_series():
    series = {"2021": Figure(50), "2022": Figure(40), "2023": Figure.missing(SUPPRESSED)}
    series["2024"] = Figure(44)
    moved = changes(series)
    assert moved["2021"].base == Figure.missing(MISSING)  # 2020 is not in the series
    assert moved["2021"].percent is None
    assert moved["2022"].absolute == -10 and moved["2022"].percent == -20.0
    assert moved["2023"].absolute is None
    assert moved["2024"].absolute is None  # its base, 2023, is suppressed
    monthly = {"2023-03": Figure(10), "2024-02": Figure(7), "2024-03": Figure(12)}
    assert changes(monthly, base_of=same_period_last_year)["2024-03"].percent == 20.0
    assert changes(monthly)["2024-03"].absolute == 5


def test_comparison_with_county_and_country():
    # Area 3.0 per 1,000, county 2.4, country 2.0: 1.25 and 1.5 times, 0.6 and 1.0 more.
    compared = compare(3.0, 2.4, 2.0)
    assert compared.county_ratio == pytest.approx(1.25)
    assert compared.country_ratio == pytest.approx(1.5)
    assert compared.county_difference == pytest.approx(0.6)
    assert compared.country_difference == pytest.approx(1.0)
    partly = compare(Figure(3.0), Figure.missing(SUPPRESSED), 0.0)
    assert partly.county_ratio is None and partly.county_difference is None
    assert partly.country_ratio is None  # a base of zero
    assert partly.country_difference == 3.0


def test_a_county_rate_from_its_municipalities():
    municipalities = [("1419", 90, 16_000), ("1415", 150, 27_000), ("1421", 60, 15_000)]
    county_count = total(Figure(c) for _, c, _ in municipalities)
    county_population = total(Figure(p) for _, _, p in municipalities)
    # 300 / 58,000 · 1,000 = 5.172…
    assert rate(county_count, county_population).value == pytest.approx(300 / 58)
    with_gap = total([Figure(90), Figure.missing(MISSING)])
    assert rate(with_gap, county_population) == Figure.missing(MISSING)
