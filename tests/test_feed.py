import xml.etree.ElementTree as ET

from django.urls import reverse

from promises.models import Promise
from tests.factories import activity, progress

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_lists_public_updates_only(client, cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    progress(world.police_activity, 2, text="Två insatser i centrum.")
    progress(world.police_activity, 1, text="Hemlig planering.", is_public=False)
    response = client.get(reverse("public:promise_feed", args=[world.promise.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert entries[0].find(f"{ATOM}title").text == "Riktade insatser"
    assert "Två insatser i centrum. (2 insatser)" in entries[0].find(f"{ATOM}summary").text
    assert f"/medborgarlofte/{world.promise.pk}/#uppdatering-" in entries[0].find(
        f"{ATOM}link"
    ).get("href")


def test_feed_suppresses_small_counts_of_people(client, cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    a = activity(
        world.police_commitment, cast.police, title="Samtal", unit="personer", counts_people=True
    )
    progress(a, 2, text="Samtal genomförda.")
    body = client.get(reverse("public:promise_feed", args=[world.promise.pk])).content.decode()
    assert "Samtal genomförda." in body and "2 personer" not in body


def test_no_feed_for_draft(client, cast, world):
    assert client.get(reverse("public:promise_feed", args=[world.promise.pk])).status_code == 404


def test_feed_never_prints_single_counts_of_people(client, cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    a = activity(
        world.police_commitment, cast.police, title="Samtal", unit="personer", counts_people=True
    )
    progress(a, 6, text="Första samtalen.")
    progress(a, 2, text="Fler samtal.")
    body = client.get(reverse("public:promise_feed", args=[world.promise.pk])).content.decode()
    assert "6 personer" not in body and "2 personer" not in body
