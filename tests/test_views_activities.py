from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import Activity


def activity_data(cast, world, **overrides):
    data = {
        "commitment": world.police_commitment.pk,
        "title": "Hastighetskontroller vid skolor",
        "responsible": cast.tjorn.pk,
        "responsible_function": "Gatuavdelningen",
        "start": "2025-02-01",
        "end": "2025-11-30",
        "target_quantity": 12,
        "unit": "kontroller",
        "status": "planned",
    }
    return {**data, **overrides}


def test_create_activity_assigned_to_another_party(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:activity_create", args=[world.police_commitment.pk]),
        activity_data(cast, world),
    )
    activity = Activity.objects.get(title="Hastighetskontroller vid skolor")
    assert response.status_code == 302
    assert activity.responsible == cast.tjorn
    entry = AuditEntry.objects.get(action="activity.created")
    assert cast.tjorn in entry.parties.all()


def test_activity_ending_before_start_is_refused(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:activity_create", args=[world.police_commitment.pk]),
        activity_data(cast, world, end="2025-01-01"),
    )
    assert response.status_code == 400
    assert "Aktiviteten kan inte sluta innan den börjar." in response.content.decode()
    assert not Activity.objects.filter(title="Hastighetskontroller vid skolor").exists()


def test_responsible_must_work_with_the_promise(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:activity_create", args=[world.police_commitment.pk]),
        activity_data(cast, world, responsible=cast.harryda.pk),
    )
    assert response.status_code == 400
    assert not Activity.objects.filter(title="Hastighetskontroller vid skolor").exists()


def test_edit_activity(client, cast, world):
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:activity_edit", args=[world.tjorn_activity.pk]),
        activity_data(
            cast, world, title="Nytt namn", commitment=world.tjorn_activity.commitment_id
        ),
    )
    assert response.status_code == 302
    world.tjorn_activity.refresh_from_db()
    assert world.tjorn_activity.title == "Nytt namn"
    entry = AuditEntry.objects.get(action="activity.changed")
    assert entry.before["title"] == "Föräldraträffar"


def test_delete_activity_after_confirmation(client, cast, world):
    client.force_login(cast.alice)
    url = reverse("staff:activity_delete", args=[world.tjorn_activity.pk])
    assert "Ta bort aktiviteten?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Activity.objects.filter(pk=world.tjorn_activity.pk).exists()
    assert AuditEntry.objects.filter(action="activity.deleted").exists()


def test_my_activities_lists_what_my_organisation_is_responsible_for(client, cast, world):
    client.force_login(cast.reporter)
    page = client.get(reverse("staff:my_activities")).content.decode()
    assert "Föräldraträffar" in page and "Riktade insatser" not in page


def test_plan_revision_once_per_year(client, cast, world):
    client.force_login(cast.alice)
    url = reverse("staff:plan_revision_create", args=[world.promise.pk])
    data = {
        "year": 2025,
        "decided_by": "Styrgruppen",
        "decided_on": "2025-01-20",
        "note": "Ny plan.",
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Det finns redan en revidering för 2025." in response.content.decode()
    assert AuditEntry.objects.filter(action="plan.revised").count() == 1


def test_activity_plan_of_concluded_promise_is_closed(client, cast, world):
    from promises.models import Promise

    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.CONCLUDED)
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:activity_create", args=[world.police_commitment.pk]),
        activity_data(cast, world),
    )
    assert response.status_code == 302
    assert not Activity.objects.filter(title="Hastighetskontroller vid skolor").exists()
    client.post(reverse("staff:activity_delete", args=[world.tjorn_activity.pk]))
    assert Activity.objects.filter(pk=world.tjorn_activity.pk).exists()
