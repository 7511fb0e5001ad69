"""Open311 API keys: issued by a platform admin (or `manage.py create_open311_key`) to another
app filing reports for an organisation, stored only as a hash, revoked but never deleted."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from organisations.auditlog import record, snapshot
from organisations.models import Municipality, Organisation
from participation.models import Open311Key

PREFIX_LENGTH = 8
AUDIT_EXCLUDE = ("key_hash",)


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue_key(
    *, name: str, organisation: Organisation, actor: AbstractBaseUser | None
) -> tuple[Open311Key, str]:
    """A new key and its secret. The secret is returned here once and never stored."""
    secret = secrets.token_urlsafe(32)
    key = Open311Key.objects.create(
        name=name,
        organisation=organisation,
        prefix=secret[:PREFIX_LENGTH],
        key_hash=hash_key(secret),
    )
    record(
        actor=actor,
        action="open311_key.issued",
        obj=key,
        parties=[organisation],
        after=snapshot(key, exclude=AUDIT_EXCLUDE),
    )
    return key, secret


@transaction.atomic
def revoke_key(*, key: Open311Key, actor: AbstractBaseUser | None) -> Open311Key:
    before = snapshot(key, exclude=AUDIT_EXCLUDE)
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    record(
        actor=actor,
        action="open311_key.revoked",
        obj=key,
        parties=[key.organisation_id],
        before=before,
        after=snapshot(key, exclude=AUDIT_EXCLUDE),
    )
    return key


def usable_key(secret: str) -> Open311Key | None:
    """The key with this secret, unless it is revoked."""
    if not secret:
        return None
    return (
        Open311Key.objects.filter(key_hash=hash_key(secret.strip()), revoked_at__isnull=True)
        .select_related("organisation")
        .first()
    )


def key_municipalities(key: Open311Key) -> list[Municipality]:
    """Where the key may file reports: its municipality, or every municipality of its police
    area."""
    organisation = key.organisation
    municipalities = Municipality.objects.defer("boundary").order_by("code")
    if organisation.kind == Organisation.Kind.POLICE_AREA:
        return list(municipalities.filter(police_areas=organisation.police_area_id))
    if organisation.municipality_id is None:
        return []
    return list(municipalities.filter(pk=organisation.municipality_id))
