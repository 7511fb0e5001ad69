"""A staff user's API keys on the account page (core.retention): exported as metadata only (the
secret is never stored, and its hash is not exported); erasing the account revokes them."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from api.models import ApiToken


def _iso(value: object) -> str | None:
    return value.isoformat() if value else None


def _tokens(user: AbstractBaseUser) -> dict:
    return {
        "api_nycklar": [
            {
                "namn": t.name,
                "borjar_med": t.prefix,
                "organisation": t.organisation.name,
                "skapad": _iso(t.created_at),
                "galler_till": _iso(t.expires_at),
                "aterkallad": _iso(t.revoked_at),
                "senast_anvand": _iso(t.last_used_at),
            }
            for t in ApiToken.objects.filter(user=user).select_related("organisation")
        ]
    }


def _revoke_tokens(user: AbstractBaseUser) -> None:
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


USER_DATA_EXPORTS = [_tokens]
USER_DATA_ERASERS = [_revoke_tokens]
