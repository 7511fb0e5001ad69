"""What the organisations app keeps and for how long (core.retention): the details of old audit
entries, the addresses of failed staff logins, and a staff user's own account data for the
account page's export (organisations.accounts erases the account)."""

import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.retention import RetentionRule, count_or_delete, days_setting
from organisations.models import AuditEntry, Membership


def audit_details_due(now: datetime.datetime) -> QuerySet[AuditEntry]:
    """Entries older than AUDIT_DETAIL_RETENTION_DAYS that still hold their before/after."""
    cutoff = now - datetime.timedelta(days=settings.AUDIT_DETAIL_RETENTION_DAYS)
    return AuditEntry.objects.filter(at__lt=cutoff).filter(
        Q(before__isnull=False) | Q(after__isnull=False)
    )


def _audit_details(now: datetime.datetime, dry_run: bool) -> int:
    due = audit_details_due(now)
    return due.count() if dry_run else due.update(before=None, after=None)


def _failed_logins(now: datetime.datetime, dry_run: bool) -> int:
    return count_or_delete(
        AccessAttempt.objects.filter(attempt_time__lte=now - get_cool_off()), dry_run
    )


RETENTION_RULES = [
    RetentionRule(
        name="organisations.audit_details",
        title=_("Detaljer i personalens händelselogg"),
        kept=_(
            "Vad som ändrades, före och efter, när personal från kommunen, polisen eller "
            "brottsförebyggande rådet ändrar något på webbplatsen."
        ),
        why=_("Så att det går att se vem som har ändrat vad, och rätta misstag."),
        after=_(
            "Detaljerna tas bort. Kvar finns bara att något hände, vad det gällde, vem som "
            "gjorde det och när."
        ),
        setting="AUDIT_DETAIL_RETENTION_DAYS",
        period=days_setting("AUDIT_DETAIL_RETENTION_DAYS"),
        apply=_audit_details,
        since=_("räknat från ändringen"),
        order=60,
    ),
    RetentionRule(
        name="organisations.failed_logins",
        title=_("Misslyckade inloggningar för personal"),
        kept=_("Användarnamn och internetadress vid ett felaktigt lösenord."),
        why=_("Så att ingen kan gissa sig till ett lösenord genom att försöka många gånger."),
        after=_("Försöken raderas och kontot kan logga in igen."),
        setting="AXES_COOLOFF_MINUTES",
        period=get_cool_off,
        apply=_failed_logins,
        since=_("räknat från försöket"),
        order=70,
    ),
]


def _iso(value: datetime.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _account(user: AbstractBaseUser) -> dict:
    return {
        "konto": {
            "anvandarnamn": user.get_username(),
            "fornamn": user.first_name,
            "efternamn": user.last_name,
            "epost": user.email,
            "aktivt": user.is_active,
            "plattformsadministrator": user.is_superuser,
            "skapat": _iso(user.date_joined),
            "senast_inloggad": _iso(user.last_login),
        },
        "medlemskap": [
            {
                "organisation": m.organisation.name,
                "roll": m.get_role_display(),
                "befattning": m.title,
            }
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
    }


def _objects_of_others(user: AbstractBaseUser, entries: list[AuditEntry]) -> set[tuple[int, str]]:
    """(content type, object id) of entries whose object is another person's account or
    membership: the export names them only by kind."""
    user_type = ContentType.objects.get_for_model(get_user_model())
    membership_type = ContentType.objects.get_for_model(Membership)
    others = {(user_type.pk, e.object_id) for e in entries if e.content_type_id == user_type.pk}
    others.discard((user_type.pk, str(user.pk)))
    membership_ids = {e.object_id for e in entries if e.content_type_id == membership_type.pk}
    own = {str(pk) for pk in Membership.objects.filter(user=user).values_list("pk", flat=True)}
    others |= {(membership_type.pk, i) for i in membership_ids - own}
    return others


def _entry(entry: AuditEntry, hidden: set[tuple[int, str]]) -> dict:
    concealed = (entry.content_type_id, entry.object_id) in hidden
    return {
        "nar": _iso(entry.at),
        "handelse": entry.action,
        "typ": str(entry.content_type.model_class()._meta.verbose_name)
        if entry.content_type.model_class()
        else entry.content_type.model,
        "objekt": "" if concealed else entry.object_repr,
    }


def _audit_entries(user: AbstractBaseUser) -> dict:
    made = list(AuditEntry.objects.filter(actor=user).select_related("content_type"))
    about = list(
        AuditEntry.objects.for_object(user).exclude(actor=user).select_related("content_type")
    )
    hidden = _objects_of_others(user, made)
    return {
        "handelser_du_gjort": [_entry(e, hidden) for e in made],
        "handelser_om_ditt_konto": [{"nar": _iso(e.at), "handelse": e.action} for e in about],
    }


USER_DATA_EXPORTS = [_account, _audit_entries]
