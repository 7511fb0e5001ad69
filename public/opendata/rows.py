"""The rows of each open-data table, from public data only (the columns are in `tables`).

Rows are read with `.iterator(chunk_size=CHUNK)` (mostly as value tuples), in id order, so memory
does not grow with the data. What is public is decided as on the public pages:
`Promise.objects.public()`, `ProgressUpdate.objects.published()`, published follow-ups, public
indicators and agreements; figures that count people pass through `core.privacy.public_count`.
"""

from collections.abc import Iterator
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse

from core.privacy import FigureState, public_count
from organisations.models import Organisation
from promises.models import (
    Activity,
    Agreement,
    Commitment,
    FocusArea,
    FollowUp,
    GovernanceGroup,
    Indicator,
    Measurement,
    ProgressUpdate,
    Promise,
    Verdict,
)
from promises.models.followups import ReviewerKind
from public.opendata.scopes import Scope

CHUNK = 1000

Row = tuple


def _figure(value: int | Decimal | None, counts_people: bool) -> tuple[object, str]:
    figure = public_count(value, counts_people=counts_people).as_dict()
    return figure["value"], figure["state"]


def _url(name: str, pk: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[pk])


def promise_rows(scope: Scope) -> Iterator[Row]:
    parties = Organisation.objects.select_related("municipality", "police_area").order_by("name")
    promises = (
        Promise.objects.filter(id__in=scope.promise_ids())
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            Prefetch("focus_areas", queryset=FocusArea.objects.order_by("name")),
        )
        .order_by("id")
    )
    for p in promises.iterator(chunk_size=CHUNK):
        orgs = list(p.parties.all())
        yield (
            p.id,
            p.title,
            p.status,
            p.period_start,
            p.period_end,
            p.geography,
            [o.name for o in orgs],
            sorted(o.municipality.code for o in orgs if o.is_municipality and o.municipality),
            [o.police_area.name for o in orgs if o.police_area_id],
            [f.name for f in p.focus_areas.all()],
            p.goal,
            p.basis,
            _url("public:promise", p.id),
            p.published_at,
        )


def commitment_rows(scope: Scope) -> Iterator[Row]:
    yield from (
        Commitment.objects.filter(promise_id__in=scope.promise_ids())
        .order_by("id")
        .values_list(
            "id",
            "promise_id",
            "given_by",
            "party__name",
            "text",
            "focus_area__name",
            "target_quantity",
            "unit",
        )
        .iterator(chunk_size=CHUNK)
    )


def activity_rows(scope: Scope) -> Iterator[Row]:
    activities = (
        Activity.objects.with_progress()
        .filter(commitment__promise_id__in=scope.promise_ids())
        .order_by("id")
        .values_list(
            "id",
            "commitment_id",
            "commitment__promise_id",
            "title",
            "description",
            "responsible__name",
            "responsible_function",
            "start",
            "end",
            "target_quantity",
            "unit",
            "status",
            "done_quantity",
            "counts_people",
        )
    )
    for *head, target, unit, status, done, people in activities.iterator(chunk_size=CHUNK):
        yield (*head, *_figure(target, people), unit, status, *_figure(done, people))


def progress_update_rows(scope: Scope) -> Iterator[Row]:
    updates = (
        ProgressUpdate.objects.published()
        .filter(activity__commitment__promise_id__in=scope.promise_ids())
        .order_by("id")
        .values_list(
            "id",
            "activity_id",
            "activity__commitment__promise_id",
            "date",
            "text",
            "quantity",
            "activity__counts_people",
        )
    )
    suppressed = FigureState.SUPPRESSED.value
    for *head, quantity, people in updates.iterator(chunk_size=CHUNK):
        # One update's count of people is always too small to publish: only the activity's
        # total (suppressed when small) is.
        yield (*head, None, suppressed) if people else (*head, *_figure(quantity, False))


def follow_up_rows(scope: Scope) -> Iterator[Row]:
    kinds = dict(ReviewerKind.choices)
    follow_ups = (
        FollowUp.objects.filter(is_published=True, promise_id__in=scope.promise_ids())
        .order_by("id")
        .values_list(
            "id",
            "promise_id",
            "date",
            "reviewer_kind",
            "reviewer_name",
            "summary",
            "reported_to_council_on",
        )
    )
    for pk, promise_id, date, kind, name, summary, reported in follow_ups.iterator(CHUNK):
        yield (pk, promise_id, date, name or str(kinds.get(kind, kind)), summary, reported)


def verdict_rows(scope: Scope) -> Iterator[Row]:
    yield from (
        Verdict.objects.filter(
            follow_up__is_published=True, follow_up__promise_id__in=scope.promise_ids()
        )
        .order_by("id")
        .values_list("id", "follow_up_id", "commitment_id", "verdict", "reason")
        .iterator(chunk_size=CHUNK)
    )


def indicator_rows(scope: Scope) -> Iterator[Row]:
    indicators = (
        Indicator.objects.filter(is_public=True, promise_id__in=scope.promise_ids())
        .order_by("id")
        .values_list(
            "id",
            "promise_id",
            "name",
            "definition",
            "source",
            "unit",
            "direction",
            "baseline",
            "baseline_year",
            "target",
            "target_year",
            "counts_people",
        )
    )
    for *head, baseline, baseline_year, target, target_year, people in indicators.iterator(
        chunk_size=CHUNK
    ):
        yield (
            *head,
            *_figure(baseline, people),
            baseline_year,
            *_figure(target, people),
            target_year,
        )


def measurement_rows(scope: Scope) -> Iterator[Row]:
    measurements = (
        Measurement.objects.filter(
            indicator__is_public=True, indicator__promise_id__in=scope.promise_ids()
        )
        .order_by("id")
        .values_list(
            "id", "indicator_id", "date", "value", "low", "high", "note", "indicator__counts_people"
        )
    )
    for pk, indicator_id, date, value, low, high, note, people in measurements.iterator(
        chunk_size=CHUNK
    ):
        shown, state = _figure(value, people)
        limits = (low, high) if shown is not None else (None, None)
        yield (pk, indicator_id, date, shown, state, *limits, note)


def agreement_rows(scope: Scope) -> Iterator[Row]:
    parties = Organisation.objects.select_related("municipality").order_by("name")
    agreements = (
        Agreement.objects.filter(id__in=scope.agreement_ids())
        .prefetch_related(Prefetch("parties", queryset=parties))
        .order_by("id")
    )
    for a in agreements.iterator(chunk_size=CHUNK):
        orgs = list(a.parties.all())
        yield (
            a.id,
            a.title,
            [o.name for o in orgs],
            sorted(o.municipality.code for o in orgs if o.is_municipality and o.municipality),
            a.purpose,
            a.problems,
            a.causes,
            [line.strip() for line in a.goals.splitlines() if line.strip()],
            a.documentation,
            a.follow_up_plan,
            a.signed_on,
            a.valid_from,
            a.valid_until,
        )


def governance_group_rows(scope: Scope) -> Iterator[Row]:
    groups = GovernanceGroup.objects.filter(agreement_id__in=scope.agreement_ids()).order_by("id")
    for g in groups.iterator(chunk_size=CHUNK):
        yield (g.id, g.agreement_id, g.kind, g.name, g.task, g.member_roles())
