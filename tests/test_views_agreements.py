from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import Agreement, GovernanceGroup


def agreement_data(cast, **overrides):
    data = {
        "title": "Samverkansöverenskommelse Tjörn–Polisen",
        "parties": [cast.tjorn.pk, cast.police.pk],
        "purpose": "Fördjupa samarbetet.",
        "problems": "Otrygghet i centrum.",
        "causes": "Dålig belysning.",
        "goals": "Minska skadegörelsen med 20 %\nÖka tryggheten",
        "documentation": "Protokoll från styrgruppen.",
        "follow_up_plan": "BRÅ följer upp årligen.",
        "signed_on": "2023-10-20",
        "signatories": "Lokalpolisområdeschef\nKommunstyrelsens ordförande",
        "valid_from": "2023-10-20",
        "is_public": "on",
    }
    return {**data, **overrides}


def test_create_agreement_until_further_notice(client, cast):
    client.force_login(cast.alice)
    response = client.post(reverse("staff:agreement_create"), agreement_data(cast))
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert agreement.is_until_further_notice
    assert AuditEntry.objects.filter(action="agreement.created").count() == 1
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "tills vidare" in page and "Minska skadegörelsen med 20 %" in page


def test_agreement_period_ending_before_start_is_refused(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:agreement_create"), agreement_data(cast, valid_until="2022-01-01")
    )
    assert response.status_code == 400
    assert "Slutdatumet kan inte ligga före startdatumet." in response.content.decode()
    assert not Agreement.objects.exists()


def test_agreement_needs_two_parties(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:agreement_create"), agreement_data(cast, parties=[cast.tjorn.pk])
    )
    assert "minst två parter" in response.content.decode()
    assert not Agreement.objects.exists()


def test_edit_agreement(client, cast, world):
    client.force_login(cast.bob)
    url = reverse("staff:agreement_edit", args=[world.agreement.pk])
    assert client.post(url, agreement_data(cast, title="Ny titel")).status_code == 302
    world.agreement.refresh_from_db()
    assert world.agreement.title == "Ny titel"
    assert (
        AuditEntry.objects.get(action="agreement.changed").before["title"]
        == "Samverkansöverenskommelse"
    )


def test_governance_groups(client, cast, world):
    client.force_login(cast.alice)
    url = reverse("staff:group_create", args=[world.agreement.pk])
    data = {
        "kind": "arbetsgrupp",
        "name": "Trygg på Tjörn",
        "members": "Säkerhetssamordnare\nKommunpolis",
    }
    assert client.post(url, data).status_code == 302
    group = GovernanceGroup.objects.get(name="Trygg på Tjörn")
    assert group.member_roles() == ["Säkerhetssamordnare", "Kommunpolis"]
    edit = reverse("staff:group_edit", args=[group.pk])
    assert client.post(edit, {**data, "members": "Kommunpolis"}).status_code == 302
    delete = reverse("staff:group_delete", args=[group.pk])
    assert "Ta bort gruppen?" in client.get(delete).content.decode()
    assert client.post(delete).status_code == 302
    assert not GovernanceGroup.objects.filter(pk=group.pk).exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "agreement.group_created",
        "agreement.group_changed",
        "agreement.group_deleted",
    } <= actions


def test_group_needs_members(client, cast, world):
    client.force_login(cast.alice)
    response = client.post(
        reverse("staff:group_create", args=[world.agreement.pk]), {"kind": "styrgrupp"}
    )
    assert response.status_code == 400
    assert (
        not GovernanceGroup.objects.filter(agreement=world.agreement, kind="styrgrupp")
        .exclude(pk=world.group.pk)
        .exists()
    )
