from django.urls import reverse

from organisations.models import AuditEntry, Contact
from promises.models import FocusArea


def test_contact_by_role_without_name(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:contact_create"),
        {
            "organisation": cast.police.pk,
            "municipality": "",
            "role_title": "Kommunpolis",
            "phone": "010-56 526 86",
            "order": 0,
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get(organisation=cast.police)
    assert contact.name == ""
    assert AuditEntry.objects.get(action="contact.created").parties.get() == cast.police


def test_contact_needs_a_way_to_reach_it(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:contact_create"),
        {"organisation": cast.police.pk, "role_title": "Kommunpolis", "order": 0},
    )
    assert response.status_code == 400
    assert "Ange telefon, e-post eller postadress" in response.content.decode()


def test_contact_only_for_own_organisation(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:contact_create"),
        {"organisation": cast.harryda.pk, "role_title": "x", "phone": "1", "order": 0},
    )
    assert response.status_code == 400
    assert not Contact.objects.filter(role_title="x").exists()


def test_edit_and_delete_contact(client, cast, world):
    client.force_login(cast.alice)
    url = reverse("staff:contact_edit", args=[world.contact.pk])
    data = {
        "organisation": cast.tjorn.pk,
        "role_title": "Trygghetssamordnare",
        "email": "trygg@tjorn.se",
        "order": 1,
    }
    assert client.post(url, data).status_code == 302
    world.contact.refresh_from_db()
    assert world.contact.role_title == "Trygghetssamordnare"
    delete = reverse("staff:contact_delete", args=[world.contact.pk])
    assert "Ta bort kontakten?" in client.get(delete).content.decode()
    client.post(delete)
    assert not Contact.objects.filter(pk=world.contact.pk).exists()
    assert AuditEntry.objects.filter(action="contact.deleted").exists()


def test_coordinator_extends_focus_areas(client, cast):
    client.force_login(cast.alice)
    assert FocusArea.objects.filter(is_standard=True).count() >= 7
    response = client.post(
        reverse("staff:focus_area_create"), {"name": "Nedskräpning", "description": ""}
    )
    assert response.status_code == 302
    assert not FocusArea.objects.get(name="Nedskräpning").is_standard
    response = client.post(reverse("staff:focus_area_create"), {"name": "Narkotika"})
    assert response.status_code == 400
    assert "finns redan" in response.content.decode()


def test_dashboard_shows_activities_to_report(client, cast, world):
    client.force_login(cast.reporter)
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert "Föräldraträffar" in page and "Tjörn kommun" in page


def test_dashboard_for_user_without_organisation(client, db):
    from tests.factories import user

    client.force_login(user("nobody"))
    assert (
        "inte med i någon organisation" in client.get(reverse("staff:dashboard")).content.decode()
    )


def test_organisation_page_lists_members_by_title(client, cast):
    client.force_login(cast.viewer)
    page = client.get(reverse("staff:organisation_detail", args=[cast.tjorn.pk])).content.decode()
    assert "Trygghetssamordnare" in page
