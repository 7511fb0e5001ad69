from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import Commitment, Promise
from tests.factories import promise


def form_data(cast, **overrides):
    data = {
        "title": "Medborgarlöfte Tjörn 2026",
        "parties": [cast.police.pk, cast.tjorn.pk],
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "goal": "Öka tryggheten på Tjörn.",
    }
    return {**data, **overrides}


def test_coordinator_creates_promise(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:promise_create"), form_data(cast, follow_up_bodies=[cast.bra.pk])
    )
    p = Promise.objects.get()
    assert response.status_code == 302 and response["Location"] == p.get_staff_url()
    assert p.status == Promise.Status.DRAFT
    assert set(p.parties.all()) == {cast.police, cast.tjorn}
    assert list(p.follow_up_bodies.all()) == [cast.bra]
    entry = AuditEntry.objects.get(action="promise.created")
    assert entry.before is None and entry.after["title"] == "Medborgarlöfte Tjörn 2026"
    assert set(entry.parties.all()) == {cast.police, cast.tjorn, cast.bra}


def test_promise_without_police_party_is_refused(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:promise_create"), form_data(cast, parties=[cast.tjorn.pk])
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ett medborgarlöfte måste ha ett lokalpolisområde som part." in page
    assert "Medborgarlöfte Tjörn 2026" in page  # what the user typed is kept
    assert not Promise.objects.exists()


def test_promise_without_municipality_is_refused(client, cast):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:promise_create"), form_data(cast, parties=[cast.police.pk])
    )
    assert "minst en kommun" in response.content.decode()
    assert not Promise.objects.exists()


def test_period_ending_before_it_starts_is_refused(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:promise_create"), form_data(cast, period_end="2025-06-01")
    )
    assert response.status_code == 400
    assert "Perioden kan inte sluta innan den börjar." in response.content.decode()
    assert not Promise.objects.exists()


def test_cannot_create_promise_for_organisations_one_is_not_in(client, cast):
    client.force_login(cast.charlie)  # Härryda: may not pick Tjörn
    response = client.post(reverse("staff:promise_create"), form_data(cast))
    assert response.status_code == 400
    assert not Promise.objects.exists()


def test_party_choices_are_the_users_neighbourhood(client, cast):
    client.force_login(cast.alice)
    page = client.get(reverse("staff:promise_create")).content.decode()
    assert "Orust kommun" in page  # same police area
    assert "Härryda kommun" not in page  # another police area


def test_edit_draft_promise_without_note(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:promise_edit", args=[world.promise.pk]),
        form_data(cast, parties=[cast.police.pk, cast.tjorn.pk, cast.orust.pk], title="Nytt"),
    )
    assert response.status_code == 302
    world.promise.refresh_from_db()
    assert world.promise.title == "Nytt"
    assert not world.promise.revisions.exists()
    entry = AuditEntry.objects.get(action="promise.changed")
    assert entry.before["title"] == "Medborgarlöfte 2025" and entry.after["title"] == "Nytt"


def test_promise_list_shows_only_own_promises(client, cast, world):
    client.force_login(cast.alice)
    page = client.get(reverse("staff:promise_list")).content.decode()
    assert world.promise.title in page
    client.force_login(cast.charlie)
    page = client.get(reverse("staff:promise_list")).content.decode()
    assert "LPO Södra Fyrbodal" not in page


def test_promise_detail_shows_plan_and_what_is_missing(client, cast, world):
    client.force_login(cast.viewer)
    page = client.get(world.promise.get_staff_url()).content.decode()
    assert "Riktade insatser" in page and "Föräldraträffar" in page
    assert "Ange datum då löftet undertecknades." in page
    assert "Markera som antaget" not in page  # viewers see no actions


def test_bra_member_reads_promise_it_follows_up(client, cast, world):
    client.force_login(cast.bra_viewer)
    assert client.get(world.promise.get_staff_url()).status_code == 200


def test_responsible_non_party_reads_the_promise(client, cast, world):
    from tests.factories import activity, user

    school_user = user("school", cast.bra)
    other = promise([cast.police, cast.orust])
    activity(Commitment.objects.create(promise=other, text="x"), cast.bra)
    client.force_login(school_user)
    assert client.get(other.get_staff_url()).status_code == 200


def test_edit_keeps_agreement_the_editor_is_not_party_to(client, cast, world):
    world.promise.agreement = world.agreement  # parties: police and Tjörn, not Orust
    world.promise.save()
    client.force_login(cast.orust_editor)
    response = client.post(
        reverse("staff:promise_edit", args=[world.promise.pk]),
        form_data(
            cast,
            parties=[cast.police.pk, cast.tjorn.pk, cast.orust.pk],
            agreement=world.agreement.pk,
        ),
    )
    assert response.status_code == 302
    world.promise.refresh_from_db()
    assert world.promise.agreement == world.agreement


def test_history_and_unpublished_follow_ups_hidden_from_responsible_only_org(client, cast, world):
    from tests.factories import activity, user

    housing = user("housing", cast.bra, role="viewer")
    world.promise.follow_up_bodies.clear()
    activity(world.police_commitment, cast.bra, title="Belysning i trapphus")
    client.force_login(cast.alice)
    client.post(
        reverse("staff:plan_revision_create", args=[world.promise.pk]),
        {"year": 2025, "decided_by": "Styrgruppen", "decided_on": "2025-01-20"},
    )
    client.force_login(housing)
    body = client.get(world.promise.get_staff_url()).content.decode()
    assert "plan.revised" not in body
    assert (
        client.get(reverse("staff:follow_up_detail", args=[world.follow_up.pk])).status_code == 404
    )
