"""The one coarsening function: public map points move to the centre of a ~200 m grid cell
unless a moderator approved the precise point (DOMAIN.md §7)."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from core.privacy import coarsen_point, public_point

LAT = st.floats(min_value=55.0, max_value=69.0, allow_nan=False)
LON = st.floats(min_value=10.5, max_value=24.2, allow_nan=False)


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = (a[0] - b[0]) * 111_320
    dlon = (a[1] - b[1]) * 111_320 * math.cos(math.radians(a[0]))
    return math.hypot(dlat, dlon)


def test_by_hand_at_the_equator_of_the_grid():
    # A 200 m grid: latitude rows of 200/111320 degrees; a point near 0,0 lands on the first
    # cell's centre, 100 m north and 100 m east.
    lat, lon = coarsen_point(0.0001, 0.0001, 200)
    assert abs(lat * 111_320 - 100) < 0.1 and abs(lon * 111_320 - 100) < 0.1


@settings(max_examples=300)
@given(LAT, LON)
def test_public_point_stays_within_the_cell(lat, lon):
    centre = coarsen_point(lat, lon, 200)
    assert metres(centre, (lat, lon)) <= math.hypot(100, 100) * 1.01


@settings(max_examples=300)
@given(LAT, LON, st.floats(min_value=-90, max_value=90), st.floats(min_value=-90, max_value=90))
def test_every_point_of_a_cell_gets_the_same_public_centre(lat, lon, dy, dx):
    centre = coarsen_point(lat, lon, 200)
    step_lat = 200 / 111_320
    step_lon = 200 / (111_320 * math.cos(math.radians(centre[0])))
    inside = (
        centre[0] + dy / 100 * step_lat / 2 * 0.99,
        centre[1] + dx / 100 * step_lon / 2 * 0.99,
    )
    assert coarsen_point(*inside, 200) == centre


def test_precise_only_with_approval():
    assert public_point(57.99131, 11.54778, precise_approved=True).precise
    coarse = public_point(57.99131, 11.54778, precise_approved=False)
    assert not coarse.precise and (coarse.lat, coarse.lon) != (57.99131, 11.54778)
    assert public_point(None, None, precise_approved=False) is None
