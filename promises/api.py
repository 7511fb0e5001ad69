"""The staff part of the API, for the municipalities' own systems: read the staff view of a
promise and record progress on an activity, authenticated by a personal API token.

The token acts for its user with only the token's organisation (api.tokens.token_user), and the
same access helpers as the staff pages decide, so 403 and 404 follow the same rules.
"""

import datetime
from typing import Literal

from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import ValidationError

from api.errors import Error
from api.params import MAX_ID, IsoDate
from api.tokens import TokenAuth
from organisations.access import access_for
from organisations.auditlog import acting_via
from promises.access import (
    Need,
    can_record_progress,
    get_activity_for_user,
    get_promise_for_user,
    is_party_or_reviewer,
)
from promises.forms.activities import ProgressForm
from promises.models import Activity, Commitment, ProgressUpdate
from promises.services.progress import record_progress

router = Router(tags=["Personal (API-nyckel)"], auth=TokenAuth())

StatusValue = Literal["planned", "ongoing", "done", "partly", "not_done", "cancelled"]
ERRORS = {401: Error, 403: Error, 404: Error, 422: Error}


class StaffActivity(Schema):
    id: int
    title: str
    description: str
    status: StatusValue
    responsible_id: int
    responsible: str
    responsible_function: str
    start: datetime.date
    end: datetime.date
    target_quantity: int | None
    unit: str
    counts_people: bool
    done_quantity: int = Field(description="Summan av alla lägesrapporter, även interna.")
    update_count: int
    internal_update_count: int
    awaiting_review_count: int
    can_record_progress: bool = Field(description="Får nyckeln rapportera läget här?")


class StaffCommitment(Schema):
    id: int
    text: str
    given_by: str
    party: str | None
    target_quantity: int | None
    unit: str
    activities: list[StaffActivity]


class StaffFollowUp(Schema):
    id: int
    date: datetime.date
    is_published: bool
    summary: str


class StaffPromise(Schema):
    id: int
    title: str
    status: Literal["draft", "adopted", "published", "concluded", "replaced"]
    period_start: datetime.date
    period_end: datetime.date
    parties: list[str]
    goal: str
    commitments: list[StaffCommitment]
    follow_ups: list[StaffFollowUp]


class ProgressIn(Schema):
    date: IsoDate = Field(description="När det gjordes; inte i framtiden.")
    text: str = Field(min_length=1, max_length=5000, description="Vad som gjordes. Inga namn.")
    quantity: int = Field(0, ge=0, le=1_000_000, description="Läggs till antal genomförda.")
    is_public: bool = Field(description="Visas publikt (efter granskning om det behövs).")
    new_status: StatusValue | None = Field(None, description="Ny status för aktiviteten.")


class ProgressOut(Schema):
    id: int
    activity_id: int
    date: datetime.date
    text: str
    quantity: int
    is_public: bool
    publication: Literal["published", "awaiting_review", "internal"]
    activity_status: StatusValue


def _activities() -> Prefetch:
    updates = "updates"
    activities = (
        Activity.objects.with_progress()
        .select_related("responsible")
        .annotate(
            update_count=Count(updates, distinct=True),
            internal_update_count=Count(updates, filter=Q(updates__is_public=False), distinct=True),
            awaiting_review_count=Count(
                updates,
                filter=Q(updates__is_public=True, updates__approved_at__isnull=True),
                distinct=True,
            ),
        )
    )
    return Prefetch("activities", queryset=activities)


def _staff_activity(a: Activity, request: HttpRequest) -> dict:
    return {
        **{f: getattr(a, f) for f in StaffActivity.model_fields if hasattr(a, f)},
        "responsible": a.responsible.name,
        "can_record_progress": can_record_progress(access_for(request.user), a),
    }


@router.get(
    "/promises/{int:promise_id}",
    response={200: StaffPromise, **ERRORS},
    url_name="staff_promise_detail",
    summary="Ett löfte som personalen ser det",
)
def staff_promise_detail(
    request: HttpRequest, promise_id: int = Path(..., ge=1, le=MAX_ID)
) -> dict:
    """Löftet med alla aktiviteter (även i utkast), antal interna och ogranskade lägesrapporter
    och uppföljningar; bara det som nyckelns organisation får läsa."""
    promise = get_promise_for_user(request.user, promise_id)
    commitments = (
        Commitment.objects.filter(promise=promise)
        .select_related("party")
        .prefetch_related(_activities())
    )
    follow_ups = promise.follow_ups.order_by("-date", "-id")
    if not is_party_or_reviewer(access_for(request.user), promise):
        follow_ups = follow_ups.filter(is_published=True)
    return {
        "id": promise.pk,
        "title": promise.title,
        "status": promise.status,
        "period_start": promise.period_start,
        "period_end": promise.period_end,
        "parties": [p.name for p in promise.parties.all()],
        "goal": promise.goal,
        "commitments": [
            {
                "id": c.pk,
                "text": c.text,
                "given_by": c.given_by,
                "party": c.party.name if c.party else None,
                "target_quantity": c.target_quantity,
                "unit": c.unit,
                "activities": [_staff_activity(a, request) for a in c.activities.all()],
            }
            for c in commitments
        ],
        "follow_ups": [
            {"id": f.pk, "date": f.date, "is_published": f.is_published, "summary": f.summary}
            for f in follow_ups
        ],
    }


def _publication(update: ProgressUpdate) -> str:
    if update.is_published:
        return "published"
    return "awaiting_review" if update.awaits_review else "internal"


@router.post(
    "/activities/{int:activity_id}/progress",
    response={201: ProgressOut, 400: Error, **ERRORS},  # 400: a body that is not JSON
    url_name="staff_progress_create",
    summary="Rapportera läget för en aktivitet",
)
def staff_progress_create(
    request: HttpRequest, payload: ProgressIn, activity_id: int = Path(..., ge=1, le=MAX_ID)
) -> Status:
    """Som formuläret ”Rapportera läget”: samma regler för vem som får rapportera och samma
    granskning innan en publik text visas. Ändringen loggas med nyckeln angiven."""
    activity = get_activity_for_user(request.user, activity_id, Need.PROGRESS)
    data = payload.dict()
    data["new_status"] = data["new_status"] or ""
    form = ProgressForm(data, activity=activity, instance=ProgressUpdate(activity=activity))
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ("body", "payload", name), "msg": " ".join(messages)}
                for name, messages in form.errors.items()
            ]
        )
    with acting_via(request.auth.audit_label()):
        update = record_progress(
            activity=activity,
            user=request.user,
            update=form.save(commit=False),
            new_status=form.cleaned_data["new_status"] or None,
        )
    return Status(
        201,
        {
            "id": update.pk,
            "activity_id": activity.pk,
            "date": update.date,
            "text": update.text,
            "quantity": update.quantity,
            "is_public": update.is_public,
            "publication": _publication(update),
            "activity_status": activity.status,
        },
    )
