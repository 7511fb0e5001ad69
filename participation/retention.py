"""Deleting what residents left once it is no longer needed (DOMAIN.md §7): three rules of the
retention registry (core.retention), run daily by `manage.py apply_retention` (or, for these
three only, the older `manage.py delete_expired_report_data`):

- contact details (ReportContact) on or past their `delete_after` day;
- the text as typed of a report whose published text a moderator changed (redacted), once the
  report is older than REPORT_ORIGINAL_RETENTION_DAYS: `description` is blanked and
  `original_deleted` set, so only the moderated text remains;
- photos held between the form's steps for a report that was never sent.

Each deletion is in the audit log (action, report, counts – never the deleted values) and the
totals are logged.
"""

import datetime
import logging
from collections import defaultdict
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.retention import RetentionRule, days_setting
from organisations.auditlog import record
from organisations.models import Organisation
from participation.models import ReportContact, ResidentReport
from participation.reports.photos import HELD_DIRECTORY, HELD_MAX_AGE_SECONDS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionResult:
    contacts: int
    originals: int
    held_photos: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _parties(reports: list[ResidentReport]) -> dict[int, set[int]]:
    """The organisations that may read the audit entry of each report: its municipality's
    organisations and the responsible one."""
    by_municipality: dict[int, set[int]] = defaultdict(set)
    for org_id, municipality_id in Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY,
        municipality_id__in={r.municipality_id for r in reports},
    ).values_list("pk", "municipality_id"):
        by_municipality[municipality_id].add(org_id)
    return {
        r.pk: by_municipality[r.municipality_id]
        | ({r.responsible_id} if r.responsible_id else set())
        for r in reports
    }


def _audit(action: str, reports: list[ResidentReport], after: dict) -> None:
    parties = _parties(reports)
    for report in reports:
        record(actor=None, action=action, obj=report, parties=parties[report.pk], after=after)


def expired_contacts(today: datetime.date) -> QuerySet[ReportContact]:
    return ReportContact.objects.filter(delete_after__lte=today)


@transaction.atomic
def delete_expired_contacts(today: datetime.date | None = None) -> int:
    expired = expired_contacts(today or timezone.localdate())
    reports = list(
        ResidentReport.objects.filter(contact__in=expired).only(
            "pk", "municipality_id", "responsible_id", "category_id"
        )
    )
    deleted, _by_model = expired.delete()
    _audit("report.contact_deleted", reports, {"kontaktuppgifter": "raderade"})
    return deleted


def redacted_originals(now: datetime.datetime | None = None) -> QuerySet[ResidentReport]:
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.REPORT_ORIGINAL_RETENTION_DAYS
    )
    return (
        ResidentReport.objects.filter(original_deleted=False, created_at__lt=cutoff)
        .exclude(public_text="")
        .exclude(public_text=F("description"))
    )


@transaction.atomic
def delete_redacted_originals(now: datetime.datetime | None = None) -> int:
    expired = redacted_originals(now)
    reports = list(
        expired.only("pk", "municipality_id", "responsible_id", "category_id").select_for_update()
    )
    ResidentReport.objects.filter(pk__in=[r.pk for r in reports]).update(
        description="", original_deleted=True
    )
    _audit("report.original_deleted", reports, {"ursprunglig_text": "raderad"})
    return len(reports)


def held_photos(now: datetime.datetime | None = None) -> list[str]:
    """The held photos older than HELD_MAX_AGE_SECONDS: their reports were never sent."""
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=HELD_MAX_AGE_SECONDS)
    if not default_storage.exists(HELD_DIRECTORY):
        return []
    paths = [f"{HELD_DIRECTORY}/{name}" for name in default_storage.listdir(HELD_DIRECTORY)[1]]
    return [p for p in paths if default_storage.get_modified_time(p) < cutoff]


def delete_held_photos(now: datetime.datetime | None = None) -> int:
    paths = held_photos(now)
    for path in paths:
        default_storage.delete(path)
    return len(paths)


def delete_expired_report_data(now: datetime.datetime | None = None) -> RetentionResult:
    now = now or timezone.now()
    result = RetentionResult(
        contacts=delete_expired_contacts(timezone.localdate(now)),
        originals=delete_redacted_originals(now),
        held_photos=delete_held_photos(now),
    )
    logger.info("Report data deleted: %s", result.as_dict())
    return result


# The rules of the registry (core.retention).


def _contacts(now: datetime.datetime, dry_run: bool) -> int:
    today = timezone.localdate(now)
    return expired_contacts(today).count() if dry_run else delete_expired_contacts(today)


def _originals(now: datetime.datetime, dry_run: bool) -> int:
    return redacted_originals(now).count() if dry_run else delete_redacted_originals(now)


def _held_photos(now: datetime.datetime, dry_run: bool) -> int:
    return len(held_photos(now)) if dry_run else delete_held_photos(now)


RETENTION_RULES = [
    RetentionRule(
        name="participation.report_contacts",
        title=_("Kontaktuppgifter i rapporter"),
        kept=_(
            "E-postadress och telefonnummer som du frivilligt lämnar när du rapporterar en "
            "plats. De sparas skilda från rapporten och visas aldrig offentligt."
        ),
        why=_("Så att kommunen kan ställa en fråga om rapporten och berätta vad som händer."),
        after=_("Kontaktuppgifterna raderas. Rapporten finns kvar utan dem."),
        setting="REPORT_CONTACT_RETENTION_DAYS",
        period=days_setting("REPORT_CONTACT_RETENTION_DAYS"),
        apply=_contacts,
        since=_("räknat från att rapporten skickades"),
        order=10,
    ),
    RetentionRule(
        name="participation.redacted_originals",
        title=_("Ursprunglig text i rapporter som har redigerats"),
        kept=_(
            "Texten som du skrev, när en moderator har tagit bort till exempel namn innan "
            "rapporten publicerades. Bara moderatorer kan läsa den."
        ),
        why=_("Så att moderatorn kan se vad som ändrades om något blev fel."),
        after=_("Den ursprungliga texten raderas. Bara den redigerade texten finns kvar."),
        setting="REPORT_ORIGINAL_RETENTION_DAYS",
        period=days_setting("REPORT_ORIGINAL_RETENTION_DAYS"),
        apply=_originals,
        since=_("räknat från att rapporten skickades"),
        order=20,
    ),
    RetentionRule(
        name="participation.held_photos",
        title=_("Foton i rapporter som aldrig skickades"),
        kept=_(
            "Ett foto som du har laddat upp i rapportformuläret men inte skickat. Fotot sparas "
            "utan platsuppgifter (EXIF)."
        ),
        why=_("Så att du inte behöver ladda upp fotot igen mellan formulärets steg."),
        after=_("Fotot raderas."),
        setting=None,
        period=lambda: datetime.timedelta(seconds=HELD_MAX_AGE_SECONDS),
        apply=_held_photos,
        since=_("räknat från att fotot laddades upp"),
        order=30,
    ),
]
