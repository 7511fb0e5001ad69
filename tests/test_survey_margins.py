"""Population margins entered by hand: editors only, each variable complete or empty, totals
that agree, saved with an audit entry; a closed wave is weighted again at once."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.models import Margin, Response
from tests import results_factories as rf
from tests import survey_factories as sf
from tests.factories import PASSWORD


@pytest.fixture
def setup(cast):
    s, areas = rf.results_survey(cast.tjorn)
    wave = rf.closed_wave(s, 2025)
    rf.fill(wave, areas, [60, 40, 35])
    return wave, areas


def url(wave):
    return reverse("surveys_staff:wave_margins", args=[wave.pk])


def filled(**changes) -> dict:
    data = {
        "area__skarhamn": "3000",
        "area__kladesholmen": "900",
        "area__ronnang": "600",
        "kon__kvinna": "2250",
        "kon__man": "2250",
        "alder__16-29": "1000",
        "alder__30-44": "1000",
        "alder__45-64": "1500",
        "alder__65-84": "1000",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_editor_saves_margins_and_the_closed_wave_is_weighted(client, cast, setup):
    wave, _areas = setup
    client.login(username="alice", password=PASSWORD)
    assert "Invånare 16–84 år per område" in client.get(url(wave)).content.decode()
    response = client.post(url(wave), filled(), follow=True)
    assert "svaren är viktade på nytt" in response.content.decode()
    assert Margin.objects.filter(wave=wave).count() == 9
    assert not Response.objects.filter(wave=wave, weight__isnull=True).exists()
    entry = AuditEntry.objects.get(action="wave.margins_changed")
    assert entry.after["margins"]["area"]["skarhamn"] == 3000


def test_saving_again_replaces_the_margins(client, cast, setup):
    wave, _areas = setup
    client.login(username="alice", password=PASSWORD)
    client.post(url(wave), filled())
    client.post(url(wave), filled(**{f"kon__{k}": "" for k in ("kvinna", "man")}))
    assert set(Margin.objects.filter(wave=wave).values_list("variable", flat=True)) == {
        "area",
        "alder",
    }


def test_partly_filled_variable_is_refused_next_to_the_field(client, cast, setup):
    wave, _areas = setup
    client.login(username="alice", password=PASSWORD)
    response = client.post(url(wave), filled(**{"kon__man": ""}))
    assert response.status_code == 400
    assert "Fyll i alla kön eller lämna alla tomma." in response.content.decode()
    assert not Margin.objects.filter(wave=wave).exists()


def test_totals_that_disagree_are_refused_with_both_totals(client, cast, setup):
    wave, _areas = setup
    client.login(username="alice", password=PASSWORD)
    response = client.post(url(wave), filled(**{"kon__man": "2000"}))
    body = response.content.decode()
    assert response.status_code == 400 and "Summorna skiljer sig åt" in body
    assert "områdena 4\xa0500" in body and "kön 4\xa0250" in body


def test_zero_population_is_refused(client, cast, setup):
    wave, _areas = setup
    client.login(username="alice", password=PASSWORD)
    response = client.post(url(wave), filled(**{"area__ronnang": "0"}))
    assert response.status_code == 400 and "Ange minst 1" in response.content.decode()


def test_margins_that_cannot_weight_the_open_wave_warn_at_once(client, cast):
    s, areas = rf.results_survey(cast.tjorn)
    sf.area("kyrkesund", "Kyrkesund")  # nobody from there has answered yet
    wave = sf.wave(s, status="open")
    rf.fill(wave, areas, [60, 40, 35])
    client.login(username="alice", password=PASSWORD)
    data = filled(area__skarhamn="2500", area__kyrkesund="500")
    body = client.post(url(wave), data, follow=True).content.decode()
    assert "svaren hittills går inte att vikta" in body and "Område=Kyrkesund" in body
    assert Margin.objects.filter(wave=wave, category="kyrkesund").exists()


def test_viewer_and_other_tenant_cannot_edit(client, cast, setup):
    wave, _areas = setup
    client.login(username="viewer", password=PASSWORD)
    assert client.get(url(wave)).status_code == 403
    client.login(username="charlie", password=PASSWORD)
    assert client.post(url(wave), filled()).status_code == 404
    assert not Margin.objects.filter(wave=wave).exists()
