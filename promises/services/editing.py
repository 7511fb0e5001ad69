"""Saving staff forms with an audit entry, and the revision rule for published promises."""

from collections.abc import Iterable

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone

from organisations import auditlog
from organisations.models import Organisation
from promises.models import (
    Activity,
    Agreement,
    Commitment,
    FollowUp,
    GovernanceGroup,
    Indicator,
    IndicatorAssessment,
    Measurement,
    PlanRevision,
    ProgressUpdate,
    Promise,
    PromiseRevision,
    PromiseStatus,
    Verdict,
)


def parties_of(obj: models.Model) -> list[int]:
    """The organisations whose members may read the audit trail of `obj`."""
    promise = _promise_of(obj)
    if promise is not None:
        ids = set(promise.parties.values_list("id", flat=True))
        ids |= set(promise.follow_up_bodies.values_list("id", flat=True))
        if isinstance(obj, Activity):
            ids.add(obj.responsible_id)
        return sorted(ids)
    if isinstance(obj, GovernanceGroup):
        obj = obj.agreement
    if isinstance(obj, Agreement):
        return sorted(obj.parties.values_list("id", flat=True))
    if isinstance(obj, Organisation):
        return [obj.pk]
    organisation_id = getattr(obj, "organisation_id", None)
    return [organisation_id] if organisation_id else []


def _promise_of(obj: models.Model) -> Promise | None:
    if isinstance(obj, Promise):
        return obj
    if isinstance(obj, Commitment | PlanRevision | FollowUp | Indicator):
        return obj.promise
    if isinstance(obj, Activity):
        return obj.commitment.promise
    if isinstance(obj, ProgressUpdate):
        return obj.activity.commitment.promise
    if isinstance(obj, Verdict | IndicatorAssessment):
        return obj.follow_up.promise
    if isinstance(obj, Measurement):
        return obj.indicator.promise
    return None


def audited_save(
    form: forms.ModelForm,
    *,
    user: AbstractBaseUser,
    action: str,
    extra_parties: Iterable[int] = (),
    **save_attrs: object,
) -> models.Model:
    """Save a model form with an audit entry readable by the object's parties."""
    return auditlog.audited_save(
        form,
        user=user,
        action=action,
        parties=lambda obj: set(parties_of(obj)) | set(extra_parties),
        **save_attrs,
    )


def audited_create(
    obj: models.Model, *, user: AbstractBaseUser | None, action: str
) -> models.Model:
    """Save a new object (built without a form) with an audit entry readable by its parties."""
    return auditlog.audited_create(obj, user=user, action=action, parties=parties_of)


def audited_update(
    obj: models.Model, *, user: AbstractBaseUser | None, action: str, **changes: object
) -> models.Model:
    """Change fields of an object with an audit entry readable by the object's parties."""
    return auditlog.audited_update(
        obj, user=user, action=action, parties=parties_of(obj), **changes
    )


def audited_delete(obj: models.Model, *, user: AbstractBaseUser, action: str) -> None:
    auditlog.audited_delete(obj, user=user, action=action, parties=parties_of(obj))


def promise_snapshot(promise: Promise) -> dict:
    """The public text of a promise, as kept in an immutable revision."""
    commitments = Commitment.objects.filter(promise=promise).select_related("party", "focus_area")
    return {
        "title": promise.title,
        "period_start": promise.period_start.isoformat(),
        "period_end": promise.period_end.isoformat(),
        "geography": promise.geography,
        "parties": sorted(promise.parties.values_list("name", flat=True)),
        "focus_areas": sorted(promise.focus_areas.values_list("name", flat=True)),
        "intro": promise.intro,
        "goal": promise.goal,
        "basis": promise.basis,
        "follow_along": promise.follow_along,
        "plain_summary": promise.plain_summary,
        "signed_on": promise.signed_on.isoformat() if promise.signed_on else None,
        "signatories": promise.signatory_titles(),
        "commitments": [
            {
                "given_by": c.giver_label(),
                "text": c.text,
                "target": c.target_text(),
                "focus_area": c.focus_area.name if c.focus_area else None,
            }
            for c in commitments
        ],
    }


def add_revision(promise: Promise, *, user: AbstractBaseUser | None, note: str) -> PromiseRevision:
    last = promise.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    return PromiseRevision.objects.create(
        promise=promise,
        number=last + 1,
        published_at=timezone.now(),
        published_by=user,
        snapshot=promise_snapshot(promise),
        change_note=note,
    )


def save_promise_text(
    form: forms.ModelForm,
    *,
    promise: Promise,
    user: AbstractBaseUser,
    action: str,
    change_note: str = "",
    **save_attrs: object,
) -> models.Model:
    """Save a change to a promise's text (the promise itself or one of its commitments).

    After publishing, the published text is never overwritten silently: the change is saved
    together with a new revision carrying the change note, and the public page shows the history.
    """
    with transaction.atomic():
        obj = audited_save(form, user=user, action=action, **save_attrs)
        if promise.status == PromiseStatus.PUBLISHED:
            add_revision(promise, user=user, note=change_note)
    return obj


def delete_commitment(
    commitment: Commitment, *, user: AbstractBaseUser, change_note: str = ""
) -> None:
    promise = commitment.promise
    with transaction.atomic():
        audited_delete(commitment, user=user, action="commitment.deleted")
        if promise.status == PromiseStatus.PUBLISHED:
            add_revision(promise, user=user, note=change_note)
