"""Brå's crime tables and SCB's population imported from the web: the upload starts a
background task, the page follows it and ends with the counts or the errors by row and
column; only editors import, only the owner follows."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import PendingImport, TaskProgress
from organisations.models import Population
from situation.models import CrimeStatistic
from tests.test_imports_crime_statistics import SAMPLE as CRIMES
from tests.test_imports_population import SAMPLE as POPULATION

pytestmark = pytest.mark.django_db


def upload_url(what: str) -> str:
    return reverse("situation_staff:statistics_upload", args=[what])


def upload(client, what: str, text: str, name: str = "fil.csv"):
    content = SimpleUploadedFile(name, text.encode("utf-8"))
    return client.post(upload_url(what), {"file": content})


def test_crime_statistics_from_the_web(client, cast, immediate_tasks):
    client.force_login(cast.alice)
    page = client.get(upload_url("brottsstatistik")).content.decode()
    assert "Brås tabell över anmälda brott (CSV eller XLSX)" in page
    response = upload(client, "brottsstatistik", CRIMES)
    progress = TaskProgress.objects.get()
    assert response["Location"] == reverse(
        "situation_staff:statistics_progress", args=["brottsstatistik", progress.pk]
    )
    body = client.get(response["Location"]).content.decode()
    assert progress.status == "done" and progress.result["created"] == 22
    assert "Nya siffror</th><td>22<" in body and "riket eller ett län" in body
    assert CrimeStatistic.objects.count() == 22 and not PendingImport.objects.exists()
    again = client.get(upload(client, "brottsstatistik", CRIMES)["Location"]).content.decode()
    assert "Filen var redan inläst" in again and CrimeStatistic.objects.count() == 22


def test_population_from_the_web_and_a_broken_file(client, cast, immediate_tasks):
    client.force_login(cast.bob)
    before = Population.objects.count()
    broken = upload(client, "folkmangd", POPULATION.replace("15957", "-1"))
    body = client.get(broken["Location"]).content.decode()
    assert "Misslyckades" in body and "Rad 7, kolumn ”Folkmängd 2024”" in body
    assert Population.objects.count() == before
    good = client.get(upload(client, "folkmangd", POPULATION)["Location"]).content.decode()
    assert "Nya siffror</th><td>7<" in good
    assert Population.objects.count() == before + 7


def test_the_wrong_file_type_is_refused_at_once(client, cast, immediate_tasks):
    client.force_login(cast.alice)
    response = upload(client, "folkmangd", "[]", "fil.json")
    assert response.status_code == 400 and "fel filtyp" in response.content.decode()
    assert not TaskProgress.objects.exists()


def test_only_editors_import_and_only_the_owner_follows(client, cast, immediate_tasks):
    client.force_login(cast.viewer)
    assert client.get(upload_url("brottsstatistik")).status_code == 403
    assert upload(client, "folkmangd", POPULATION).status_code == 403
    client.force_login(cast.alice)
    assert client.get(upload_url("annat")).status_code == 404
    page = upload(client, "folkmangd", POPULATION)["Location"]
    client.force_login(cast.charlie)
    assert client.get(page).status_code == 404
    other_kind = page.replace("folkmangd", "brottsstatistik")
    client.force_login(cast.alice)
    assert client.get(other_kind).status_code == 404
    index = client.get(reverse("situation_staff:index")).content.decode()
    assert upload_url("brottsstatistik") in index and upload_url("folkmangd") in index
