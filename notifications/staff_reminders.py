"""E-mailing staff their reminders (promises/reminders.py decides what is due and for whom).

Each user gets one message listing what is due for them and was not e-mailed to them within
REMINDER_REPEAT_DAYS; what was sent is recorded per user and item. Users without an e-mail
address, inactive users and those who turned reminder e-mails off only see the dashboard list.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone, translation

from notifications import mail
from notifications.models import ReminderDelivery
from organisations.models import Membership, Role
from promises.reminders import Reminder, due_reminders


def _recipients(reminders: list[Reminder]) -> dict[int, tuple[AbstractBaseUser, list[Reminder]]]:
    by_organisation: dict[int, list[Reminder]] = defaultdict(list)
    for reminder in reminders:
        for org_id in reminder.organisation_ids:
            by_organisation[org_id].append(reminder)
    memberships = (
        Membership.objects.filter(organisation_id__in=by_organisation, user__is_active=True)
        .exclude(user__email="")
        .exclude(user__reminder_settings__email_reminders=False)
        .select_related("user")
        .order_by("user_id", "organisation_id")
    )
    users: dict[int, tuple[AbstractBaseUser, list[Reminder]]] = {}
    for membership in memberships:
        _user, theirs = users.setdefault(membership.user_id, (membership.user, []))
        for reminder in by_organisation[membership.organisation_id]:
            if Role.rank(membership.role) >= Role.rank(reminder.min_role) and (
                reminder not in theirs
            ):
                theirs.append(reminder)
    return users


def _deliver(user: AbstractBaseUser, reminders: list[Reminder], now: datetime.datetime) -> bool:
    repeat_after = now - datetime.timedelta(days=settings.REMINDER_REPEAT_DAYS)
    with transaction.atomic():
        # One run at a time per user: the lock makes a parallel run wait and then see the
        # deliveries this one recorded.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        recent = set(
            ReminderDelivery.objects.filter(user=user, sent_at__gt=repeat_after).values_list(
                "key", flat=True
            )
        )
        todo = [r for r in reminders if r.key not in recent]
        if not todo:
            return False
        ReminderDelivery.objects.bulk_create(
            [ReminderDelivery(user=user, key=r.key, sent_at=now) for r in todo],
            update_conflicts=True,
            unique_fields=["user", "key"],
            update_fields=["sent_at"],
        )
        if not mail.send(
            mail.reminders_message(user, todo), what="reminders for user", ref=user.pk
        ):
            transaction.set_rollback(True)
            return False
    return True


def send_reminders(now: datetime.datetime | None = None) -> int:
    """E-mail every user the reminders due for them; returns how many messages went out."""
    now = now or timezone.now()
    repeat_after = now - datetime.timedelta(days=settings.REMINDER_REPEAT_DAYS)
    ReminderDelivery.objects.filter(sent_at__lte=repeat_after).delete()
    with translation.override(settings.LANGUAGE_CODE):
        reminders = due_reminders(timezone.localdate(now))
    sent = 0
    for user, theirs in _recipients(reminders).values():
        if _deliver(user, theirs, now):
            sent += 1
    return sent
