"""EST over a period: counts by area and category, change against the period before, time of
day and weekday, Gi* hot spots; the data module the lägesbild calls, and the analysis page."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.models import Area, Municipality
from situation.est_inputs import est_hot_spots, est_summary
from situation.models import EstCategory
from tests import situation_factories as sf
from tests.factories import PASSWORD, other_org

D = datetime.date
Q2 = reverse("est_staff:analysis", args=["2025-K2"]) + "?kommun=1419"


@pytest.fixture
def housing(cast):
    return other_org("Bostäder på Tjörn AB", "1419")


@pytest.fixture
def tjorn(db):
    return Municipality.objects.get(code="1419")


@pytest.fixture
def skarhamn(tjorn):
    return Area.objects.create(municipality=tjorn, name="Skärhamn", code="skarhamn")


def _category(code):
    return EstCategory.objects.get(code=code, organisation=None)


def _login(client, u):
    client.login(username=u.username, password=PASSWORD)


def _spread(housing, n, seed):
    """n observations over Q2 2025, a third of them in one spot in Skärhamn's harbour."""
    rng = random.Random(seed)
    for i in range(n):
        lat, lon = (
            (58.0195, 11.5495)
            if i % 3 == 0
            else (57.95 + rng.random() / 10, 11.5 + rng.random() / 10)
        )
        sf.observation(
            housing,
            _category("klotter" if i % 2 else "nedskrapning"),
            observed_on=D(2025, 4, 1) + datetime.timedelta(days=rng.randrange(91)),
            latitude=lat + rng.random() / 100000,
            longitude=lon,
        )


def test_summary_by_hand(housing, tjorn, skarhamn):
    klotter, brand = _category("klotter"), _category("brand")
    sf.observation(
        housing,
        klotter,
        observed_on=D(2025, 4, 7),
        area=skarhamn,
        time_of_day="night",
        latitude=58.02,
        longitude=11.55,
    )
    sf.observation(housing, klotter, observed_on=D(2025, 6, 30), time_of_day="night")
    sf.observation(housing, brand, observed_on=D(2025, 5, 4), area=skarhamn, time_of_day="evening")
    sf.observation(housing, klotter, observed_on=D(2025, 3, 31))  # the quarter before
    sf.observation(housing, brand, observed_on=D(2025, 7, 1))  # after
    sf.observation(other_org("Skola i Orust", "1421"), klotter, observed_on=D(2025, 5, 5))
    with CaptureQueriesContext(connection) as queries:
        summary = est_summary(
            tjorn, D(2025, 4, 1), D(2025, 6, 30), previous=(D(2025, 1, 1), D(2025, 3, 31))
        )
    assert len(queries) == 2
    assert (summary.total, summary.previous_total) == (3, 1)
    assert [(c.code, c.count, c.previous) for c in summary.categories] == [
        ("klotter", 2, 1),
        ("brand", 1, 0),
    ]
    assert summary.categories[0].change.percent == 100.0
    assert summary.areas == [("skarhamn", "Skärhamn"), ("", "Utan område")]
    assert summary.by_area == {"skarhamn": 2, "": 1}
    assert summary.by_area_category[("skarhamn", "brand")] == 1
    assert [n for _v, _l, n in summary.by_time_of_day] == [0, 0, 1, 2, 0]
    assert summary.by_weekday == [2, 0, 0, 0, 0, 0, 1]  # 7 April and 30 June are Mondays
    assert [(p.lat, p.category) for p in summary.points] == [(58.02, "klotter")]


def test_summary_compares_with_the_period_just_before_by_default(housing, tjorn):
    sf.observation(housing, _category("klotter"), observed_on=D(2025, 3, 25))
    summary = est_summary(tjorn, D(2025, 4, 1), D(2025, 4, 7))
    assert (summary.previous_start, summary.previous_end) == (D(2025, 3, 25), D(2025, 3, 31))
    assert summary.previous_total == 1
    with pytest.raises(ValueError):
        est_summary(tjorn, D(2025, 4, 7), D(2025, 4, 1))


def test_a_cluster_is_a_hot_spot(housing, tjorn):
    _spread(housing, 45, seed=1)
    summary = est_summary(tjorn, D(2025, 4, 1), D(2025, 6, 30))
    hot = est_hot_spots(summary.points)
    assert hot.cells, "the harbour cluster is found"
    cluster = max(hot.cells, key=lambda cell: cell.count)
    assert abs(cluster.lat - 58.0195) < 0.003 and abs(cluster.lon - 11.5495) < 0.005
    assert cluster.count >= 15 and cluster.confidence == 99
    assert all(c.count > 0 for c in hot.cells)
    roles = {f["properties"]["role"] for f in hot.geojson["features"]}
    assert roles <= {"hot-99", "hot-95", "hot-90"} and len(hot.geojson["features"]) == len(
        hot.cells
    )


def test_too_few_points_give_no_hot_spot_analysis(housing, tjorn):
    _spread(housing, 6, seed=2)
    assert est_hot_spots(est_summary(tjorn, D(2025, 4, 1), D(2025, 6, 30)).points) is None


def test_the_analysis_page_with_a_table_for_every_chart_and_the_map(client, cast, housing):
    _spread(housing, 30, seed=3)
    _login(client, cast.alice)
    response = client.get(Q2)
    assert response.status_code == 200
    page = response.content.decode()
    assert "kvartal 2 2025" in page and "kvartal 1 2025" in page
    assert len(response.context["charts"]) == 3
    assert (
        page.count("<table") >= 3 + 2 + 1
    )  # each chart's table, change, area × category, hot spots
    assert "Rutans mitt" in page


def test_the_analysis_costs_the_same_queries_whatever_the_data(client, cast, housing):
    _login(client, cast.alice)
    _spread(housing, 12, seed=4)
    client.get(Q2)
    with CaptureQueriesContext(connection) as few:
        client.get(Q2)
    _spread(housing, 120, seed=5)
    with CaptureQueriesContext(connection) as many:
        client.get(Q2)
    assert len(many) == len(few)


def test_tertials_when_the_municipality_works_so(client, cast, settings):
    settings.EST_ANALYSIS_PERIOD = "tertial"
    _login(client, cast.alice)
    response = client.get(reverse("est_staff:analysis_current") + "?kommun=1419")
    assert response.status_code == 302 and "-T" in response.url
    page = client.get(reverse("est_staff:analysis", args=["2025"]) + "?kommun=1419")
    assert "tertial 3 2025" in page.content.decode()


def test_an_empty_period_says_so(client, cast):
    _login(client, cast.alice)
    page = client.get(Q2).content.decode()
    assert "Inga observationer i perioden" in page and "<svg" not in page


def test_bad_periods_and_other_municipalities(client, cast):
    _login(client, cast.alice)
    assert (
        client.get(reverse("est_staff:analysis", args=["2025-K5"]) + "?kommun=1419").status_code
        == 404
    )
    assert (
        client.get(reverse("est_staff:analysis", args=["2025-K1"]) + "?kommun=1401").status_code
        == 404
    )
    _login(client, cast.charlie)
    assert client.get(Q2).status_code == 404
