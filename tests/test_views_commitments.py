from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import Commitment


def test_add_commitment_with_target(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:commitment_create", args=[world.promise.pk]),
        {
            "giver": "police",
            "text": "genomföra riktade insatser",
            "target_quantity": 15,
            "unit": "riktade insatser",
            "order": 3,
        },
    )
    assert response.status_code == 302
    c = Commitment.objects.get(order=3)
    assert c.given_by == "police" and c.target_text() == "minst 15 riktade insatser"
    assert AuditEntry.objects.filter(action="commitment.created").count() == 1


def test_commitment_by_one_named_party(client, cast, world):
    client.force_login(cast.alice)
    client.post(
        reverse("staff:commitment_create", args=[world.promise.pk]),
        {"giver": f"party-{cast.tjorn.pk}", "text": "bygga om belysningen", "order": 4},
    )
    c = Commitment.objects.get(order=4)
    assert c.given_by == "party" and c.party == cast.tjorn and c.group_key == "municipalities"


def test_target_without_unit_is_refused(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:commitment_create", args=[world.promise.pk]),
        {"giver": "police", "text": "genomföra insatser", "target_quantity": 15, "order": 5},
    )
    assert response.status_code == 400
    assert "Ange vad antalet räknar" in response.content.decode()
    assert not Commitment.objects.filter(order=5).exists()


def test_delete_commitment_asks_first_then_deletes(client, cast, world):
    client.force_login(cast.alice)
    url = reverse("staff:commitment_delete", args=[world.police_commitment.pk])
    page = client.get(url).content.decode()
    assert "Ta bort åtagandet?" in page and "1 aktiviteter" in page
    assert Commitment.objects.filter(pk=world.police_commitment.pk).exists()
    assert client.post(url).status_code == 302
    assert not Commitment.objects.filter(pk=world.police_commitment.pk).exists()
    entry = AuditEntry.objects.get(action="commitment.deleted")
    assert entry.before["text"] == "genomföra riktade insatser" and entry.after is None
