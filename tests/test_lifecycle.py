"""The promise lifecycle and the revision rule, through the staff pages."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import Promise, PromiseRevision
from tests.factories import D, promise


def adopt_ready(p):
    p.signed_on = D(2025, 1, 15)
    p.signatories = "Kommundirektör, Tjörns kommun\nLokalpolisområdeschef"
    p.save()


def post(client, name, p, data=None):
    return client.post(reverse(name, args=[p.pk]), data or {})


def test_draft_cannot_be_adopted_until_signed(client, cast, world):
    client.force_login(cast.alice)
    response = post(client, "staff:promise_adopt", world.promise)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ange datum då löftet undertecknades." in page
    world.promise.refresh_from_db()
    assert world.promise.status == Promise.Status.DRAFT


def test_promise_without_commitments_cannot_be_adopted(client, cast):
    p = promise([cast.police, cast.tjorn])
    adopt_ready(p)
    client.force_login(cast.alice)
    assert post(client, "staff:promise_adopt", p).status_code == 400
    assert "minst ett åtagande" in post(client, "staff:promise_adopt", p).content.decode()


def test_full_lifecycle_writes_audit_and_revisions(client, cast, world):
    p = world.promise
    adopt_ready(p)
    client.force_login(cast.alice)
    assert post(client, "staff:promise_publish", p).status_code == 400  # must be adopted first
    assert post(client, "staff:promise_adopt", p).status_code == 302
    assert post(client, "staff:promise_publish", p).status_code == 302
    p.refresh_from_db()
    assert p.status == Promise.Status.PUBLISHED and p.published_at is not None
    assert p.revisions.count() == 1
    assert (
        post(
            client,
            "staff:promise_extend",
            p,
            {"new_end": "2026-06-30", "note": "Förlängt ett halvår."},
        ).status_code
        == 302
    )
    p.refresh_from_db()
    assert p.period_end == D(2026, 6, 30) and p.original_period_end == D(2025, 12, 31)
    assert p.revisions.first().change_note == "Förlängt ett halvår."
    assert (
        post(client, "staff:promise_conclude", p, {"concluded_on": "2026-06-30"}).status_code == 302
    )
    p.refresh_from_db()
    assert p.status == Promise.Status.CONCLUDED
    actions = list(AuditEntry.objects.for_object(p).values_list("action", flat=True))
    for action in ["promise.adopted", "promise.published", "promise.extended", "promise.concluded"]:
        assert action in actions
    entry = AuditEntry.objects.get(action="promise.concluded")
    assert entry.before["status"] == "published" and entry.after["status"] == "concluded"
    assert entry.actor == cast.alice


def test_extension_must_move_the_end_forward(client, cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    client.force_login(cast.alice)
    response = post(
        client, "staff:promise_extend", p, {"new_end": "2025-06-30", "note": "Kortare."}
    )
    assert response.status_code == 400
    assert "måste ligga efter" in response.content.decode()
    p.refresh_from_db()
    assert p.period_end == D(2025, 12, 31)


def test_replace_links_successor(client, cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    successor = promise([cast.police, cast.tjorn], title="Medborgarlöfte 2026")
    client.force_login(cast.alice)
    assert post(client, "staff:promise_replace", p, {"successor": successor.pk}).status_code == 302
    p.refresh_from_db()
    assert p.status == Promise.Status.REPLACED and p.successor == successor


def test_cannot_replace_with_promise_of_other_parties(client, cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    client.force_login(cast.alice)
    response = post(client, "staff:promise_replace", p, {"successor": world.other_promise.pk})
    assert response.status_code == 400  # not even offered: another tenant's promise
    p.refresh_from_db()
    assert p.status == Promise.Status.PUBLISHED


def test_change_after_publishing_needs_note_and_makes_revision(client, cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    client.force_login(cast.alice)
    data = {
        "title": "Nytt namn",
        "parties": [cast.police.pk, cast.tjorn.pk, cast.orust.pk],
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "goal": "Öka tryggheten i hela kommunen.",
    }
    response = client.post(reverse("staff:promise_edit", args=[p.pk]), data)
    assert response.status_code == 400
    assert "Vad ändras och varför?" in response.content.decode()
    p.refresh_from_db()
    assert p.title == "Medborgarlöfte 2025"
    data["change_note"] = "Tydligare mål."
    assert client.post(reverse("staff:promise_edit", args=[p.pk]), data).status_code == 302
    p.refresh_from_db()
    assert p.title == "Nytt namn"
    revision = p.revisions.first()
    assert revision.change_note == "Tydligare mål."
    assert revision.snapshot["goal"] == "Öka tryggheten i hela kommunen."


def test_commitment_change_after_publishing_makes_revision(client, cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    client.force_login(cast.bob)
    url = reverse("staff:commitment_edit", args=[world.police_commitment.pk])
    response = client.post(
        url,
        {
            "giver": "police",
            "text": "genomföra fler insatser",
            "order": 0,
            "change_note": "Fler insatser.",
        },
    )
    assert response.status_code == 302
    assert p.revisions.get().snapshot["commitments"][0]["text"] == "genomföra fler insatser"


def test_revisions_are_immutable(cast, world):
    revision = PromiseRevision.objects.create(
        promise=world.promise,
        number=1,
        published_at="2025-01-01T12:00Z",
        snapshot={},
        change_note="",
    )
    revision.change_note = "ändrad i efterhand"
    with pytest.raises(Exception, match="kan inte ändras"):
        revision.save()


def test_concluded_promise_cannot_be_edited(client, cast, world):
    p = world.promise
    p.status = Promise.Status.CONCLUDED
    p.save()
    client.force_login(cast.alice)
    response = client.post(reverse("staff:promise_edit", args=[p.pk]), {"title": "x"})
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.title == "Medborgarlöfte 2025"
    response = client.post(
        reverse("staff:commitment_create", args=[p.pk]), {"giver": "police", "text": "x"}
    )
    assert response.status_code == 302
    assert p.commitments.count() == 2


def test_history_is_readable_by_parties_only(client, cast, world):
    adopt_ready(world.promise)
    client.force_login(cast.alice)
    post(client, "staff:promise_adopt", world.promise)
    assert "promise.adopted" in client.get(reverse("staff:audit_log")).content.decode()
    client.force_login(cast.orust_editor)  # another party of the same promise
    assert "promise.adopted" in client.get(reverse("staff:audit_log")).content.decode()
    client.force_login(cast.charlie)
    assert "promise.adopted" not in client.get(reverse("staff:audit_log")).content.decode()


def test_adopted_promise_can_return_to_draft(client, cast, world):
    adopt_ready(world.promise)
    client.force_login(cast.alice)
    post(client, "staff:promise_adopt", world.promise)
    assert post(client, "staff:promise_return_to_draft", world.promise).status_code == 302
    world.promise.refresh_from_db()
    assert world.promise.status == Promise.Status.DRAFT
    assert AuditEntry.objects.filter(action="promise.returned_to_draft").exists()
    response = post(client, "staff:promise_return_to_draft", world.promise)  # already a draft
    assert response.status_code == 400
    assert "Det går inte när löftet har status" in response.content.decode()
