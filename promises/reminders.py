"""Reminders for staff: what needs someone's attention, and whose.

- an ongoing activity with no progress update for REMINDER_QUIET_WEEKS weeks (default 8),
- an activity whose end date has passed without a final status,
- a published promise not followed up for REMINDER_FOLLOW_UP_MONTHS months (default 12).

The first two remind the members of the responsible organisation who may report progress
(reporter and up); the last the editors of the bodies that follow the promise up (the local
BRÅ, say), or of its parties when it names none. The staff dashboard lists them; the
notifications app e-mails them.

Apps later in the chain add their own kinds without this module importing them: a
`REMINDER_SOURCES` list in `<app>/reminders.py`, each source a function
`(today, org_ids) -> list[Reminder]` that gives what is due for those organisations (all of
them when `org_ids` is None). Their reminders are listed and e-mailed like these.
"""

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations.access import access_for
from organisations.models import Role
from promises.models import Activity, Promise
from promises.models.activities import ActivityQuerySet
from promises.models.promises import PromiseQuerySet


@dataclass(frozen=True)
class Reminder:
    key: str  # what was reminded of, e.g. "activity_overdue:12": a reminder is sent once per key
    title: str
    context: str  # e.g. the promise an activity belongs to
    reason: str
    path: str  # the staff page where it is dealt with
    organisation_ids: frozenset[int]  # whose members are reminded …
    min_role: str  # … from this role up


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return day.replace(year=year, month=month0 + 1, day=min(day.day, last))


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "j F Y")


def _activity_reminder(activity: Activity, kind: str, reason: str) -> Reminder:
    return Reminder(
        key=f"{kind}:{activity.pk}",
        title=activity.title,
        context=activity.commitment.promise.title,
        reason=reason,
        path=reverse("staff:activity_detail", args=[activity.pk]),
        organisation_ids=frozenset({activity.responsible_id}),
        min_role=Role.REPORTER,
    )


def activity_reminders(activities: ActivityQuerySet, today: datetime.date) -> list[Reminder]:
    """Overdue and quiet activities of published promises; an overdue activity is reminded of
    once, as overdue (setting its final status is what it needs)."""
    activities = activities.of_published_promises().select_related("commitment__promise")
    reminders = []
    overdue_ids = set()
    for activity in activities.overdue_on(today).order_by("end", "pk"):
        overdue_ids.add(activity.pk)
        reason = _(
            "Slutdatumet %(date)s har passerat men aktiviteten har ingen slutstatus. Ange om den "
            "blev genomförd, delvis genomförd, inte genomförd eller inställd."
        ) % {"date": _date(activity.end)}
        reminders.append(_activity_reminder(activity, "activity_overdue", reason))
    weeks = settings.REMINDER_QUIET_WEEKS
    quiet = activities.quiet_since(today - datetime.timedelta(weeks=weeks))
    for activity in quiet.exclude(pk__in=overdue_ids).order_by("quiet_from", "pk"):
        if activity.last_update_on is None:
            reason = ngettext(
                "Ingen lägesrapport sedan aktiviteten började %(date)s (mer än %(weeks)s vecka).",
                "Ingen lägesrapport sedan aktiviteten började %(date)s (mer än %(weeks)s veckor).",
                weeks,
            ) % {"date": _date(activity.start), "weeks": weeks}
        else:
            reason = ngettext(
                "Senaste lägesrapporten är från %(date)s, mer än %(weeks)s vecka sedan.",
                "Senaste lägesrapporten är från %(date)s, mer än %(weeks)s veckor sedan.",
                weeks,
            ) % {"date": _date(activity.last_update_on), "weeks": weeks}
        reminders.append(_activity_reminder(activity, "activity_quiet", reason))
    return reminders


def follow_up_reminders(promises: PromiseQuerySet, today: datetime.date) -> list[Reminder]:
    cutoff = months_before(today, settings.REMINDER_FOLLOW_UP_MONTHS)
    due = (
        promises.due_for_follow_up(cutoff)
        .prefetch_related("follow_up_bodies", "parties")
        .order_by("follow_up_due_from", "pk")
    )
    reminders = []
    for promise in due:
        bodies = {o.pk for o in promise.follow_up_bodies.all()}
        if promise.last_follow_up_on is None:
            reason = _("Löftet har inte följts upp sedan det började gälla %(date)s.") % {
                "date": _date(promise.period_start)
            }
        else:
            reason = _("Senaste uppföljningen gjordes %(date)s.") % {
                "date": _date(promise.last_follow_up_on)
            }
        reason += " " + _("Ett medborgarlöfte följs upp minst en gång om året.")
        reminders.append(
            Reminder(
                key=f"follow_up_due:{promise.pk}",
                title=promise.title,
                context=_("Uppföljning"),
                reason=reason,
                path=promise.get_staff_url(),
                organisation_ids=frozenset(bodies or {o.pk for o in promise.parties.all()}),
                min_role=Role.EDITOR,
            )
        )
    return reminders


ReminderSource = Callable[[datetime.date, set[int] | None], list[Reminder]]


@cache
def reminder_sources() -> tuple[ReminderSource, ...]:
    """The REMINDER_SOURCES of the other installed apps' `reminders` modules."""
    found: list[ReminderSource] = []
    for config in apps.get_app_configs():
        name = f"{config.name}.reminders"
        if config.name != "promises" and find_spec(name) is not None:
            found.extend(getattr(import_module(name), "REMINDER_SOURCES", ()))
    return tuple(found)


def due_reminders(today: datetime.date | None = None) -> list[Reminder]:
    """Every reminder due on the platform today."""
    today = today or timezone.localdate()
    contributed = [r for source in reminder_sources() for r in source(today, None)]
    return (
        activity_reminders(Activity.objects.all(), today)
        + follow_up_reminders(Promise.objects.all(), today)
        + contributed
    )


def reminders_for_user(
    user: AbstractBaseUser, today: datetime.date | None = None
) -> list[Reminder]:
    """The reminders addressed to this user (through their organisations and roles)."""
    today = today or timezone.localdate()
    access = access_for(user)
    editor_of = access.org_ids(Role.EDITOR)
    activities = Activity.objects.responsible_among(access.org_ids(Role.REPORTER))
    promise_ids = Promise.objects.filter(
        Q(follow_up_bodies__in=editor_of) | Q(parties__in=editor_of)
    ).values("pk")
    reminders = activity_reminders(activities, today) + follow_up_reminders(
        Promise.objects.filter(pk__in=promise_ids), today
    )
    own = access.org_ids()
    reminders += [r for source in reminder_sources() for r in source(today, own)]
    return [r for r in reminders if access.has(r.organisation_ids, r.min_role)]
