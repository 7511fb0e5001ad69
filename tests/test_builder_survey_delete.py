"""Deleting a survey: one path, from the builder page, with a confirmation; only a draft whose
waves never opened; the items it asked stay in the bank; audited."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.models import Invitation, Item, Question, Survey, Wave, WaveStatus
from tests import survey_factories as sf

pytestmark = pytest.mark.django_db


def _url(survey: Survey) -> str:
    return reverse("surveys_staff:survey_delete", args=[survey.pk])


def test_a_draft_is_deleted_after_a_confirmation(client, cast):
    survey = sf.survey(cast.tjorn)
    wave = sf.wave(survey)
    sf.invitations(wave, 3)
    client.force_login(cast.alice)
    detail = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert f'href="{_url(survey)}"' in detail
    page = client.get(_url(survey)).content.decode()
    assert "Ta bort undersökningen ”Trygghetsundersökning”?" in page
    assert "1 omgångar som aldrig har öppnats" in page
    assert Survey.objects.filter(pk=survey.pk).exists(), "a GET deletes nothing"
    response = client.post(_url(survey), follow=True)
    assert response.redirect_chain[-1][0] == reverse("surveys_staff:survey_list")
    assert "är borttagen" in response.content.decode()
    assert not Survey.objects.filter(pk=survey.pk).exists()
    assert not Question.objects.filter(survey_id=survey.pk).exists()
    assert not Wave.objects.filter(pk=wave.pk).exists()
    assert not Invitation.objects.filter(wave_id=wave.pk).exists()
    assert Item.objects.filter(code="otrygg_kvall").exists()
    entry = AuditEntry.objects.get(action="survey.deleted")
    assert entry.actor == cast.alice and entry.before["title"]["sv"] == "Trygghetsundersökning"


@pytest.mark.parametrize("status", [WaveStatus.OPEN, WaveStatus.CLOSED])
def test_a_survey_whose_wave_has_opened_stays(client, cast, status):
    survey = sf.survey(cast.tjorn)
    sf.wave(survey, status=status)
    client.force_login(cast.alice)
    detail = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert _url(survey) not in detail
    response = client.post(_url(survey), follow=True)
    assert "kan inte tas bort" in response.content.decode()
    assert Survey.objects.filter(pk=survey.pk).exists()
    assert not AuditEntry.objects.filter(action="survey.deleted").exists()


def test_only_editors_of_the_survey_delete_it(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.viewer)
    detail = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert _url(survey) not in detail
    assert client.post(_url(survey)).status_code == 403
    client.force_login(cast.charlie)
    assert client.post(_url(survey)).status_code == 404
    client.force_login(cast.alice)
    assert client.put(_url(survey)).status_code == 405
    assert Survey.objects.filter(pk=survey.pk).exists()
