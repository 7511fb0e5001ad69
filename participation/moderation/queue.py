"""The moderation queue: which reports a staff member's organisation handles, filtered, with
counts per state, status and category, and the overdue ones marked.

A report is overdue when it has not been handled within REPORT_OVERDUE_DAYS (default 14) of
arriving: still waiting for moderation, or published but still only "mottagen".
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.db.models.fields import BooleanField
from django.utils import timezone

from organisations.access import access_for
from organisations.models import Organisation
from participation.access import reports_of_organisation, reports_visible_to
from participation.models import Moderation, ReportCategory, ReportStatus, ResidentReport


def overdue_days() -> int:
    return int(getattr(settings, "REPORT_OVERDUE_DAYS", 14))


def overdue_q(now: datetime.datetime | None = None) -> Q:
    cutoff = (now or timezone.now()) - datetime.timedelta(days=overdue_days())
    waiting = Q(moderation=Moderation.PENDING) | Q(
        moderation=Moderation.APPROVED, status=ReportStatus.RECEIVED
    )
    return Q(created_at__lt=cutoff) & waiting


def with_overdue(reports: QuerySet[ResidentReport]) -> QuerySet[ResidentReport]:
    return reports.annotate(
        is_overdue=Case(
            When(overdue_q(), then=Value(True)), default=False, output_field=BooleanField()
        )
    )


@dataclass
class Facet:
    value: str
    label: str
    count: int


@dataclass
class Queue:
    organisations: list[Organisation]
    organisation: Organisation | None
    reports: QuerySet[ResidentReport]
    moderation: list[Facet] = field(default_factory=list)
    statuses: list[Facet] = field(default_factory=list)
    categories: list[Facet] = field(default_factory=list)
    overdue: int = 0
    total: int = 0


def queue_organisations(user: AbstractBaseUser) -> list[Organisation]:
    """The user's organisations that moderate or answer reports (for the organisation choice)."""
    visible = reports_visible_to(user)
    return [
        org
        for org in Organisation.objects.filter(id__in=access_for(user).org_ids())
        if visible.filter(reports_of_organisation(org)).exists()
    ]


def _facets(scope: QuerySet, name: str, choices: list[tuple[str, str]]) -> list[Facet]:
    counts = dict(scope.order_by().values_list(name).annotate(n=Count("id")))
    return [Facet(str(value), str(label), counts.get(value, 0)) for value, label in choices]


def build_queue(user: AbstractBaseUser, filters: dict) -> Queue:
    """The reports the filters choose among those of the chosen organisation (or all the user
    handles), newest overdue first, with the counts of the whole scope."""
    organisations = queue_organisations(user)
    chosen = next((o for o in organisations if o.pk == filters.get("organisation")), None)
    scope = reports_visible_to(user)
    if chosen is not None:
        scope = scope.filter(reports_of_organisation(chosen))
    categories = [
        (c.code, str(c)) for c in ReportCategory.objects.filter(reports__in=scope).distinct()
    ]
    queue = Queue(
        organisations=organisations,
        organisation=chosen,
        reports=scope,
        moderation=_facets(scope, "moderation", Moderation.choices),
        statuses=_facets(scope, "status", ReportStatus.choices),
        categories=_facets(scope, "category__code", categories),
        overdue=scope.filter(overdue_q()).count(),
        total=scope.count(),
    )
    reports = scope
    if filters.get("moderation"):
        reports = reports.filter(moderation=filters["moderation"])
    if filters.get("status"):
        reports = reports.filter(status=filters["status"])
    if filters.get("category"):
        reports = reports.filter(category__code=filters["category"])
    if filters.get("overdue"):
        reports = reports.filter(overdue_q())
    queue.reports = (
        with_overdue(reports)
        .select_related("category", "municipality", "responsible")
        .defer("description")
        .order_by("-is_overdue", "-created_at", "-id")
    )
    return queue
