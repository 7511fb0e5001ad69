"""Public safety survey results: the municipality page's section, /kommun/<slug>/trygghet/
with the trend, an earlier wave's page; only closed waves; a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys.models import Wave
from surveys.results import on_wave_closed
from tests import results_factories as rf


@pytest.fixture
def waves(cast):
    return rf.TwoWaves(cast.tjorn)


def get(client, name, *args):
    response = client.get(reverse(f"public:{name}", args=args))
    return response.status_code, response.content.decode()


def test_municipality_page_shows_the_latest_headline_in_words(client, waves):
    status, body = get(client, "municipality", "tjorn")
    assert status == 200 and "Trygghetsundersökningen" in body
    assert "Trygghetsmätning 2025" in body and "procent</strong> (mellan" in body
    assert "Alla resultat, per område och över åren" in body


def test_results_page_has_trend_areas_and_suppression(client, waves):
    status, body = get(client, "safety_survey", "tjorn")
    assert status == 200
    assert "Utvecklingen över åren" in body and "2024" in body and "2025" in body
    assert "en säker minskning sedan Trygghetsmätning 2024" in body
    assert "Skärhamn" in body and "för få svar" in body and "dold" in body
    assert 'role="img"' in body and "<table" in body
    assert "Problem i bostadsområdet" in body


def test_earlier_wave_has_its_own_page(client, waves):
    status, body = get(client, "safety_survey_wave", "tjorn", waves.earlier.pk)
    assert status == 200 and "Trygghetsmätning 2024" in body
    assert get(client, "safety_survey_wave", "harryda", waves.earlier.pk)[0] == 404


def test_open_wave_is_not_public(client, cast, waves):
    Wave.objects.filter(pk=waves.later.pk).update(status=Wave.Status.OPEN)
    status, body = get(client, "safety_survey", "tjorn")
    assert "Trygghetsmätning 2025" not in body and "Trygghetsmätning 2024" in body
    assert get(client, "safety_survey_wave", "tjorn", waves.later.pk)[0] == 404


def test_no_closed_wave_no_page(client, db):
    assert get(client, "safety_survey", "tjorn")[0] == 404
    status, body = get(client, "municipality", "tjorn")
    assert status == 200 and "Trygghetsundersökningen" not in body


def test_free_text_never_reaches_the_public(client, waves):
    from tests import survey_factories as sf

    sf.response(waves.later, {"otrygg_kvall": "ganska_trygg", "forslag": "Ring Anna 070-123"})
    on_wave_closed(waves.later)
    assert "Anna" not in get(client, "safety_survey", "tjorn")[1]


def count(client, name, *args) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(f"public:{name}", args=args)).status_code == 200
    return len(queries)


def test_public_pages_use_a_fixed_number_of_queries(client, cast):
    small = rf.TwoWaves(cast.tjorn, per_area=(40, 30, 30))
    trend, municipality = (
        count(client, "safety_survey", "tjorn"),
        count(client, "municipality", "tjorn"),
    )
    rf.fill(small.later, small.areas, [300, 100, 80], seed=5)
    third = rf.closed_wave(small.survey, 2026)
    rf.fill(third, small.areas, [50, 40, 30], seed=6)
    rf.margins(third, small.areas, [3000, 900, 600])
    for wave in (small.later, third):
        on_wave_closed(wave)
    assert count(client, "safety_survey", "tjorn") == trend
    assert count(client, "municipality", "tjorn") == municipality
