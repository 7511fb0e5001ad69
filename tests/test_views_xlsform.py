"""The staff page for importing a survey from XLSForm: upload, preview, confirm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import PendingImport
from surveys.models import Survey
from tests.xlsforms import BROKEN_FOR_COMMAND, valid_form, workbook

pytestmark = pytest.mark.django_db
URL = reverse("surveys_staff:xlsform_import")


def upload(client, content, org, name="trygghet.xlsx"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content), "organisation": org.pk})


def test_upload_preview_and_confirm(client, cast):
    client.force_login(cast.alice)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'enctype="multipart/form-data"' in html and "begin_repeat" in html
    response = upload(client, valid_form(), cast.tjorn)
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = client.get(preview_url)
    html = preview.content.decode()
    assert preview.status_code == 200 and not Survey.objects.exists()
    assert "Ny undersökning ”Trygghetsmätning Tjörn” för Tjörn" in html
    assert "Avsnitt 2: Problem i området (matris: frågorna delar samma skala, 3 frågor)" in html
    assert "frågebanken: otrygg_kvall v1" in html
    assert "otrygg_kvall är ”Går aldrig ut ensam sent på kvällen”" in html
    assert "5 frågor hämtas ur frågebanken och 6 blir egna frågor" in html
    assert "Metadatafältet ”start” läses inte in" in html
    response = client.post(preview_url)
    survey = Survey.objects.get()
    assert response.status_code == 302 and survey.organisation == cast.tjorn
    assert not PendingImport.objects.exists()
    assert survey.questions.count() == 11


def test_a_broken_file_shows_its_errors_and_cannot_be_confirmed(client, cast):
    client.force_login(cast.alice)
    preview_url = upload(client, workbook(BROKEN_FOR_COMMAND), cast.tjorn)["Location"]
    preview = client.get(preview_url)
    html = preview.content.decode()
    assert preview.status_code == 400
    assert "Filen kan inte läsas in: 2 fel" in html and "Upprepade grupper" in html
    assert "Skapa undersökningen" not in html
    assert client.post(preview_url).status_code == 400
    assert not Survey.objects.exists()


def test_the_form_refuses_other_files_before_reading_them(client, cast):
    client.force_login(cast.alice)
    response = upload(client, b"a;b\n", cast.tjorn, name="enkat.csv")
    assert response.status_code == 400 and "har fel filtyp" in response.content.decode()
    response = client.post(URL, {"organisation": cast.tjorn.pk})
    assert (
        response.status_code == 400 and "Välj filen som ska läsas in." in response.content.decode()
    )


def test_who_may_import(client, cast):
    client.force_login(cast.viewer)
    assert client.get(URL).status_code == 403
    client.force_login(cast.bob)  # the police area has no municipality of its own
    assert client.get(URL).status_code == 403
    client.force_login(cast.charlie)
    response = upload(client, valid_form(), cast.tjorn)  # not one of Charlie's organisations
    assert response.status_code == 400
    client.force_login(cast.alice)
    preview_url = upload(client, valid_form(), cast.tjorn)["Location"]
    client.force_login(cast.charlie)
    assert client.get(preview_url).status_code == 404
    client.logout()
    assert client.get(URL)["Location"].startswith("/logga-in/")


def test_an_expired_or_foreign_upload_is_asked_for_again(client, cast):
    client.force_login(cast.alice)
    preview_url = upload(client, valid_form(), cast.tjorn)["Location"]
    client.force_login(cast.tjorn_admin)
    response = client.get(preview_url)
    assert response.status_code == 302 and response["Location"] == URL
    client.force_login(cast.alice)
    PendingImport.objects.all().delete()
    assert client.post(preview_url)["Location"] == URL
    assert not Survey.objects.exists()
