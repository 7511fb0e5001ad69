"""Areas within a municipality: list, add with a pasted or uploaded GeoJSON boundary, change,
delete with confirmation; clear messages for bad boundaries."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisations.models import Area, AuditEntry
from surveys.services import open_wave
from tests import survey_factories as sf

SKARHAMN = {
    "type": "Polygon",
    "coordinates": [[[11.54, 57.98], [11.57, 57.98], [11.57, 58.0], [11.54, 58.0], [11.54, 57.98]]],
}
LIST = reverse("surveys_staff:area_list", args=["1419"])
CREATE = reverse("surveys_staff:area_create", args=["1419"])


def test_overview_goes_to_the_only_municipality(client, cast):
    client.force_login(cast.alice)
    response = client.get(reverse("surveys_staff:area_overview"))
    assert response.status_code == 302 and response.url == LIST


def test_police_reads_the_areas_of_its_municipalities(client, cast):
    sf.area("skarhamn", "Skärhamn")
    client.force_login(cast.bob)
    page = client.get(reverse("surveys_staff:area_overview")).content.decode()
    assert "Tjörn" in page and "Orust" in page
    page = client.get(LIST).content.decode()
    assert "Skärhamn" in page and "Nytt område" not in page
    assert client.get(CREATE).status_code == 403


def test_empty_list_explains(client, cast):
    client.force_login(cast.alice)
    assert "Inga områden än" in client.get(LIST).content.decode()


def test_add_with_pasted_feature(client, cast):
    client.force_login(cast.alice)
    feature = {"type": "Feature", "properties": {}, "geometry": SKARHAMN}
    response = client.post(CREATE, {"name": "Skärhamn", "boundary_text": json.dumps(feature)})
    assert response.status_code == 302
    area = Area.objects.get()
    assert area.code == "skarhamn" and area.boundary == SKARHAMN
    assert AuditEntry.objects.get(action="area.created").parties.filter(pk=cast.tjorn.pk).exists()
    page = client.get(LIST).content.decode()
    assert "<svg" in page and "Skärhamn" in page


def test_add_with_uploaded_file(client, cast):
    client.force_login(cast.alice)
    upload = SimpleUploadedFile(
        "skarhamn.geojson",
        json.dumps(
            {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": SKARHAMN}]}
        ).encode(),
        content_type="application/geo+json",
    )
    response = client.post(CREATE, {"name": "Skärhamn", "code": "skh", "boundary_file": upload})
    assert response.status_code == 302
    assert Area.objects.get().boundary == SKARHAMN


@pytest.mark.parametrize(
    ("boundary", "message"),
    [
        ('{"type": "Polygon", "coordinates": [[[11.5, 57.9]', "fel på rad 1, tecken 50"),
        ('{"type": "Point", "coordinates": [11.5, 57.9]}', "Polygon eller MultiPolygon"),
        (
            json.dumps(
                {
                    "type": "Polygon",
                    "coordinates": [[[p[1], p[0]] for p in SKARHAMN["coordinates"][0]]],
                }
            ),
            "Gränsen ligger inte i Tjörn",
        ),
        (
            '{"type": "Polygon", "coordinates": [[[200, 57.9], [11, 58], [11, 57]]]}',
            "inte longitud, latitud",
        ),
    ],
)
def test_bad_boundaries_are_refused(client, cast, boundary, message):
    client.force_login(cast.alice)
    response = client.post(CREATE, {"name": "Skärhamn", "boundary_text": boundary})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Area.objects.exists()


def test_both_file_and_text_refused(client, cast):
    client.force_login(cast.alice)
    upload = SimpleUploadedFile("a.geojson", json.dumps(SKARHAMN).encode())
    response = client.post(
        CREATE, {"name": "Skärhamn", "boundary_file": upload, "boundary_text": json.dumps(SKARHAMN)}
    )
    assert "inte båda" in response.content.decode() and not Area.objects.exists()


def test_duplicate_name_and_code_refused(client, cast):
    sf.area("skarhamn", "Skärhamn")
    client.force_login(cast.alice)
    response = client.post(CREATE, {"name": "skärhamn"})
    assert "Det finns redan ett område som heter ”skärhamn”" in response.content.decode()
    response = client.post(CREATE, {"name": "Skärhamns centrum", "code": "skarhamn"})
    assert "Koden ”skarhamn” används redan" in response.content.decode()
    assert Area.objects.count() == 1


def test_edit_keeps_boundary_unless_removed(client, cast):
    area = sf.area("skarhamn", "Skärhamn")
    area.boundary = SKARHAMN
    area.save()
    client.force_login(cast.alice)
    url = reverse("surveys_staff:area_edit", args=[area.pk])
    client.post(url, {"name": "Skärhamn tätort", "code": "skarhamn"})
    area.refresh_from_db()
    assert area.name == "Skärhamn tätort" and area.boundary == SKARHAMN
    client.post(url, {"name": "Skärhamn tätort", "code": "skarhamn", "remove_boundary": "on"})
    area.refresh_from_db()
    assert area.boundary is None
    assert AuditEntry.objects.filter(action="area.changed").count() == 2


def test_code_fixed_once_a_wave_has_opened(client, cast):
    area = sf.area("skarhamn", "Skärhamn")
    open_wave(wave=sf.wave(sf.survey(cast.tjorn)), user=cast.alice, parties=[cast.tjorn.pk])
    client.force_login(cast.alice)
    url = reverse("surveys_staff:area_edit", args=[area.pk])
    assert "Koden kan inte ändras" in client.get(url).content.decode()
    client.post(url, {"name": "Skärhamn", "code": "annan"})
    area.refresh_from_db()
    assert area.code == "skarhamn"


def test_delete_with_confirmation(client, cast):
    area = sf.area("skarhamn", "Skärhamn")
    client.force_login(cast.alice)
    url = reverse("surveys_staff:area_delete", args=[area.pk])
    assert "Ta bort området ”Skärhamn”?" in client.get(url).content.decode()
    client.post(url)
    assert not Area.objects.exists()
    assert AuditEntry.objects.filter(action="area.deleted").exists()


def test_delete_refused_when_invitations_use_it(client, cast):
    area = sf.area("skarhamn", "Skärhamn")
    sf.invitations(sf.wave(sf.survey(cast.tjorn)), 3, area)
    client.force_login(cast.alice)
    response = client.post(reverse("surveys_staff:area_delete", args=[area.pk]), follow=True)
    assert "3 inbjudningar och 0 svar hör till området" in response.content.decode()
    assert Area.objects.exists()


def test_access(client, cast):
    area = sf.area("skarhamn", "Skärhamn")
    client.force_login(cast.viewer)
    assert client.get(LIST).status_code == 200
    assert client.post(CREATE, {"name": "X"}).status_code == 403
    assert client.post(reverse("surveys_staff:area_delete", args=[area.pk])).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(LIST).status_code == 404
    assert client.get(reverse("surveys_staff:area_edit", args=[area.pk])).status_code == 404
    client.force_login(cast.alice)
    assert client.post(LIST).status_code == 405
    assert Area.objects.count() == 1
