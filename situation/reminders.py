"""Reminders of the lägesbild: an åtgärdsplan due for review (law 2023:196; the interval is the
plan's own, every second year by default). Listed on the staff dashboard and e-mailed by
`send_notifications` through promises.reminders' REMINDER_SOURCES, like every reminder.

The municipality's own organisation is responsible for the plan: its editors are reminded from
ACTION_PLAN_REVIEW_REMINDER_DAYS (default 60) days before the review is due until it is
registered as done, which moves the review date on.
"""

import datetime

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations.models import Organisation, Role
from promises.reminders import Reminder
from situation.models import ActionPlan


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "j F Y")


def action_plan_reminders(today: datetime.date, org_ids: set[int] | None) -> list[Reminder]:
    ahead = today + datetime.timedelta(days=settings.ACTION_PLAN_REVIEW_REMINDER_DAYS)
    plans = ActionPlan.objects.due_for_review(ahead).select_related("municipality")
    responsible = Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)
    if org_ids is not None:
        responsible = responsible.filter(id__in=org_ids)
        plans = plans.filter(municipality__organisations__in=responsible)
    by_municipality: dict[int, set[int]] = {}
    for org_id, municipality_id in responsible.filter(
        municipality__action_plans__in=plans
    ).values_list("id", "municipality_id"):
        by_municipality.setdefault(municipality_id, set()).add(org_id)
    reminders = []
    for plan in plans.distinct().order_by("next_review_on", "pk"):
        every = ngettext(
            "Planen ses över varje år.",
            "Planen ses över vart %(n)s:e år.",
            plan.review_interval_years,
        ) % {"n": plan.review_interval_years}
        if plan.next_review_on < today:
            reason = _("Översynen skulle ha gjorts senast %(date)s.")
        else:
            reason = _("Planen ska ses över senast %(date)s.")
        reason = (reason % {"date": _date(plan.next_review_on)}) + " " + every
        reminders.append(
            Reminder(
                key=f"action_plan_review:{plan.pk}:{plan.next_review_on.isoformat()}",
                title=plan.title,
                context=_("Åtgärdsplan, %(municipality)s") % {"municipality": plan.municipality},
                reason=reason,
                path=plan.get_staff_url(),
                organisation_ids=frozenset(by_municipality.get(plan.municipality_id, ())),
                min_role=Role.EDITOR,
            )
        )
    return reminders


REMINDER_SOURCES = [action_plan_reminders]
