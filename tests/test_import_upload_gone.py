"""An upload that is gone (expired, or someone else's) is said so on every import page that
confirms one: survey answers, population margins, XLSForm and the activity plan share the
words (core.imports.uploads.stashed_upload_or_message)."""

import uuid

import pytest
from django.urls import reverse

from tests.survey_imports import survey_world

pytestmark = pytest.mark.django_db
GONE = "Den uppladdade filen finns inte kvar (den sparas i 30 minuter). Ladda upp den igen."


@pytest.mark.parametrize(
    "preview, back",
    [
        ("surveys_staff:answers_import_preview", "surveys_staff:answers_import"),  # ?urval=ja
        ("surveys_staff:margins_import_preview", "surveys_staff:margins_import"),
    ],
)
def test_a_wave_import_whose_upload_is_gone(client, cast, settings, preview, back):
    settings.IMPORT_PENDING_MINUTES = 30
    wave = survey_world(cast).wave
    client.force_login(cast.alice)
    url = reverse(preview, args=[wave.pk, uuid.uuid4()]) + "?urval=ja"
    response = client.get(url, follow=True)
    assert response.redirect_chain[0][0] == reverse(back, args=[wave.pk])
    assert GONE in response.content.decode()


def test_an_xlsform_whose_upload_is_gone(client, cast, settings):
    settings.IMPORT_PENDING_MINUTES = 30
    client.force_login(cast.alice)
    url = reverse("surveys_staff:xlsform_preview", args=[cast.tjorn.pk, uuid.uuid4()])
    response = client.post(url, follow=True)
    assert response.redirect_chain[0][0] == reverse("surveys_staff:xlsform_import")
    assert GONE in response.content.decode()
