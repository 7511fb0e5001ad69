"""The staff results page of a wave: who sees it, what it shows (weights, indicators with the
comparison, breakdowns with suppression, response rates), and a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys.models import Margin
from surveys.results import on_wave_closed
from tests import results_factories as rf
from tests import survey_factories as sf
from tests.factories import PASSWORD


@pytest.fixture
def waves(cast):
    return rf.TwoWaves(cast.tjorn)


def url(wave, **query):
    base = reverse("surveys_staff:wave_results", args=[wave.pk])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def page(client, user, wave, **query):
    client.login(username=user.username, password=PASSWORD)
    response = client.get(url(wave, **query))
    assert response.status_code == 200
    return response.content.decode()


def test_viewer_sees_weighted_results_and_the_comparison(client, cast, waves):
    body = page(client, cast.viewer, waves.later)
    assert "Trygghetsmätning 2025" in body and "Viktat efter område, kön, åldersgrupp" in body
    assert "Känner sig otrygga ute ensamma sent en kväll" in body
    assert "Trygghetsmätning 2024" in body  # compared with the earlier wave by default
    assert "Säker förändring?" in body
    # The generated insecurity fell from about 30 % to about 12 %: a certain decrease.
    assert "Ja, minskning (bättre)" in body


def test_small_area_is_not_shown_and_another_is_hidden_with_it(client, cast, waves):
    body = page(client, cast.viewer, waves.later)
    assert "färre än 30" in body  # Rönnäng, 25 respondents
    assert "dold" in body  # Klädesholmen hidden too, so Rönnäng cannot be computed


def test_breakdown_by_sex_and_no_comparison(client, cast, waves):
    body = page(client, cast.viewer, waves.later, per="kon", jamfor="ingen")
    assert "Indikatorerna per kön" in body and "Kvinna" in body
    assert "Säker förändring?" not in body


def test_unweighted_wave_says_why(client, cast, waves):
    Margin.objects.filter(wave=waves.later, variable="area", category="ronnang").delete()
    on_wave_closed(waves.later)
    body = page(client, cast.viewer, waves.later)
    assert "Resultaten är oviktade" in body and "Område=Rönnäng" in body


def test_open_wave_is_preliminary(client, cast):
    s, areas = rf.results_survey(cast.tjorn)
    wave = sf.wave(s, status="open")
    rf.fill(wave, areas, [40, 0, 0])
    body = page(client, cast.viewer, wave)
    assert "resultaten är preliminära" in body and "Inga populationsmarginaler" in body


def test_open_link_answers_are_shown_apart(client, cast, waves):
    for _ in range(35):
        sf.response(
            waves.later, {"otrygg_kvall": "mycket_otrygg"}, mode="open", is_representative=False
        )
    body = page(client, cast.viewer, waves.later)
    assert "35 svar via den öppna länken" in body
    body = page(client, cast.viewer, waves.later, svar="oppen")
    assert "svar via öppen länk viktas aldrig" in body


def test_response_rate_per_area(client, cast, waves):
    sf.invitations(waves.later, 600, waves.areas[0])
    body = page(client, cast.viewer, waves.later)
    assert "Svarsfrekvens per område" in body and "50,0 %" in body  # 300 of 600


def test_free_text_is_never_shown(client, cast, waves):
    sf.response(waves.later, {"otrygg_kvall": "ganska_trygg", "forslag": "Anna på Storgatan 3"})
    body = page(client, cast.viewer, waves.later)
    assert "Anna på Storgatan" not in body and "Fritextsvar" in body


def test_other_tenant_gets_404_and_anonymous_logs_in(client, cast, waves):
    client.login(username="charlie", password=PASSWORD)
    assert client.get(url(waves.later)).status_code == 404
    client.logout()
    assert client.get(url(waves.later)).status_code == 302


def test_post_is_not_allowed(client, cast, waves):
    client.login(username="alice", password=PASSWORD)
    assert client.post(url(waves.later)).status_code == 405


def test_index_lists_the_waves_of_own_surveys(client, cast, waves):
    client.login(username="viewer", password=PASSWORD)
    body = client.get(reverse("surveys_staff:result_index")).content.decode()
    assert "Trygghetsmätning 2025" in body and "Trygghetsmätning 2024" in body
    client.login(username="charlie", password=PASSWORD)
    body = client.get(reverse("surveys_staff:result_index")).content.decode()
    assert "Trygghetsmätning 2025" not in body


def test_same_number_of_queries_whatever_the_number_of_responses(client, cast):
    small = rf.TwoWaves(cast.tjorn, per_area=(40, 31, 30))
    client.login(username="viewer", password=PASSWORD)

    def count(wave) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(wave)).status_code == 200
        return len(queries)

    few = count(small.later)
    rf.fill(small.later, small.areas, [400, 120, 60], seed=9)
    on_wave_closed(small.later)
    assert count(small.later) == few


def test_what_the_results_rest_on_is_apart_from_the_downloads_and_the_page_contents(
    client, cast, waves
):
    body = page(client, cast.alice, waves.later)
    downloads = body[body.index('<div class="actions">') :]
    downloads = downloads[: downloads.index("</div>")]
    assert "Populationsmarginaler" not in downloads and "Ladda ner resultaten (CSV)" in downloads
    basis = body[body.index('<p class="results-basis">') :]
    assert basis.index("Populationsmarginaler") < basis.index("</p>")
    assert '<p class="toc-label">På sidan:</p>' in body
    assert "results-basis" not in page(client, cast.viewer, waves.later)
