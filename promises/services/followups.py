"""Recording and publishing a follow-up with its verdicts and indicator assessments."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from organisations.auditlog import record, snapshot
from promises.models import FollowUp, IndicatorAssessment, Verdict
from promises.services.editing import audited_update, parties_of


def _follow_up_state(follow_up: FollowUp) -> dict | None:
    state = snapshot(follow_up)
    if state is None:
        return None
    state["verdicts"] = {
        str(v.commitment_id): [v.verdict, v.reason] for v in follow_up.verdicts.all()
    }
    state["assessments"] = {
        str(a.indicator_id): [a.light, a.comment] for a in follow_up.assessments.all()
    }
    return state


@transaction.atomic
def save_follow_up(
    *,
    follow_up: FollowUp,
    user: AbstractBaseUser,
    verdicts: dict[int, tuple[str, str]],
    assessments: dict[int, tuple[str, str]],
) -> FollowUp:
    """Save the follow-up and replace its verdicts (commitment id → verdict, reason) and
    indicator assessments (indicator id → light, comment)."""
    is_new = follow_up.pk is None
    before = None if is_new else _follow_up_state(FollowUp.objects.get(pk=follow_up.pk))
    if is_new:
        follow_up.created_by = user
    follow_up.save()
    follow_up.verdicts.all().delete()
    Verdict.objects.bulk_create(
        Verdict(follow_up=follow_up, commitment_id=cid, verdict=v, reason=r)
        for cid, (v, r) in verdicts.items()
    )
    follow_up.assessments.all().delete()
    IndicatorAssessment.objects.bulk_create(
        IndicatorAssessment(follow_up=follow_up, indicator_id=iid, light=light, comment=comment)
        for iid, (light, comment) in assessments.items()
    )
    record(
        actor=user,
        action="follow_up.created" if is_new else "follow_up.changed",
        obj=follow_up,
        parties=parties_of(follow_up),
        before=before,
        after=_follow_up_state(follow_up),
    )
    return follow_up


@transaction.atomic
def set_follow_up_published(
    *, follow_up: FollowUp, user: AbstractBaseUser, publish: bool
) -> FollowUp:
    return audited_update(
        follow_up,
        user=user,
        action="follow_up.published" if publish else "follow_up.unpublished",
        is_published=publish,
        published_at=timezone.now() if publish else None,
    )
