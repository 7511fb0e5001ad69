"""The wave's import pages: answers from another system and population margins."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import PendingImport
from surveys.models import Margin, Response
from tests.survey_imports import csv_bytes, survey_world

pytestmark = pytest.mark.django_db
ANSWERS = [
    ["otrygg_kvall", "omrade", "kon"],
    ["ganska_trygg", "centrum", "man"],
    ["Mycket trygg", "", ""],
]
MARGINS = [
    ["variabel", "kategori", "antal"],
    ["område", "centrum", "700"],
    ["område", "skarhamn", "500"],
    ["kön", "kvinnor", "600"],
    ["kön", "män", "600"],
]


@pytest.fixture
def sw(cast):
    return survey_world(cast)


def answers_url(sw):
    return reverse("surveys_staff:answers_import", args=[sw.wave.pk])


def margins_url(sw):
    return reverse("surveys_staff:margins_import", args=[sw.wave.pk])


def upload(client, url, content, name="fil.csv", **data):
    return client.post(url, {"file": SimpleUploadedFile(name, content), **data})


def test_answers_upload_preview_and_confirm(client, cast, sw):
    client.force_login(cast.alice)
    page = client.get(answers_url(sw)).content.decode()
    assert "otrygg_kvall, otrygg_kvall_orsak" in page
    assert "Svaren kommer från ett slumpmässigt urval" in page
    response = upload(client, answers_url(sw), csv_bytes(ANSWERS), representative="no")
    preview_url = response["Location"]
    assert preview_url.endswith("?urval=nej")
    page = client.get(preview_url).content.decode()
    assert "2 svar sparas när du bekräftar" in page and "märkta ”ej representativt”" in page
    assert '<th scope="row">Centrum</th><td class="numeric">1</td>' in page
    assert not Response.objects.exists()
    response = client.post(preview_url)
    assert response.status_code == 302
    assert (
        list(Response.objects.values_list("mode", "is_representative")) == [("imported", False)] * 2
    )
    assert not PendingImport.objects.exists()


def test_answers_with_errors_are_shown_and_not_stored(client, cast, sw):
    client.force_login(cast.alice)
    content = csv_bytes([["otrygg_kvall"], ["kanske"]])
    preview_url = upload(client, answers_url(sw), content, representative="yes")["Location"]
    page = client.get(preview_url)
    assert page.status_code == 400 and "Okänt svarsalternativ" in page.content.decode()
    assert client.post(preview_url).status_code == 400
    assert not Response.objects.exists()


def test_the_answers_form_asks_whether_the_sample_was_random(client, cast, sw):
    client.force_login(cast.alice)
    response = upload(client, answers_url(sw), csv_bytes(ANSWERS))
    assert response.status_code == 400
    assert "Ange om svaren kommer från ett slumpmässigt urval." in response.content.decode()
    preview_url = upload(client, answers_url(sw), csv_bytes(ANSWERS), representative="yes")[
        "Location"
    ]
    tampered = preview_url.replace("urval=ja", "urval=kanske")
    assert client.post(tampered)["Location"] == answers_url(sw)
    assert not Response.objects.exists()


def test_margins_upload_preview_and_confirm(client, cast, sw):
    client.force_login(cast.alice)
    page = client.get(margins_url(sw)).content.decode()
    assert "<code>centrum</code> (Centrum)" in page
    preview_url = upload(client, margins_url(sw), csv_bytes(MARGINS))["Location"]
    page = client.get(preview_url).content.decode()
    assert (
        '<th scope="row">Område: Skärhamn</th><td class="numeric">–</td><td class="numeric">500</td>'
        in page
    )
    assert not Margin.objects.exists()
    assert client.post(preview_url).status_code == 302
    assert Margin.objects.count() == 4


def test_margins_with_errors_are_shown(client, cast, sw):
    client.force_login(cast.alice)
    content = csv_bytes([["variabel", "kategori", "antal"], ["kön", "alla", "1"]])
    preview_url = upload(client, margins_url(sw), content)["Location"]
    page = client.get(preview_url)
    assert page.status_code == 400 and "Okänt kön ”alla”" in page.content.decode()
    assert client.post(preview_url).status_code == 400 and not Margin.objects.exists()


@pytest.mark.parametrize("url", [answers_url, margins_url])
def test_who_may_import(client, cast, sw, url):
    client.force_login(cast.viewer)
    assert client.get(url(sw)).status_code == 403
    client.force_login(cast.reporter)
    assert client.get(url(sw)).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(url(sw)).status_code == 404
    client.force_login(cast.tjorn_admin)
    assert client.get(url(sw)).status_code == 200
    client.logout()
    assert client.get(url(sw))["Location"].startswith("/logga-in/")


def test_another_users_upload_is_not_found(client, cast, sw):
    client.force_login(cast.alice)
    preview_url = upload(client, margins_url(sw), csv_bytes(MARGINS))["Location"]
    client.force_login(cast.tjorn_admin)
    assert client.get(preview_url)["Location"] == margins_url(sw)
    assert client.post(preview_url)["Location"] == margins_url(sw)
    assert not Margin.objects.exists()


def test_the_answers_template_has_the_header_the_import_expects(client, cast, sw):
    client.force_login(cast.alice)
    response = client.get(reverse("surveys_staff:answers_template", args=[sw.wave.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8-sig").splitlines() == [
        "otrygg_kvall;otrygg_kvall_orsak;oro_samhalle;avstatt;otrygg_plats;omrade;kon;alder"
    ]
    client.force_login(cast.viewer)
    assert (
        client.get(reverse("surveys_staff:answers_template", args=[sw.wave.pk])).status_code == 403
    )
