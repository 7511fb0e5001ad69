"""The second factor of staff logins (issue 9, part 2): enrolment, codes, recovery codes, the
staff pages' guard, the admin's reset, and throttling of wrong codes with the account's lock."""

from collections import Counter

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisations.models import AuditEntry
from tests import factories as f
from tests.second_factor_helpers import confirmed_app, next_code, used_code

pytestmark = [pytest.mark.plain_login, pytest.mark.django_db]
ADDRESS = "192.0.2.8"
CODE = reverse("login_code")
ENROL = reverse("login_enrol")


def password(client, username: str, next_url: str = ""):
    data = {"username": username, "password": f.PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data, REMOTE_ADDR=ADDRESS)


def give_code(client, code: str, next_url: str = ""):
    data = {"code": code, **({"next": next_url} if next_url else {})}
    return client.post(CODE, data, REMOTE_ADDR=ADDRESS)


def secret_on(page) -> str:
    body = page.content.decode()
    return body.split('<code id="secret">', 1)[1].split("</code>", 1)[0]


def code_for_secret(secret: str) -> str:
    call_command("totp_code", secret)  # the command accepts the key as shown
    from organisations.management.commands.totp_code import current_code

    return current_code(secret)


def actions_for(user) -> Counter:
    return Counter(
        AuditEntry.objects.filter(
            object_id=str(user.pk), action__startswith="second_factor."
        ).values_list("action", flat=True)
    )


