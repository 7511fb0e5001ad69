"""The second factor of a staff login (django-otp): an authenticator app (TOTP) and one-time
recovery codes.

Who must give it: platform admins (superusers) and anyone who is an
editor or admin in some organisation. A viewer or reporter may enrol an app; once they have one,
their logins ask for the code too. After the password (Django's login, as before) the session is
"pending" until a code is given: `SecondFactorMiddleware` sends a pending user from the staff
pages to the code page (or to enrolment, when they have no app yet) and treats them as anonymous
everywhere else.

Wrong codes count towards the same account lock as wrong passwords (django-axes, see
organisations/login.py); the lock is cleared only when the second factor succeeds. No code or
secret is ever written to the audit trail.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlencode

from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisations.access import Access, access_for
from organisations.login import audit_login_event
from organisations.models import Membership, Role

# Set at the password step for a user who has an app although their role does not ask for one.
REQUIRED_SESSION_KEY = "second_factor_required"
APP_NAME = "Autentiseringsapp"
RECOVERY_NAME = "Reservkoder"
_APP_CODE = re.compile(r"^\d{6}$")
_RECOVERY_CODE = re.compile(r"^[a-z2-7]{8}$")
# Where a pending user is sent straight to the code page; elsewhere they are anonymous.
STAFF_PREFIXES = ("/personal/", "/plattformsadmin/")
LOGIN_STEP_PREFIXES = ("/logga-in/", "/logga-ut/", "/losenord/")


def needs_second_factor(user: AbstractBaseUser, access: Access | None = None) -> bool:
    """Whether the user's role asks for a second factor (platform admin, editor or admin)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if access is not None:
        return bool(access.org_ids(Role.EDITOR))
    return Membership.objects.filter(user=user, role__in=[Role.EDITOR, Role.ADMIN]).exists()


def app_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def must_give_code(user: AbstractBaseUser) -> bool:
    """At the password step: the role asks for it, or the user enrolled an app of their own."""
    return needs_second_factor(user) or app_device(user) is not None


