"""Staff login hardening: throttling (django-axes) and the audit trail of every login event.

Two rules lock a login attempt before the password is checked:
- an account: `AXES_FAILURE_LIMIT` wrong passwords for one username within the cool-off;
- an address: `LOGIN_ADDRESS_FAILURE_LIMIT` (higher) wrong passwords from one address, whatever
  the usernames, against spraying many accounts.
Another account from the same address is not locked by the first rule.
"""

import datetime

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model, user_logged_in, user_login_failed
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Max, QuerySet, Sum
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from organisations.auditlog import record


def _sum(attempts: QuerySet) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


class ThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with a separate, higher limit per address.

    `AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]` makes axes filter the attempts by
    username and by address separately; axes compares the figure returned here with
    `AXES_FAILURE_LIMIT`, so an address over its own limit counts as a full account lock."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        by_account, by_address = (_sum(q) for q in self.get_user_attempts(request, credentials))
        if by_address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(by_account, settings.AXES_FAILURE_LIMIT)
        return by_account


class ThrottleBackend(AxesStandaloneBackend):
    """Axes' lock check for every login through a request (the login page, the admin's).

    A login without a request (Django's test client, a shell) is not throttled: there is no
    address and no guessing over the network."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: object,
    ) -> AbstractBaseUser | None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_str(
    username: str | None,
    ip_address: str | None,
    user_agent: str | None,
    path_info: str | None,
    request: HttpRequest | None,
) -> str:
    """What axes writes in its log lines: the username only, never the address."""
    return f"username={username!r}"


def lock_ends(username: str | None, request: HttpRequest) -> datetime.datetime:
    cool_off = get_cool_off(request) or datetime.timedelta()
    latest = None
    if username:
        latest = AccessAttempt.objects.filter(username=username).aggregate(t=Max("attempt_time"))[
            "t"
        ]
    return (latest or timezone.now()) + cool_off


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The login page again, with a clear message saying the account is locked and until when."""
    from core.forms import LoginForm

    username = get_client_username(request, credentials)
    form = LoginForm(request, initial={"username": username or ""})
    context = {
        "form": form,
        "locked_until": timezone.localtime(lock_ends(username, request)),
        "next": request.POST.get("next", request.GET.get("next", "")),
    }
    response: HttpResponse = TemplateResponse(
        request, "registration/login.html", context, status=429
    )
    return response.render()


def _parties(user: AbstractBaseUser) -> list[int]:
    return list(user.memberships.values_list("organisation_id", flat=True))


def _user_named(username: str | None) -> AbstractBaseUser | None:
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def audit_login_event(
    action: str, *, user: AbstractBaseUser, actor: AbstractBaseUser | None = None, **after: object
) -> None:
    """One audit entry about a staff account (a login, a failed login, a lock …)."""
    record(
        actor=actor,
        action=action,
        obj=user,
        parties=_parties(user),
        after={"username": user.get_username(), **after} if after else None,
    )


@receiver(user_logged_in, dispatch_uid="audit_login")
def _logged_in(
    sender: object, request: HttpRequest | None, user: AbstractBaseUser, **kwargs: object
) -> None:
    # A successful login clears that account's failed attempts (not the address's); for an
    # account with a second factor, only the right code does (organisations/second_factor.py),
    # or logging in again with the password would restart the count of wrong codes.
    from organisations.second_factor import must_give_code

    if not must_give_code(user):
        reset(username=user.get_username())
    audit_login_event("login.succeeded", user=user, actor=user)


def _refused_while_locked(request: HttpRequest | None) -> bool:
    """Axes refused the attempt before the password was checked (it counts nothing then)."""
    return bool(getattr(request, "axes_locked_out", False)) and (
        getattr(request, "axes_failures_since_start", None) is None
    )


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def _login_failed(
    sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs: object
) -> None:
    user = _user_named(credentials.get("username"))
    if user is None or _refused_while_locked(request):
        return  # no such account: nothing to attach the entry to; a refusal: see below
    audit_login_event("login.failed", user=user)


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def _locked_out(
    sender: object,
    request: HttpRequest,
    username: str | None,
    ip_address: str | None,
    **kwargs: object,
) -> None:
    user = _user_named(username)
    if user is not None:
        refused = _refused_while_locked(request)
        audit_login_event("login.refused_locked" if refused else "login.locked", user=user)
