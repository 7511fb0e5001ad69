from django.contrib.auth import get_user_model

from organisations.models import Membership
from tests.factories import PASSWORD


def test_admin_is_for_platform_admins_only(client, cast):
    cast.alice.is_staff = True
    cast.alice.save()
    client.force_login(cast.alice)
    assert client.get("/plattformsadmin/").status_code == 302  # a coordinator is sent to login
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    assert client.get("/plattformsadmin/").status_code == 200
    response = client.get(f"/plattformsadmin/organisations/organisation/{cast.tjorn.pk}/change/")
    assert response.status_code == 200 and "alice" in response.content.decode()


def test_platform_admin_gives_a_role(client, cast):
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    response = client.post(
        "/plattformsadmin/organisations/membership/add/",
        {
            "user": cast.charlie.pk,
            "organisation": cast.tjorn.pk,
            "role": "viewer",
            "title": "Ledamot BRÅ",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=cast.charlie, organisation=cast.tjorn).role == "viewer"


def test_audit_log_cannot_be_edited_in_admin(client, cast, world):
    from django.urls import reverse

    client.force_login(cast.alice)
    client.post(reverse("staff:contact_delete", args=[world.contact.pk]))
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    assert client.get("/plattformsadmin/organisations/auditentry/").status_code == 200
    assert client.get("/plattformsadmin/organisations/auditentry/add/").status_code == 403


def test_admin_changes_are_audited(client, cast):
    from organisations.models import AuditEntry

    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    client.post(
        "/plattformsadmin/organisations/membership/add/",
        {"user": cast.charlie.pk, "organisation": cast.tjorn.pk, "role": "viewer", "title": ""},
    )
    entry = AuditEntry.objects.get(action="admin.membership.created")
    assert entry.actor == root and entry.after["role"] == "viewer"
    assert list(entry.parties.all()) == [cast.tjorn]


def test_membership_added_inline_is_audited(client, cast):
    from organisations.models import AuditEntry

    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    url = f"/plattformsadmin/organisations/organisation/{cast.orust.pk}/change/"
    data = {
        "kind": "municipality",
        "name": cast.orust.name,
        "municipality": cast.orust.municipality_id,
        "memberships-TOTAL_FORMS": "2",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": cast.orust_editor.memberships.get().pk,
        "memberships-0-organisation": cast.orust.pk,
        "memberships-0-user": cast.orust_editor.pk,
        "memberships-0-role": "editor",
        "memberships-1-organisation": cast.orust.pk,
        "memberships-1-user": cast.charlie.pk,
        "memberships-1-role": "reporter",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AuditEntry.objects.filter(action="admin.membership.created").count() == 1
