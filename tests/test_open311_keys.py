"""Open311 keys: `manage.py create_open311_key`, issuing and revoking in the platform admin,
stored only as a hash, every issue and revoke audited."""

import io
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from organisations.models import AuditEntry
from participation.models import Open311Key
from participation.open311.keys import hash_key, usable_key
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"


def file_with(client, secret: str) -> int:
    data = {"api_key": secret, "service_code": "klotter", "lat": "57.99131", "long": "11.54778"}
    return client.post("/open311/v2/requests.json", urlencode(data), content_type=FORM).status_code


@pytest.fixture
def root(cast):
    return get_user_model().objects.create_superuser("root", password=PASSWORD)


def test_command_prints_a_working_key(client, cast):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "create_open311_key", "Felanmälningsappen", organisation="1419", stdout=out, stderr=err
    )
    secret = out.getvalue().strip()
    assert re.fullmatch(r"[A-Za-z0-9_\-]{40,}", secret)
    key = Open311Key.objects.get()
    assert key.organisation == cast.tjorn and key.name == "Felanmälningsappen"
    assert key.key_hash == hash_key(secret) and secret not in key.key_hash
    assert key.prefix == secret[:8] and key.prefix in err.getvalue()
    assert file_with(client, secret) == 201
    entry = AuditEntry.objects.get(action="open311_key.issued")
    assert "key_hash" not in entry.after and entry.actor is None
    assert "create_open311_key" in entry.actor_label
    assert list(entry.parties.all()) == [cast.tjorn]


def test_command_refuses_an_unknown_municipality(cast):
    with pytest.raises(CommandError, match="0000"):
        call_command("create_open311_key", "App", organisation="0000")
    with pytest.raises(CommandError, match="1440"):  # Ale: a municipality without organisation
        call_command("create_open311_key", "App", organisation="1440")
    assert not Open311Key.objects.exists()


def test_only_platform_admins_reach_the_keys(client, cast, root):
    cast.alice.is_staff = True
    cast.alice.save()
    client.force_login(cast.alice)
    assert client.get("/plattformsadmin/participation/open311key/").status_code == 302
    client.force_login(root)
    assert client.get("/plattformsadmin/participation/open311key/").status_code == 200


def test_admin_issues_a_key_shown_once(client, cast, root):
    client.force_login(root)
    response = client.post(
        "/plattformsadmin/participation/open311key/add/",
        {"name": "Trygghetsappen", "organisation": cast.police.pk},
    )
    assert response.status_code == 200
    body = response.content.decode()
    secret = re.search(r'id="open311-key" type="text" readonly value="([^"]+)"', body).group(1)
    assert "no-store" in response["Cache-Control"]
    key = Open311Key.objects.get()
    assert usable_key(secret) == key and key.organisation == cast.police
    entry = AuditEntry.objects.get(action="open311_key.issued")
    assert entry.actor == root
    listing = client.get("/plattformsadmin/participation/open311key/").content.decode()
    assert key.prefix in listing and secret not in listing
    assert (
        secret
        not in client.get(
            f"/plattformsadmin/participation/open311key/{key.pk}/change/"
        ).content.decode()
    )


def test_admin_refuses_an_organisation_without_municipality(client, cast, root):
    cast.bra.municipality = None
    cast.bra.save()
    client.force_login(root)
    response = client.post(
        "/plattformsadmin/participation/open311key/add/",
        {"name": "BRÅ-appen", "organisation": cast.bra.pk},
    )
    assert "hör inte till någon kommun" in response.content.decode()
    assert not Open311Key.objects.exists()


def test_admin_revokes_after_a_confirmation(client, cast, root):
    from participation.open311.keys import issue_key

    key, secret = issue_key(name="Appen", organisation=cast.tjorn, actor=None)
    client.force_login(root)
    url = f"/plattformsadmin/participation/open311key/{key.pk}/aterkalla/"
    assert url in client.get("/plattformsadmin/participation/open311key/").content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Det går inte att ångra" in confirm.content.decode()
    key.refresh_from_db()
    assert key.revoked_at is None  # a GET changes nothing
    response = client.post(url)
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert file_with(client, secret) == 403
    entry = AuditEntry.objects.get(action="open311_key.revoked")
    assert entry.actor == root and entry.before["revoked_at"] is None and entry.after["revoked_at"]
    # Revoking again changes nothing.
    client.post(url)
    assert AuditEntry.objects.filter(action="open311_key.revoked").count() == 1


def test_keys_are_neither_edited_nor_deleted_in_admin(client, cast, root):
    from participation.open311.keys import issue_key

    key, _secret = issue_key(name="Appen", organisation=cast.tjorn, actor=None)
    client.force_login(root)
    client.post(
        f"/plattformsadmin/participation/open311key/{key.pk}/change/",
        {"name": "Nytt namn", "organisation": cast.orust.pk},
    )
    assert (
        client.get(f"/plattformsadmin/participation/open311key/{key.pk}/delete/").status_code == 403
    )
    key.refresh_from_db()
    assert key.name == "Appen" and key.organisation == cast.tjorn
