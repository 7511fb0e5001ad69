"""EST's analysis periods, ISO weeks, counts and which area a point lies in: pure functions on
small inputs checked by hand."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.maps.geometry import area_at, contains
from situation.est.counts import Row, changes, count_by, cross_table, weekday_counts
from situation.est.periods import (
    QUARTER,
    TERTIAL,
    YEAR,
    Period,
    iso_week_dates,
    parse_period,
    period_containing,
)

D = datetime.date


def test_quarters_and_tertials_by_hand():
    assert (Period(QUARTER, 2025, 1).start, Period(QUARTER, 2025, 1).end) == (
        D(2025, 1, 1),
        D(2025, 3, 31),
    )
    assert Period(TERTIAL, 2025, 2).start == D(2025, 5, 1)
    assert Period(TERTIAL, 2025, 2).end == D(2025, 8, 31)
    assert Period(TERTIAL, 2025, 3).end == D(2025, 12, 31)
    assert Period(QUARTER, 2025, 1).previous() == Period(QUARTER, 2024, 4)
    assert Period(TERTIAL, 2025, 3).next() == Period(TERTIAL, 2026, 1)
    assert Period(YEAR, 2025).previous() == Period(YEAR, 2024)
    with pytest.raises(ValueError):
        Period(TERTIAL, 2025, 4)


def test_names_in_urls():
    assert parse_period("2025-K4") == Period(QUARTER, 2025, 4)
    assert parse_period("2025-T1") == Period(TERTIAL, 2025, 1)
    assert parse_period("2025") == Period(YEAR, 2025)
    assert parse_period("2025-T4") is None and parse_period("25-K1") is None
    assert parse_period("") is None


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)),
    st.sampled_from([QUARTER, TERTIAL, YEAR]),
)
def test_every_day_lies_in_one_period_and_periods_tile_the_time(day, kind):
    period = period_containing(day, kind)
    assert period.start <= day <= period.end
    assert period.next().start == period.end + datetime.timedelta(days=1)
    assert parse_period(period.slug) == period


def test_iso_weeks():
    assert iso_week_dates(2025, 1) == (D(2024, 12, 30), D(2025, 1, 5))
    assert iso_week_dates(2026, 53) == (D(2026, 12, 28), D(2027, 1, 3))
    with pytest.raises(ValueError):
        iso_week_dates(2025, 53)


def test_counts_by_hand():
    rows = [
        Row("klotter", "centrum", D(2025, 5, 12), "evening", 58.0, 11.6),
        Row("klotter", "hamnen", D(2025, 5, 13), "night"),
        Row("nedskrapning", "centrum", D(2025, 5, 18), "evening"),
    ]
    assert count_by(rows, "category") == {"klotter": 2, "nedskrapning": 1}
    assert cross_table(rows, "area", "category")[("centrum", "klotter")] == 1
    assert weekday_counts(rows) == [1, 1, 0, 0, 0, 0, 1]
    change = changes(count_by(rows, "category"), {"klotter": 4, "brand": 1})
    assert change["klotter"].difference == -2 and change["klotter"].percent == -50.0
    assert change["nedskrapning"].percent is None
    assert change["brand"].current == 0


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[11.0, 58.0], [12.0, 58.0], [12.0, 59.0], [11.0, 59.0], [11.0, 58.0]]],
}
HOLED = {
    "type": "Feature",
    "geometry": {
        "type": "Polygon",
        "coordinates": [
            SQUARE["coordinates"][0],
            [[11.4, 58.4], [11.6, 58.4], [11.6, 58.6], [11.4, 58.6], [11.4, 58.4]],
        ],
    },
}


class _Area:
    def __init__(self, code, boundary):
        self.code, self.boundary = code, boundary


def test_point_in_polygon():
    assert contains(SQUARE, 58.5, 11.5)
    assert not contains(SQUARE, 58.5, 12.5)
    assert not contains(HOLED, 58.5, 11.5)  # in the hole
    assert contains(HOLED, 58.1, 11.1)
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]}
    assert contains(multi, 58.9, 11.9)
    areas = [_Area("none", None), _Area("square", SQUARE)]
    assert area_at(areas, 58.5, 11.5).code == "square"
    assert area_at(areas, 60.0, 11.5) is None
