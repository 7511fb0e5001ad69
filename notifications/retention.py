"""What the notifications app keeps and for how long (core.retention): residents' addresses
that were never confirmed, and a staff user's reminder settings for the account page."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from core.retention import RetentionRule, days_setting
from notifications.models import ReminderDelivery, ReminderSettings, Subscription
from notifications.sending import delete_unconfirmed


def _unconfirmed(now: datetime.datetime, dry_run: bool) -> int:
    if not dry_run:
        return delete_unconfirmed(now)
    cutoff = now - datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    return Subscription.objects.unconfirmed_since(cutoff).count()


RETENTION_RULES = [
    RetentionRule(
        name="notifications.unconfirmed_subscriptions",
        title=_("E-postadresser som aldrig bekräftades"),
        kept=_(
            "E-postadressen du lämnar när du vill följa en kommun eller ett medborgarlöfte, "
            "innan du har klickat på länken i bekräftelsemejlet."
        ),
        why=_("Så att du hinner bekräfta att det är du som vill ha e-posten."),
        after=_(
            "Adressen raderas om den inte har bekräftats. En bekräftad adress sparas tills du "
            "avslutar bevakningen med länken i varje mejl."
        ),
        setting="SUBSCRIPTION_CONFIRM_DAYS",
        period=days_setting("SUBSCRIPTION_CONFIRM_DAYS"),
        apply=_unconfirmed,
        since=_("räknat från att bekräftelsemejlet skickades"),
        order=40,
    ),
]


def _reminder_settings(user: AbstractBaseUser) -> dict:
    chosen = ReminderSettings.objects.filter(user=user).first()
    return {
        "paminnelser": {
            "skicka_paminnelser_med_epost": chosen.email_reminders if chosen else True,
            "skickade_paminnelser": ReminderDelivery.objects.filter(user=user).count(),
        }
    }


def _erase_reminders(user: AbstractBaseUser) -> None:
    ReminderSettings.objects.filter(user=user).delete()
    ReminderDelivery.objects.filter(user=user).delete()


USER_DATA_EXPORTS = [_reminder_settings]
USER_DATA_ERASERS = [_erase_reminders]
