"""The private tracking token of a report: given to the resident once, stored only hashed (the
web form and Open311 both use it)."""

import datetime
import hashlib

from django.conf import settings
from django.utils import timezone


def hash_tracking_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def contact_retention_days() -> int:
    return int(getattr(settings, "REPORT_CONTACT_RETENTION_DAYS", 90))


def contact_delete_after() -> datetime.date:
    """The day a new report's contact details are deleted."""
    return timezone.localdate() + datetime.timedelta(days=contact_retention_days())
