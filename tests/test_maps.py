"""The shared map block (core/maps): GeoJSON from the view, the municipality's boundary as the
background when no tile server is set, an input mode for a form field, and no request to anyone
else unless a tile server is configured."""

import json
import re

import pytest
from django.template.loader import render_to_string

from core.maps import (
    MapBlock,
    MapTexts,
    feature_collection,
    municipality_background,
    point_feature,
    tile_origin,
)
from organisations.models import Area, Municipality
from tests.answer_helpers import open_wave, start_with_code, tjorn_areas

pytestmark = pytest.mark.django_db
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[11.6, 58.0], [11.7, 58.0], [11.7, 58.1], [11.6, 58.1], [11.6, 58.0]]],
}


def test_the_background_is_the_municipality_boundary_and_its_drawn_areas():
    tjorn = Municipality.objects.get(code="1419")
    drawn = Area.objects.create(
        municipality=tjorn, name="Skärhamn", code="skarhamn", boundary=SQUARE
    )
    undrawn = Area.objects.create(municipality=tjorn, name="Rönnäng", code="ronnang")
    features = municipality_background(tjorn, [drawn, undrawn])
    assert [f["properties"]["role"] for f in features] == ["background", "area"]
    assert features[0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert features[1]["properties"] == {"role": "area", "name": "Skärhamn", "code": "skarhamn"}


def test_points_are_longitude_first_as_geojson_says():
    assert point_feature(58.0, 11.65, name="Lampa")["geometry"]["coordinates"] == [11.65, 58.0]


def test_the_include_renders_the_geojson_hidden_until_the_script_runs(settings):
    settings.MAP_TILE_URL = ""
    block = MapBlock(
        id="karta",
        texts=MapTexts(label="Karta över Tjörn", place_centre="Markera", remove="Ta bort"),
        features=[point_feature(58.0, 11.65, name="Lampa", popup="Trasig lampa")],
        input_id="plats",
        marker=(58.0, 11.65),
    )
    html = render_to_string("maps/map.html", {"map": block})
    assert re.search(r'<div class="map-block" id="karta"[^>]* hidden>', html)
    assert 'data-map-input="plats"' in html and 'data-map-marker="58.0,11.65"' in html
    assert 'data-map-tiles=""' in html
    assert 'aria-label="Karta över Tjörn"' in html
    data = re.search(r'<script id="karta-data" type="application/json">(.*?)</script>', html)
    assert json.loads(data.group(1)) == feature_collection(block.features)


def test_without_a_tile_server_an_answer_page_loads_nothing_from_elsewhere(client, cast, settings):
    settings.MAP_TILE_URL = ""
    tjorn_areas()
    start_with_code(client, open_wave(cast.tjorn))
    response = client.get("/enkat/svar/sida/4/")
    html = response.content.decode()
    assert "data-map" in html
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', html)
    assert "img-src 'self' data:;" in response["Content-Security-Policy"]


def test_a_configured_tile_server_is_named_and_allowed(client, cast, settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    assert tile_origin() == "https://*.tiles.example.org"
    start_with_code(client, open_wave(cast.tjorn))
    response = client.get("/enkat/svar/sida/4/")
    assert (
        'data-map-tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png"'
        in response.content.decode()
    )
    assert (
        "img-src 'self' data: https://*.tiles.example.org;" in response["Content-Security-Policy"]
    )
