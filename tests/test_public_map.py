"""The public map of a municipality: moderated reports (coarsened unless the precise point is
approved) and safety-walk stops, the list alternative on the same page, filters by category and
status, the GeoJSON map data, and a fixed number of queries whatever the number of reports."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.privacy import coarsen_point
from participation.models import ResidentReport
from tests.voices_factories import SKARHAMN, approved_report, report, walk

MAP = reverse("participation:map", kwargs={"slug": "tjorn"})
DATA = reverse("participation:map_data", kwargs={"slug": "tjorn"})


def places(data: dict, kind: str) -> list[dict]:
    return [f for f in data["features"] if f["properties"].get("kind") == kind]


def test_only_moderated_reports_are_listed(client, cast):
    shown = approved_report(public_text="Trasig lampa vid busshållplatsen.")
    hidden = [
        report(description="Väntar på granskning"),
        report(description="Avvisad", moderation="rejected", public_text="Avvisad text"),
        approved_report(category="brott", public_text="Brottet"),
    ]
    page = client.get(MAP).content.decode()
    assert f'id="rapport-{shown.pk}"' in page and "Trasig lampa vid busshållplatsen." in page
    for r in hidden:
        assert f'id="rapport-{r.pk}"' not in page
    assert "1 rapport<" in page


def test_the_list_gives_the_coarsened_point_unless_precise_is_approved(client, cast):
    lat, lon = 57.991317, 11.547781
    coarse = approved_report(point=(lat, lon))
    precise = approved_report(point=(57.98, 11.53), precise_approved=True)
    page = client.get(MAP).content.decode()
    c_lat, c_lon = coarsen_point(lat, lon)
    assert f"Ungefärlig plats: {c_lat:.4f}, {c_lon:.4f}" in page
    assert "Exakt plats: 57.9800, 11.5300" in page
    assert f'id="rapport-{coarse.pk}"' in page and f'id="rapport-{precise.pk}"' in page


def test_map_data_is_geojson_with_public_points_only(client, cast):
    lat, lon = SKARHAMN
    coarse = approved_report(point=(lat, lon))
    precise = approved_report(point=(57.98, 11.53), precise_approved=True)
    report(point=(58.01, 11.6))  # pending: not on the map
    response = client.get(DATA)
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    by_id = {f["properties"]["id"]: f for f in places(data, "report")}
    assert set(by_id) == {coarse.pk, precise.pk}
    c_lat, c_lon = coarsen_point(lat, lon)
    assert by_id[coarse.pk]["geometry"]["coordinates"] == [c_lon, c_lat]
    assert by_id[coarse.pk]["properties"]["precise"] is False
    assert by_id[precise.pk]["geometry"]["coordinates"] == [11.53, 57.98]
    assert by_id[coarse.pk]["properties"]["href"] == f"{MAP}#rapport-{coarse.pk}"


def test_published_walk_stops_are_on_the_map_and_in_the_list(client, cast):
    w = walk(cast.tjorn, is_published=True)
    walk(cast.tjorn, title="Intern vandring")  # not published
    data = json.loads(client.get(DATA).content)
    [stop] = places(data, "walk_stop")
    c_lat, c_lon = coarsen_point(*SKARHAMN)
    assert stop["geometry"]["coordinates"] == [c_lon, c_lat]
    assert stop["properties"]["href"] == f"{w.get_absolute_url()}#stopp-1"
    page = client.get(MAP).content.decode()
    assert f'href="{w.get_absolute_url()}#stopp-1"' in page and "Intern vandring" not in page


def test_filters_by_category_and_status(client, cast):
    lamp = approved_report(category="belysning", status="planned")
    graffiti = approved_report(category="klotter", status="received")
    page = client.get(MAP, {"kategori": "klotter"}).content.decode()
    assert f'id="rapport-{graffiti.pk}"' in page and f'id="rapport-{lamp.pk}"' not in page
    page = client.get(MAP, {"status": "planned"}).content.decode()
    assert f'id="rapport-{lamp.pk}"' in page and f'id="rapport-{graffiti.pk}"' not in page
    data = json.loads(client.get(DATA, {"status": "planned"}).content)
    assert [f["properties"]["id"] for f in places(data, "report")] == [lamp.pk]
    # The map fetches the same filter as the list.
    assert f'data-map-src="{DATA}?status=planned"' in page


def test_an_unknown_filter_value_is_ignored(client, cast):
    r = approved_report()
    response = client.get(MAP, {"kategori": "finns-inte", "status": "<script>"})
    assert response.status_code == 200
    assert f'id="rapport-{r.pk}"' in response.content.decode()


def test_the_page_works_without_the_map(client, cast):
    approved_report()
    page = client.get(MAP).content.decode()
    assert 'class="map-block" id="karta"' in page and " hidden>" in page  # shown by script only
    assert '<form class="search-form filters" method="get"' in page
    assert "report-list" in page


def test_the_map_shows_at_most_the_limit(client, cast, monkeypatch):
    monkeypatch.setattr("participation.public_reports.MAP_LIMIT", 3)
    for _ in range(5):
        approved_report()
    data = json.loads(client.get(DATA).content)
    assert len(places(data, "report")) == 3
    assert "5 rapporter<" in client.get(MAP).content.decode()  # the list has them all


def test_unknown_municipality_is_404(client, db):
    assert client.get(reverse("participation:map", kwargs={"slug": "atlantis"})).status_code == 404
    url = reverse("participation:map_data", kwargs={"slug": "atlantis"})
    assert client.get(url).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_the_reports(client, cast):
    walk(cast.tjorn, is_published=True)
    approved_report()
    municipality_page = reverse("public:municipality", args=["tjorn"])
    urls = [MAP, DATA, f"{DATA}?kategori=belysning&status=received", municipality_page]
    few = [_queries(client, u) for u in urls]
    for i in range(60):
        approved_report(category="belysning" if i % 2 else "klotter", point=(57.9 + i / 1000, 11.5))
    walk(cast.tjorn, is_published=True, title="Vandring två")
    assert ResidentReport.objects.public().count() == 61
    assert [_queries(client, u) for u in urls] == few


def test_municipality_page_links_the_map_and_shows_the_latest(client, cast):
    r = approved_report(public_text="Mörkt i tunneln under vägen.")
    page = client.get(reverse("public:municipality", args=["tjorn"])).content.decode()
    assert f'href="{MAP}"' in page
    assert "Mörkt i tunneln under vägen." in page
    assert f'data-map-src="{DATA}"' in page
    assert r.pk


def test_the_list_pages_and_counts_up_to_the_cap(client, cast, monkeypatch):
    monkeypatch.setattr("participation.map_views.LIST_PAGE_SIZE", 2)
    monkeypatch.setattr("participation.map_views.COUNT_CAP", 3)
    made = [approved_report() for _ in range(5)]
    first = client.get(MAP).content.decode()
    assert "Fler än 3 rapporter" in first and "sida=2#rapporter" in first
    assert f'id="rapport-{made[-1].pk}"' in first  # newest first
    last = client.get(MAP, {"sida": "3"}).content.decode()
    assert f'id="rapport-{made[0].pk}"' in last and "sida=4" not in last and "sida=2" in last
    assert client.get(MAP, {"sida": "x"}).status_code == 200
