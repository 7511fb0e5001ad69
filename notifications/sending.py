"""One run of everything the notifications app sends on a schedule (`manage.py
send_notifications`, or the `send_notifications` task). Idempotent: a second run straight after
sends nothing."""

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.utils import timezone

from notifications.digests import send_notices
from notifications.models import Subscription
from notifications.staff_reminders import send_reminders


@dataclass
class RunReport:
    unconfirmed_deleted: int
    immediate_sent: int
    digests_sent: int
    reminders_sent: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def delete_unconfirmed(now: datetime.datetime | None = None) -> int:
    """Delete subscriptions not confirmed within SUBSCRIPTION_CONFIRM_DAYS of the latest
    confirmation link (the period the mail promises)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    deleted, _by_model = Subscription.objects.unconfirmed_since(cutoff).delete()
    return deleted


def send_all(now: datetime.datetime | None = None) -> RunReport:
    now = now or timezone.now()
    return RunReport(
        unconfirmed_deleted=delete_unconfirmed(now),
        immediate_sent=send_notices(Subscription.Frequency.IMMEDIATE, now),
        digests_sent=send_notices(Subscription.Frequency.WEEKLY, now),
        reminders_sent=send_reminders(now),
    )