def is_verified(request: HttpRequest) -> bool:
    """The session has given a code of a device of its user (django-otp's session key)."""
    user = request.user
    verify = getattr(user, "is_verified", None)
    if verify is not None:
        return bool(verify())
    return DEVICE_ID_SESSION_KEY in request.session


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def second_factor_url(user: AbstractBaseUser, next_url: str = "") -> str:
    """The code page, or the enrolment page for a user without an app, keeping `next`."""
    name = "login_code" if app_device(user) is not None else "login_enrol"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class SecondFactorMiddleware:
    """After django-otp's middleware: a user who must give a code and has not is sent from the
    staff pages to the code (or enrolment) page with `next`, and is anonymous on other pages
    (public pages, the API), so nothing of theirs is reachable on the password alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not is_verified(request) and self._required(request):
            request.second_factor_pending = user
            path = request.path_info
            if path.startswith(STAFF_PREFIXES):
                return HttpResponseRedirect(second_factor_url(user, request.get_full_path()))
            if not path.startswith(LOGIN_STEP_PREFIXES):
                request.user = AnonymousUser()
        return self.get_response(request)

    @staticmethod
    def _required(request: HttpRequest) -> bool:
        if request.session.get(REQUIRED_SESSION_KEY):
            return True
        return needs_second_factor(request.user, access_for(request.user))


def after_password(request: HttpRequest, user: AbstractBaseUser) -> bool:
    """Called when the password was right: whether a code is needed before going on."""
    if not must_give_code(user) or DEVICE_ID_SESSION_KEY in request.session:
        return False
    request.session[REQUIRED_SESSION_KEY] = True
    return True


def _codes_format(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


class CodeKind(Enum):
    APP = "app"
    RECOVERY = "recovery"


def code_kind(code: str) -> CodeKind | None:
    """Six digits from the app, or eight letters and digits of a recovery code; None otherwise."""
    code = _codes_format(code)
    if _APP_CODE.match(code):
        return CodeKind.APP
    if _RECOVERY_CODE.match(code):
        return CodeKind.RECOVERY
    return None


def pending_app(user: AbstractBaseUser) -> TOTPDevice:
    """The app being enrolled: the same secret until it is confirmed (a reload of the page
    keeps the QR code that was scanned)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret as apps ask for it when typed, in groups of four."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.SECOND_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def confirm_app(request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app being enrolled with its first code: the app replaces any earlier one,
    new recovery codes replace the old ones, and the session counts as verified. Returns the
    recovery codes (shown once), or None when the code was wrong."""
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if code_kind(code) is not CodeKind.APP or not device.verify_token(_codes_format(code)):
            audit_login_event("second_factor.enrolment_failed", user=user, actor=user)
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        audit_login_event(
            "second_factor.enrolled", user=user, actor=user, recovery_codes=len(codes)
        )
    _verified(request, device)
    return codes


class Outcome(Enum):
    ACCEPTED = "accepted"
    BAD_FORMAT = "bad_format"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass
class CodeResult:
    outcome: Outcome
    kind: CodeKind | None = None
    recovery_codes_left: int = 0


def _credentials(user: AbstractBaseUser) -> dict[str, str]:
    return {"username": user.get_username()}


def is_locked(request: HttpRequest, user: AbstractBaseUser) -> bool:
    return AxesProxyHandler.is_locked(request, _credentials(user))


def _verified(request: HttpRequest, device: TOTPDevice | StaticDevice) -> None:
    otp_login(request, device)
    request.session.pop(REQUIRED_SESSION_KEY, None)
    request.session.cycle_key()
    reset(username=request.user.get_username())


def _matching_device(user: AbstractBaseUser, code: str, kind: CodeKind) -> object | None:
    model = TOTPDevice if kind is CodeKind.APP else StaticDevice
    with transaction.atomic():
        for device in model.objects.filter(user=user, confirmed=True).select_for_update():
            if device.verify_token(code):
                return device
    return None


def check_code(request: HttpRequest, code: str) -> CodeResult:
    """Check a code given at login. A wrong code counts as a failed login towards the account's
    lock (axes); at the limit the session is logged out by the caller."""
    user = request.user
    if is_locked(request, user):
        # axes' middleware answers with the lock page (organisations.login.lockout_response).
        request.axes_locked_out = True
        request.axes_credentials = _credentials(user)
        audit_login_event("login.refused_locked", user=user)
        return CodeResult(Outcome.LOCKED)
    kind = code_kind(code)
    if kind is None:
        return CodeResult(Outcome.BAD_FORMAT)
    device = _matching_device(user, _codes_format(code), kind)
    if device is None:
        audit_login_event("second_factor.failed", user=user, kind=kind.value)
        AxesProxyHandler.user_login_failed(
            sender=check_code, credentials=_credentials(user), request=request
        )
        locked = bool(getattr(request, "axes_locked_out", False))
        return CodeResult(Outcome.LOCKED if locked else Outcome.WRONG, kind)
    left = 0
    if kind is CodeKind.RECOVERY:
        left = StaticToken.objects.filter(device__user=user).count()
        audit_login_event("second_factor.recovery_code_used", user=user, actor=user, left=left)
    else:
        audit_login_event("second_factor.succeeded", user=user, actor=user)
    _verified(request, device)
    return CodeResult(Outcome.ACCEPTED, kind, left)


def reset_second_factor(*, user: AbstractBaseUser, actor: AbstractBaseUser) -> int:
    """A platform admin removes a user's app and recovery codes: the user enrols again at their
    next login. Returns how many devices were removed."""
    with transaction.atomic():
        apps, codes = TOTPDevice.objects.filter(user=user), StaticDevice.objects.filter(user=user)
        removed = apps.count() + codes.count()
        apps.delete()
        codes.delete()
        audit_login_event("second_factor.reset", user=user, actor=actor, removed=removed)
    return removed
