"""A safety walk's stop is published at its precise point only where the stop says the exact
point may be shown (a lamp post); otherwise every public trace of it is the grid centre."""

import json
import re

from django.template.defaultfilters import floatformat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.privacy import coarsen_point
from tests.voices_factories import walk

LAT = st.floats(min_value=55.3, max_value=69.0, allow_nan=False).map(lambda v: round(v, 5))
LON = st.floats(min_value=11.0, max_value=24.0, allow_nan=False).map(lambda v: round(v, 5))
MAP_DATA = re.compile(r'<script id="vandring-karta" type="application/json">(.*?)</script>', re.S)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(lat=LAT, lon=LON, precise=st.booleans())
def test_public_walk_never_shows_an_unapproved_precise_point(client, cast, lat, lon, precise):
    w = walk(cast.tjorn, is_published=True)
    stop = w.stops.get()
    stop.latitude, stop.longitude, stop.precise_approved = lat, lon, precise
    stop.save()
    body = client.get(w.get_absolute_url()).content.decode()
    [point] = json.loads(MAP_DATA.search(body)[1])
    expected = (lat, lon) if precise else coarsen_point(lat, lon)
    assert (point["lat"], point["lon"], point["precise"]) == (*expected, precise)
    centre = coarsen_point(lat, lon)
    shown = (lat, lon) if precise else centre
    assert f"{floatformat(shown[0], '4u')}, {floatformat(shown[1], '4u')}" in body  # the list
    if not precise and abs(centre[0] - lat) > 1e-4 and abs(centre[1] - lon) > 1e-4:
        # Far enough from the centre that no digits can coincide: the typed point is nowhere.
        assert f"{lat:.5f}" not in body and f"{lon:.5f}" not in body
    w.delete()
