"""Recording progress on an activity."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from organisations.access import access_for
from organisations.auditlog import record, snapshot
from organisations.models import Role
from promises.access import can_moderate_progress, party_ids
from promises.models import Activity, ProgressUpdate
from promises.services.editing import audited_update, parties_of


def reporting_organisation_id(user: AbstractBaseUser, activity: Activity) -> int | None:
    """The organisation the user reports for: the responsible one if a member, else the party
    they administer."""
    access = access_for(user)
    if access.role_in(activity.responsible_id):
        return activity.responsible_id
    admin_of = access.org_ids(Role.ADMIN) & party_ids(activity.commitment.promise)
    return min(admin_of) if admin_of else None


@transaction.atomic
def record_progress(
    *,
    activity: Activity,
    user: AbstractBaseUser | None,
    update: ProgressUpdate,
    new_status: str | None = None,
) -> ProgressUpdate:
    """Save a progress update. A public one is approved at once when its author may approve
    it (an editor); a reporter's waits for an editor's review. `user=None` is the platform's
    own command line, which has every right: its updates count as the responsible
    organisation's and are approved as they are saved."""
    update.activity = activity
    update.author = user
    if user is None:
        update.author_organisation_id = activity.responsible_id
        may_approve = True
    else:
        update.author_organisation_id = reporting_organisation_id(user, activity)
        may_approve = can_moderate_progress(access_for(user), activity)
    if update.is_public and may_approve:
        update.approved_by, update.approved_at = user, timezone.now()
    update.save()
    record(
        actor=user,
        action="activity.progress_recorded",
        obj=update,
        parties=parties_of(activity),
        after=snapshot(update),
    )
    if new_status and new_status != activity.status:
        audited_update(activity, user=user, action="activity.status_changed", status=new_status)
    return update


@transaction.atomic
def review_progress(
    *, update: ProgressUpdate, user: AbstractBaseUser, text: str, publish: bool
) -> ProgressUpdate:
    """Approve a reporter's update for the public pages, possibly with names redacted from the
    text, or keep it internal."""
    return audited_update(
        update,
        user=user,
        action="activity.progress_approved" if publish else "activity.progress_kept_internal",
        text=text,
        is_public=publish,
        approved_by=user if publish else None,
        approved_at=timezone.now() if publish else None,
    )
