"""The staff user's own account (/personal/konto/): the JSON export holds their data and no one
else's and never a secret; erasing anonymises the account and keeps their audit entries under
the anonymised name; an organisation's last administrator is refused with a clear message."""

import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from api.models import ApiToken
from api.tokens import create_token
from notifications.models import ReminderSettings
from organisations.auditlog import record, snapshot
from organisations.models import AuditEntry, Membership, Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ACCOUNT = "/personal/konto/"
EXPORT = "/personal/konto/mina-uppgifter.json"
ERASE = "/personal/konto/radera/"


@pytest.fixture
def data(cast):
    """alice (editor at Tjörn) with a name, an address, a token and entries; bob with his own."""
    User = get_user_model()
    User.objects.filter(pk=cast.alice.pk).update(
        first_name="Alice", last_name="Andersson", email="alice@tjorn.example"
    )
    User.objects.filter(pk=cast.bob.pk).update(email="bob@polisen.example")
    cast.alice.refresh_from_db()
    _token, secret = create_token(
        user=cast.alice,
        organisation=cast.tjorn,
        name="Ärendesystemet",
        expires_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    create_token(
        user=cast.bob,
        organisation=cast.police,
        name="Bobs system",
        expires_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    record(actor=cast.alice, action="promise.changed", obj=cast.tjorn, parties=[cast.tjorn])
    # alice changed bob's account: the export must not name him.
    record(actor=cast.alice, action="membership.changed", obj=cast.bob, parties=[cast.police])
    record(actor=cast.bob, action="promise.published", obj=cast.police, parties=[cast.police])
    record(actor=None, action="login.failed", obj=cast.alice, parties=[cast.tjorn])
    # The admin's entry about alice's membership names her in its snapshot.
    membership = Membership.objects.get(user=cast.alice)
    record(
        actor=cast.tjorn_admin,
        action="membership.created",
        obj=membership,
        parties=[cast.tjorn],
        after=snapshot(membership),
    )
    ReminderSettings.objects.create(user=cast.alice, email_reminders=False)
    return secret


def exported(client, user) -> dict:
    client.force_login(user)
    response = client.post(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="mina-uppgifter-')
    return json.loads(response.content)


def test_the_account_page_is_in_the_staff_menu_and_shows_the_users_data(client, cast, data):
    client.force_login(cast.alice)
    html = client.get(ACCOUNT).content.decode()
    assert f'href="{ACCOUNT}"' in html  # the staff menu
    assert "alice@tjorn.example" in html and "Alice Andersson" in html
    assert "Tjörn" in html and "trygghetssamordnare" in html.lower()
    assert f'action="{EXPORT}"' in html and f'href="{ERASE}"' in html
    assert 'href="/integritet/"' in html


def test_anonymous_visitors_are_sent_to_log_in(client):
    for path in (ACCOUNT, ERASE):
        assert client.get(path).url.startswith("/logga-in/")
    assert client.post(EXPORT).url.startswith("/logga-in/")


def test_the_export_holds_the_users_own_data(client, cast, data):
    result = exported(client, cast.alice)
    assert result["konto"]["anvandarnamn"] == "alice"
    assert result["konto"]["epost"] == "alice@tjorn.example"
    assert result["konto"]["fornamn"] == "Alice"
    assert result["medlemskap"] == [
        {"organisation": cast.tjorn.name, "roll": "Redaktör", "befattning": "Trygghetssamordnare"}
    ]
    made = {e["handelse"] for e in result["handelser_du_gjort"]}
    assert made == {"promise.changed", "membership.changed", "api_token.created", "login.succeeded"}
    assert [e["handelse"] for e in result["handelser_om_ditt_konto"]] == ["login.failed"]
    assert [t["namn"] for t in result["api_nycklar"]] == ["Ärendesystemet"]
    assert result["paminnelser"]["skicka_paminnelser_med_epost"] is False


def test_the_export_holds_no_one_elses_data_and_no_secret(client, cast, data):
    text = json.dumps(exported(client, cast.alice), ensure_ascii=False)
    for others in ("bob", "Bobs system", "bob@polisen.example", "promise.published", "tjorn_admin"):
        assert others not in text, others
    assert data not in text  # the token's secret
    for token_hash in ApiToken.objects.values_list("token_hash", flat=True):
        assert token_hash not in text
    assert "token_hash" not in text and "password" not in text


def test_the_export_is_audited_and_needs_a_post(client, cast, data):
    client.force_login(cast.alice)
    assert client.get(EXPORT).status_code == 405
    exported(client, cast.alice)
    entry = AuditEntry.objects.get(action="account.exported")
    assert entry.actor == cast.alice and entry.object_id == str(cast.alice.pk)


def test_erasing_asks_first(client, cast, data):
    client.force_login(cast.alice)
    response = client.get(ERASE)
    html = response.content.decode()
    assert response.status_code == 200 and "Radera ditt konto?" in html
    assert "Ja, radera mitt konto" in html and "Det går inte att ångra" in html
    cast.alice.refresh_from_db()
    assert cast.alice.is_active and cast.alice.username == "alice"


def test_erasing_anonymises_the_account_and_keeps_its_entries(client, cast, data):
    client.force_login(cast.alice)
    own_entries = set(AuditEntry.objects.filter(actor=cast.alice).values_list("pk", flat=True))
    response = client.post(ERASE)
    assert response.status_code == 200 and "Ditt konto är raderat" in response.content.decode()
    alice = get_user_model().objects.get(pk=cast.alice.pk)
    label = f"raderad-{alice.pk}"
    assert alice.username == label
    assert (alice.first_name, alice.last_name, alice.email) == ("", "", "")
    assert not alice.is_active and not alice.has_usable_password()
    assert not Membership.objects.filter(user=alice).exists()
    assert not ApiToken.objects.filter(user=alice, revoked_at__isnull=True).exists()
    assert ApiToken.objects.filter(user=cast.bob, revoked_at__isnull=True).exists()
    assert not ReminderSettings.objects.filter(user=alice).exists()
    # The entries she made are kept, under the anonymised name.
    kept = AuditEntry.objects.filter(pk__in=own_entries)
    assert kept.count() == len(own_entries)
    assert set(kept.values_list("actor_label", flat=True)) == {label}
    # Nothing in the trail names her any more; bob's entries still name him.
    for e in AuditEntry.objects.all():
        text = f"{e.actor_label} {e.object_repr} {e.before} {e.after}"
        assert not re.search(r"\balice\b", text), text
    assert AuditEntry.objects.filter(actor=cast.bob, actor_label="bob").exists()
    erased = AuditEntry.objects.get(action="account.erased")
    assert erased.object_id == str(alice.pk) and cast.tjorn in erased.parties.all()
    # She is logged out and cannot log in again.
    assert client.get("/personal/").url.startswith("/logga-in/")
    assert not client.login(username="alice", password=PASSWORD)
    assert not client.login(username=label, password=PASSWORD)


def test_the_last_admin_of_an_organisation_is_refused_with_a_reason(client, cast):
    client.force_login(cast.tjorn_admin)
    account = client.get(ACCOUNT).content.decode()
    assert "Du är den enda administratören för" in account and cast.tjorn.name in account
    assert f'href="{ERASE}"' not in account
    page = client.get(ERASE).content.decode()
    assert "Kontot kan inte raderas ännu" in page and cast.tjorn.name in page
    assert "Ja, radera mitt konto" not in page
    response = client.post(ERASE)
    assert response.status_code == 409
    admin = get_user_model().objects.get(pk=cast.tjorn_admin.pk)
    assert admin.is_active and admin.username == "tjorn_admin"
    assert not AuditEntry.objects.filter(action="account.erased").exists()


def test_with_a_second_admin_the_first_may_erase(client, cast):
    Membership.objects.filter(user=cast.alice).update(role=Role.ADMIN)
    client.force_login(cast.tjorn_admin)
    assert client.post(ERASE).status_code == 200
    assert not get_user_model().objects.get(pk=cast.tjorn_admin.pk).is_active
    # Now alice is the last one.
    client.force_login(cast.alice)
    assert client.post(ERASE).status_code == 409
