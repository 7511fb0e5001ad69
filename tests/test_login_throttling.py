"""Throttling of staff logins (issue 9, part 2): per account and per address."""

from collections import Counter
from unittest import mock

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.backends import ModelBackend
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from organisations.models import AuditEntry
from tests import factories as f
from tests.second_factor_helpers import confirmed_app, next_code

ADDRESS = "192.0.2.7"


def attempt(client, username: str, password: str, address: str = ADDRESS):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def wrong_passwords(client, username: str, times: int, address: str = ADDRESS) -> None:
    """Wrong passwords, each one checked; the one reaching the limit already says "locked"."""
    for n in range(1, times + 1):
        response = attempt(client, username, "wrong-password", address)
        assert response.status_code == (429 if n == 10 else 200)
        assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_eleventh_wrong_password_is_refused_without_checking_it(client, cast):
    wrong_passwords(client, "alice", 10)
    with mock.patch.object(ModelBackend, "authenticate", autospec=True) as check:
        response = attempt(client, "alice", "wrong-password")
    check.assert_not_called()
    assert response.status_code == 429
    assert "Kontot är tillfälligt låst" in response.content.decode()


@pytest.mark.django_db
def test_right_password_is_refused_until_the_lock_ends(client, cast, settings):
    wrong_passwords(client, "alice", 10)
    response = attempt(client, "alice", f.PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    body = response.content.decode()
    assert "Kontot är tillfälligt låst" in body
    assert "administratör" in body
    # The lock ends with the cool-off: then the right password works again.
    with override_settings(AXES_COOLOFF_TIME=settings.AXES_COOLOFF_TIME * 0):
        response = attempt(client, "alice", f.PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.alice.pk)


@pytest.mark.django_db
def test_another_account_from_the_same_address_is_not_locked(client, cast):
    wrong_passwords(client, "alice", 10)
    response = attempt(client, "bob", f.PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.bob.pk)


@pytest.mark.django_db
def test_ten_wrong_passwords_do_not_lock_before_the_limit(client, cast):
    wrong_passwords(client, "alice", 9)
    app = confirmed_app(cast.alice)
    response = attempt(client, "alice", f.PASSWORD)
    assert response.status_code == 302
    # An editor's login is complete, and the failed attempts cleared, only with the code.
    assert AccessAttempt.objects.filter(username="alice").exists()
    client.post(reverse("login_code"), {"code": next_code(app)}, REMOTE_ADDR=ADDRESS)
    assert not AccessAttempt.objects.filter(username="alice").exists()
    # A viewer has no second factor: the password alone clears them.
    client.post(reverse("logout"))
    wrong_passwords(client, "viewer", 3)
    assert attempt(client, "viewer", f.PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="viewer").exists()


@pytest.mark.django_db
@override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=12)
def test_an_address_spraying_many_accounts_is_locked(client, cast):
    names = ["alice", "bob", "viewer", "charlie"] * 3
    statuses = [attempt(client, name, "wrong-password").status_code for name in names]
    # Twelve failures from one address, three per account: the address is locked …
    assert statuses == [200] * 11 + [429]
    assert attempt(client, "orust_editor", f.PASSWORD).status_code == 429
    # … but not the same account from another address.
    response = attempt(client, "orust_editor", f.PASSWORD, address="198.51.100.9")
    assert response.status_code == 302


@pytest.mark.django_db
def test_admin_unlock_by_deleting_the_attempts(client, cast):
    wrong_passwords(client, "alice", 10)
    assert attempt(client, "alice", f.PASSWORD).status_code == 429
    call_command("axes_reset_username", "alice")
    assert attempt(client, "alice", f.PASSWORD).status_code == 302


@pytest.mark.django_db
def test_platform_admin_lists_locks(client, cast):
    wrong_passwords(client, "alice", 10)
    admin = f.get_user_model().objects.create_superuser("root", password=f.PASSWORD)
    client.force_login(admin)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 200
    assert "alice" in response.content.decode()


@pytest.mark.django_db
def test_login_events_are_audited_and_no_address_is_kept_for_successes(client, cast):
    wrong_passwords(client, "alice", 10)
    attempt(client, "alice", f.PASSWORD)
    attempt(client, "bob", f.PASSWORD)
    actions = Counter(
        AuditEntry.objects.filter(object_id=str(cast.alice.pk)).values_list("action", flat=True)
    )
    assert actions == {"login.failed": 10, "login.locked": 1, "login.refused_locked": 1}
    assert AuditEntry.objects.filter(object_id=str(cast.bob.pk), action="login.succeeded").exists()
    entry = AuditEntry.objects.filter(action="login.failed").first()
    assert set(entry.parties.values_list("pk", flat=True)) == {cast.tjorn.pk}
    assert ADDRESS not in str(entry.before) + str(entry.after)
    assert not AccessLog.objects.exists()


@pytest.mark.django_db
def test_an_unknown_username_is_answered_as_a_wrong_password(client, cast):
    response = attempt(client, "nobody", "whatever")
    assert response.status_code == 200
    assert "Fel användarnamn eller lösenord" in response.content.decode()
    assert not AuditEntry.objects.filter(action__startswith="login.").exists()


@pytest.mark.django_db
def test_expired_attempts_are_deleted_with_their_address(client, cast, settings):
    wrong_passwords(client, "alice", 3)
    call_command("expire_login_attempts")
    assert AccessAttempt.objects.filter(username="alice").exists()
    settings.AXES_COOLOFF_TIME = settings.AXES_COOLOFF_TIME * 0
    call_command("expire_login_attempts")
    assert not AccessAttempt.objects.exists()
