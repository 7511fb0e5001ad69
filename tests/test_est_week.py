"""The coordinators' weekly EST compilation: the week's observations by category and area, the
map and its list, the week's hot spots and decided actions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.models import Area, AuditEntry, Municipality, Role
from situation.models import EstCategory, WeeklyCompilation
from tests import situation_factories as sf
from tests.factories import PASSWORD, other_org, user

D = datetime.date
# ISO week 20 of 2025 is 12–18 May.
URL = reverse("est_staff:week", args=[2025, 20]) + "?kommun=1419"
SAVE = reverse("est_staff:compilation_save", args=[2025, 20])


@pytest.fixture
def housing(cast):
    return other_org("Bostäder på Tjörn AB", "1419")


@pytest.fixture
def areas(db):
    tjorn = Municipality.objects.get(code="1419")
    return [
        Area.objects.create(municipality=tjorn, name="Skärhamn", code="skarhamn"),
        Area.objects.create(municipality=tjorn, name="Rönnäng", code="ronnang"),
    ]


def _observations(housing, areas, n):
    klotter = EstCategory.objects.get(code="klotter", organisation=None)
    brand = EstCategory.objects.get(code="brand", organisation=None)
    made = []
    for i in range(n):
        made.append(
            sf.observation(
                housing,
                klotter if i % 3 else brand,
                observed_on=D(2025, 5, 12) + datetime.timedelta(days=i % 7),
                area=areas[i % 2],
                latitude=58.0 + i / 1000,
                longitude=11.6,
                place_text=f"Plats {i}",
                description=f"Beskrivning {i}",
            )
        )
    return made


def _login(client, u):
    client.login(username=u.username, password=PASSWORD)


def test_the_week_by_category_and_area_with_map_and_list(client, cast, housing, areas):
    _observations(housing, areas, 6)
    sf.observation(housing, EstCategory.objects.get(code="klotter"), observed_on=D(2025, 5, 19))
    _login(client, cast.alice)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "6 observationer" in page
    tables = response.context
    assert dict(tables["by_category"]) == {"Klotter": 4, "Bränder": 2}
    assert dict(tables["by_area"]) == {"Skärhamn": 3, "Rönnäng": 3}
    assert "Plats 5" in page and "Beskrivning 5" in page
    features = response.context["map"].features
    assert sum(1 for f in features if f["properties"]["role"] == "place") == 6


def test_the_week_costs_the_same_queries_whatever_its_size(client, cast, housing, areas):
    _login(client, cast.alice)
    _observations(housing, areas, 3)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    _observations(housing, areas, 30)
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL).status_code == 200
    assert len(many) == len(few)


def test_a_coordinator_marks_the_weeks_hot_spots(client, cast, housing, areas):
    made = _observations(housing, areas, 4)
    _login(client, cast.alice)
    data = {
        "kommun": "1419",
        "hot_spot_areas": [areas[0].pk],
        "hot_spot_observations": [made[1].pk],
        "hot_spot_notes": "Busshållplatsen vid torget",
        "decided_actions": "Gatuchefen ser till att belysningen lagas vecka 21.",
    }
    response = client.post(SAVE, data)
    assert response.status_code == 302 and response.url == URL
    compilation = WeeklyCompilation.objects.get()
    assert compilation.organisation == cast.tjorn and compilation.created_by == cast.alice
    assert (compilation.iso_year, compilation.iso_week) == (2025, 20)
    assert list(compilation.hot_spot_areas.all()) == [areas[0]]
    assert list(compilation.hot_spot_observations.all()) == [made[1]]
    assert AuditEntry.objects.filter(action="est.compilation_created").count() == 1
    page = client.get(URL).content.decode()
    assert "Busshållplatsen vid torget" in page and "belysningen lagas" in page
    data["decided_actions"] = "Ändrat."
    assert client.post(SAVE, data).status_code == 302
    assert WeeklyCompilation.objects.get().decided_actions == "Ändrat."
    assert AuditEntry.objects.filter(action="est.compilation_changed").count() == 1


def test_hot_spots_are_chosen_among_the_weeks_observations_only(client, cast, housing, areas):
    made = _observations(housing, areas, 2)
    other_week = sf.observation(housing, made[0].category, observed_on=D(2025, 6, 2))
    _login(client, cast.alice)
    data = {"kommun": "1419", "hot_spot_observations": [other_week.pk]}
    assert client.post(SAVE, data).status_code == 400
    assert not WeeklyCompilation.objects.exists()


def test_a_personnummer_in_the_actions_is_refused(client, cast, housing, areas):
    _login(client, cast.alice)
    data = {"kommun": "1419", "decided_actions": "Samtal med 811228-9874"}
    assert client.post(SAVE, data).status_code == 400
    assert not WeeklyCompilation.objects.exists()


def test_readers_see_the_week_but_only_coordinators_compile(client, cast, housing, areas):
    reporter = user("bovard", housing, Role.REPORTER)
    _login(client, cast.viewer)
    page = client.get(URL)
    assert page.status_code == 200 and page.context["form"] is None
    assert client.post(SAVE, {"kommun": "1419"}).status_code == 403
    _login(client, reporter)
    assert client.post(SAVE, {"kommun": "1419"}).status_code == 403
    assert not WeeklyCompilation.objects.exists()


def test_the_police_compiles_for_its_municipalities(client, cast):
    _login(client, cast.bob)
    assert client.get(URL).context["compiling_organisation"] == cast.police
    assert client.post(SAVE, {"kommun": "1419", "decided_actions": "Närvaro."}).status_code == 302
    assert WeeklyCompilation.objects.get().organisation == cast.police


def test_another_municipality_or_a_week_that_does_not_exist(client, cast):
    _login(client, cast.charlie)
    assert client.get(URL).status_code == 404
    _login(client, cast.alice)
    url = reverse("est_staff:week", args=[2025, 53]) + "?kommun=1419"
    assert client.get(url).status_code == 404
