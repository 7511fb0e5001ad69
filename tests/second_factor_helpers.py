"""The second factor in tests: a real confirmed app (TOTPDevice) per user, codes computed from
its key, and sessions marked verified the way django-otp's login() marks them.

The root conftest.py wraps `Client.force_login` / `Client.login` with `verified_session` so that
the existing tests log staff in fully; tests of the second factor itself opt out with
`@pytest.mark.plain_login`.
"""

from base64 import b32decode

from django.contrib.auth.models import AbstractBaseUser
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_app(user: AbstractBaseUser) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Testappen", confirmed=True)


def next_code(device: TOTPDevice) -> str:
    """A code the device accepts now: the current time step's, or the next one's when the
    current step was used already (a second login within 30 seconds)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    step = max(totp.t(), device.last_t + 1)
    return f"{hotp(device.bin_key, step, device.digits):0{device.digits}d}"


def used_code(device: TOTPDevice) -> str:
    """The code of the time step the device last accepted (a replay)."""
    device.refresh_from_db()
    return f"{hotp(device.bin_key, device.last_t, device.digits):0{device.digits}d}"


def mark_verified(client: Client, user: AbstractBaseUser) -> None:
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = confirmed_app(user).persistent_id
    session.save()


def verified_session(original_force_login, original_login):  # noqa: ANN001, ANN201
    """Replacements for Client.force_login and Client.login that also give the second factor."""

    def force_login(self: Client, user: AbstractBaseUser, backend: str | None = None) -> None:
        original_force_login(self, user, backend)
        mark_verified(self, user)

    def login(self: Client, **credentials: object) -> bool:
        if not original_login(self, **credentials):
            return False
        from django.contrib.auth import get_user_model

        user_id = self.session["_auth_user_id"]
        mark_verified(self, get_user_model()._default_manager.get(pk=user_id))
        return True

    return force_login, login


class AppOnPhone:
    """The app a person set up by typing the key shown at enrolment (#secret), for sites whose
    database the test cannot read (a served copy): codes for successive time steps, never one
    the site has seen already."""

    def __init__(self, secret: str) -> None:
        text = "".join(secret.split()).upper()
        self.key = b32decode(text + "=" * (-len(text) % 8))
        self.last_step = -1

    def code(self) -> str:
        step = max(TOTP(self.key).t(), self.last_step + 1)
        self.last_step = step
        return f"{hotp(self.key, step):06d}"