def test_an_editor_without_an_app_is_sent_to_enrolment_and_enrols(client, cast):
    response = password(client, "alice", next_url="/personal/loften/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fpersonal%2Floften%2F"
    assert client.get("/personal/").status_code == 302  # not in on the password alone
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "Registrera en autentiseringsapp" in body and "<svg" in body
    secret = secret_on(page)
    assert secret == secret_on(client.get(ENROL))  # a reload keeps the secret that was scanned
    device = TOTPDevice.objects.get(user=cast.alice)
    assert "otpauth://totp/" in device.config_url and not device.confirmed

    wrong = client.post(ENROL, {"code": "000000"})
    assert "Koden stämmer inte" in wrong.content.decode()
    done = client.post(ENROL, {"code": code_for_secret(secret), "next": "/personal/loften/"})
    body = done.content.decode()
    assert "Spara dina reservkoder" in body and "visas bara den här gången" in body
    codes = list(
        StaticToken.objects.filter(device__user=cast.alice).values_list("token", flat=True)
    )
    assert len(codes) == 10 and all(code in body for code in codes)
    assert 'href="/personal/loften/"' in body
    assert client.get("/personal/loften/").status_code == 200
    assert actions_for(cast.alice) == {
        "second_factor.enrolment_failed": 1,
        "second_factor.enrolled": 1,
    }
    entries = AuditEntry.objects.filter(action__startswith="second_factor.")
    text = " ".join(str(e.before) + str(e.after) for e in entries)
    assert "".join(secret.split()) not in text and not any(code in text for code in codes)


def test_an_editor_with_an_app_gives_the_code_and_goes_on(client, cast):
    app = confirmed_app(cast.alice)
    response = password(client, "alice", next_url="/personal/kontakter/")
    assert response["Location"] == f"{CODE}?next=%2Fpersonal%2Fkontakter%2F"
    page = client.get(response["Location"])
    assert "Skriv koden från appen" in page.content.decode()
    done = give_code(client, next_code(app), next_url="/personal/kontakter/")
    assert done.status_code == 302 and done["Location"] == "/personal/kontakter/"
    assert client.get("/personal/kontakter/").status_code == 200
    assert actions_for(cast.alice) == {"second_factor.succeeded": 1}


def test_a_wrong_code_fails_and_is_audited(client, cast):
    app = confirmed_app(cast.alice)
    password(client, "alice")
    right = next_code(app)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = give_code(client, wrong)
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    assert client.get("/personal/").status_code == 302
    assert actions_for(cast.alice) == {"second_factor.failed": 1}
    entry = AuditEntry.objects.get(action="second_factor.failed")
    assert wrong not in str(entry.after)
    assert give_code(client, right).status_code == 302
    assert client.get("/personal/").status_code == 200


@pytest.mark.parametrize("code", ["12345", "1234567", "abc", "12345a", "abcdefg!"])
def test_a_code_in_the_wrong_format_is_refused_with_a_clear_message(client, cast, code):
    confirmed_app(cast.alice)
    password(client, "alice")
    response = give_code(client, code)
    assert "Skriv de sex siffrorna som appen visar just nu" in response.content.decode()
    assert not AuditEntry.objects.filter(action="second_factor.failed").exists()
    assert not AccessAttempt.objects.filter(failures_since_start__gt=0).exists()


def test_a_code_with_spaces_is_read_as_six_digits(client, cast):
    app = confirmed_app(cast.alice)
    password(client, "alice")
    code = next_code(app)
    assert give_code(client, f"{code[:3]} {code[3:]}").status_code == 302


def test_a_replayed_code_is_refused(client, cast):
    app = confirmed_app(cast.alice)
    password(client, "alice")
    assert give_code(client, next_code(app)).status_code == 302
    app.refresh_from_db()
    assert app.last_t >= TOTP(app.bin_key).t() - 1  # django-otp remembers the time step
    client.post(reverse("logout"))
    password(client, "alice")
    response = give_code(client, used_code(app))
    assert response.status_code == 200
    assert "redan använd" in response.content.decode()
    assert client.get("/personal/").status_code == 302


def test_a_recovery_code_works_once(client, cast):
    client.force_login(cast.alice)
    enrol = client.get(ENROL)
    done = client.post(ENROL, {"code": code_for_secret(secret_on(enrol))})
    assert done.status_code == 200
    code = StaticToken.objects.filter(device__user=cast.alice).first().token
    client.post(reverse("logout"))

    password(client, "alice")
    response = give_code(client, code.upper())  # as typed from a printout
    assert response.status_code == 302
    page = client.get(response["Location"], follow=True).content.decode()
    assert "reservkod" in page and "9 kvar" in page
    client.post(reverse("logout"))
    password(client, "alice")
    again = give_code(client, code)
    assert again.status_code == 200 and "Koden stämmer inte" in again.content.decode()
    assert actions_for(cast.alice)["second_factor.recovery_code_used"] == 1
    assert StaticToken.objects.filter(device__user=cast.alice).count() == 9


def test_a_viewer_is_not_forced_but_may_enrol(client, cast):
    response = password(client, "viewer")
    assert response["Location"] == reverse("staff:dashboard")
    assert client.get("/personal/").status_code == 200
    enrol = client.get(ENROL)
    assert "Med en app i telefonen" in enrol.content.decode()
    client.post(ENROL, {"code": code_for_secret(secret_on(enrol))})
    client.post(reverse("logout"))
    # Once enrolled, the viewer's logins ask for the code too.
    response = password(client, "viewer")
    assert response["Location"] == CODE
    assert client.get("/personal/").status_code == 302
    assert give_code(client, next_code(confirmed_app(cast.viewer))).status_code == 302
    assert client.get("/personal/").status_code == 200


def test_a_pending_user_is_anonymous_outside_the_staff_pages(client, cast):
    confirmed_app(cast.alice)
    password(client, "alice")
    home = client.get(reverse("public:home")).content.decode()
    assert "Logga in (personal)" in home and "Arbetsytan" not in home
    # The login page sends them on to the code page, keeping where they were going.
    response = client.get(reverse("login") + "?next=/personal/kontakter/")
    assert response["Location"] == f"{CODE}?next=%2Fpersonal%2Fkontakter%2F"
    # A pending user cannot replace the app without its code.
    assert client.get(ENROL)["Location"] == CODE


def test_staff_pages_keep_next_on_the_way_to_the_code_page(client, cast):
    confirmed_app(cast.bob)
    password(client, "bob")
    response = client.get("/personal/aktiviteter/?sida=2")
    assert response.status_code == 302
    assert response["Location"] == f"{CODE}?next=%2Fpersonal%2Faktiviteter%2F%3Fsida%3D2"


def test_a_platform_admin_must_give_the_code_for_the_admin(client, cast):
    root = get_user_model().objects.create_superuser("root", password=f.PASSWORD)
    app = confirmed_app(root)
    password(client, "root")
    assert client.get("/plattformsadmin/")["Location"].startswith(CODE)
    # The admin's own login form is not a way around it.
    assert client.get("/plattformsadmin/login/?next=/plattformsadmin/")["Location"].startswith(
        reverse("login")
    )
    give_code(client, next_code(app))
    assert client.get("/plattformsadmin/").status_code == 200


def test_wrong_codes_count_towards_the_account_lock(client, cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    app = confirmed_app(cast.alice)
    password(client, "alice")
    right = next_code(app)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    assert give_code(client, wrong).status_code == 200
    assert give_code(client, wrong).status_code == 200
    locked = give_code(client, wrong)
    assert locked.status_code == 429
    assert "Kontot är tillfälligt låst" in locked.content.decode()
    assert "_auth_user_id" not in client.session  # logged out
    # Logging in again with the password does not restart the count: the account is locked.
    assert password(client, "alice").status_code == 429
    actions = Counter(
        AuditEntry.objects.filter(object_id=str(cast.alice.pk)).values_list("action", flat=True)
    )
    assert actions["second_factor.failed"] == 3 and actions["login.locked"] == 1


def test_the_right_code_clears_the_failed_attempts(client, cast):
    app = confirmed_app(cast.alice)
    password(client, "alice")
    give_code(client, "000000" if next_code(app) != "000000" else "111111")
    assert AccessAttempt.objects.filter(username="alice").exists()
    give_code(client, next_code(app))
    assert not AccessAttempt.objects.filter(username="alice").exists()


def test_admin_reset_removes_the_devices_after_a_confirmation_and_is_audited(client, cast):
    confirmed_app(cast.alice)
    StaticDevice.objects.create(user=cast.alice, name="Reservkoder", confirmed=True)
    root = get_user_model().objects.create_superuser("root", password=f.PASSWORD)
    client.force_login(root)
    from tests.second_factor_helpers import mark_verified

    mark_verified(client, root)
    url = reverse("admin:auth_user_changelist")
    data = {"action": "reset_second_factor_action", "_selected_action": [cast.alice.pk]}
    confirm = client.post(url, data)
    assert confirm.status_code == 200
    assert "Ta bort autentiseringsappen?" in confirm.content.decode()
    assert TOTPDevice.objects.filter(user=cast.alice).exists()  # nothing removed yet
    done = client.post(url, {**data, "confirmed": "yes"})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast.alice).exists()
    assert not StaticDevice.objects.filter(user=cast.alice).exists()
    entry = AuditEntry.objects.get(action="second_factor.reset")
    assert entry.actor == root and entry.object_id == str(cast.alice.pk)
    assert entry.after["removed"] == 2
    # At the next login Alice enrols again.
    client.post(reverse("logout"))
    assert password(client, "alice")["Location"] == ENROL


def test_the_device_admins_of_django_otp_are_not_shown(client, cast):
    root = get_user_model().objects.create_superuser("root", password=f.PASSWORD)
    client.force_login(root)
    from tests.second_factor_helpers import mark_verified

    mark_verified(client, root)
    body = client.get("/plattformsadmin/").content.decode()
    assert "otp_totp" not in body and "otp_static" not in body


def test_totp_code_command_prints_the_current_code(capsys):
    app = TOTPDevice(key="3132333435363738393031323334353637383930")  # RFC 6238's key
    from base64 import b32encode

    secret = b32encode(app.bin_key).decode()
    before = f"{TOTP(app.bin_key).token():06d}"
    call_command("totp_code", secret[:8], secret[8:])  # spaces as on the enrolment page
    after = f"{TOTP(app.bin_key).token():06d}"
    printed = capsys.readouterr().out.strip()
    assert printed in {before, after} and len(printed) == 6  # the step may turn meanwhile
    with pytest.raises(CommandError):
        call_command("totp_code", "not base32!")


def test_a_verified_user_replaces_the_app_and_the_old_one_stops_working(client, cast):
    from tests.second_factor_helpers import mark_verified

    old = confirmed_app(cast.alice)
    client.force_login(cast.alice)
    mark_verified(client, cast.alice)
    page = client.get(ENROL)
    assert "Du har redan en app registrerad" in page.content.decode()
    client.post(ENROL, {"code": code_for_secret(secret_on(page))})
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert TOTPDevice.objects.filter(user=cast.alice, confirmed=True).count() == 1
    assert actions_for(cast.alice) == {"second_factor.enrolled": 1}
