"""Creating, finding and revoking API tokens, and the bearer authentication that uses them."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja.security import HttpBearer

from api.models import ApiToken, hash_secret
from organisations.access import Access
from organisations.auditlog import record, snapshot
from organisations.models import Membership, Organisation

AUDIT_EXCLUDE = ("token_hash", "last_used_at")


def max_expiry() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=settings.API_TOKEN_MAX_DAYS)


def default_expiry() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=settings.API_TOKEN_DEFAULT_DAYS)


@transaction.atomic
def create_token(
    *, user: AbstractBaseUser, organisation: Organisation, name: str, expires_on: datetime.date
) -> tuple[ApiToken, str]:
    """A new token and its secret. The secret is returned here once and never stored."""
    secret = secrets.token_urlsafe(32)
    expires_at = datetime.datetime.combine(
        expires_on, datetime.time.max, tzinfo=timezone.get_current_timezone()
    )
    token = ApiToken.objects.create(
        user=user,
        organisation=organisation,
        name=name,
        prefix=secret[: ApiToken.PREFIX_LENGTH],
        token_hash=hash_secret(secret),
        expires_at=expires_at,
    )
    record(
        actor=user,
        action="api_token.created",
        obj=token,
        parties=[organisation],
        after=snapshot(token, exclude=AUDIT_EXCLUDE),
    )
    return token, secret


@transaction.atomic
def revoke_token(*, token: ApiToken, user: AbstractBaseUser) -> ApiToken:
    before = snapshot(token, exclude=AUDIT_EXCLUDE)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(
        actor=user,
        action="api_token.revoked",
        obj=token,
        parties=[token.organisation_id],
        before=before,
        after=snapshot(token, exclude=AUDIT_EXCLUDE),
    )
    return token


def get_token_for_user(user: AbstractBaseUser, pk: int) -> ApiToken:
    """One of the user's own tokens (404 for anyone else's)."""
    return get_object_or_404(ApiToken.objects.select_related("organisation"), pk=pk, user=user)


def token_user(token: ApiToken) -> AbstractBaseUser | None:
    """The token's user acting with only the token's organisation and their role in it, so the
    ordinary access helpers decide; None when the user has left the organisation."""
    role = (
        Membership.objects.filter(user_id=token.user_id, organisation_id=token.organisation_id)
        .values_list("role", flat=True)
        .first()
    )
    user = get_user_model().objects.filter(pk=token.user_id, is_active=True).first()
    if role is None or user is None:
        return None
    user._access = Access(roles={token.organisation_id: role})
    return user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; request.auth is the ApiToken, request.user its user."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = ApiToken.objects.usable().filter(token_hash=hash_secret(token.strip())).first()
        if found is None:
            return None
        user = token_user(found)
        if user is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = user
        return found
