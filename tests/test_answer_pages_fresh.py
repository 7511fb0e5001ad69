"""The answer pages keep each wave's questionnaire for a while (answering.load_questionnaire);
every change the builder may make while a wave is open reaches them at once all the same."""

import pytest
from django.test import Client
from django.urls import reverse

from surveys.models import Survey
from tests.answer_helpers import open_wave, start_with_code, tjorn_areas

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(client, cast):
    tjorn_areas()
    w = open_wave(cast.tjorn)
    start_with_code(client, w)
    return w


def _staff(cast) -> Client:
    staff = Client()
    staff.force_login(cast.alice)
    return staff


def test_a_language_added_while_the_wave_is_open_is_offered_at_once(client, cast, wave):
    assert "Soomaali" not in client.get("/enkat/svar/sida/1/").content.decode()
    response = _staff(cast).post(
        reverse("surveys_staff:language_add", args=[wave.survey_id]),
        {"code": "so", "name": "Soomaali"},
    )
    assert response.status_code == 302
    assert "Soomaali" in client.get("/enkat/svar/sida/1/").content.decode()


def test_an_area_added_while_the_wave_is_open_is_offered_at_once(client, cast, wave):
    page = "/enkat/svar/sida/4/"
    assert "Dyrön" not in client.get(page).content.decode()
    saved_at = Survey.objects.get(pk=wave.survey_id).updated_at
    response = _staff(cast).post(
        reverse("surveys_staff:area_create", args=["1419"]),
        {"name": "Dyrön", "code": "dyron", "boundary_text": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Survey.objects.get(pk=wave.survey_id).updated_at > saved_at
    assert "Dyrön" in client.get(page).content.decode()
