"""The only way staff views reach agreements, promises, activities and follow-ups.

Each `get_<thing>_for_user()` answers 404 when the user's organisations have nothing to do with
the object (so its existence is not revealed) and 403 when they may see it but not do `need`.
"""

from enum import Enum

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from organisations.access import Access, access_for
from organisations.models import AuditEntry, Role
from promises.models import (
    Activity,
    Agreement,
    Commitment,
    FollowUp,
    GovernanceGroup,
    Indicator,
    ProgressUpdate,
    Promise,
)


class Need(Enum):
    READ = "read"
    EDIT = "edit"
    PROGRESS = "progress"
    MODERATE = "moderate"
    FOLLOW_UP = "follow_up"


def party_ids(promise: Promise) -> set[int]:
    if not hasattr(promise, "_party_ids"):
        promise._party_ids = set(promise.parties.values_list("id", flat=True))
    return promise._party_ids


def follow_up_body_ids(promise: Promise) -> set[int]:
    if not hasattr(promise, "_follow_up_body_ids"):
        promise._follow_up_body_ids = set(promise.follow_up_bodies.values_list("id", flat=True))
    return promise._follow_up_body_ids


def can_edit_promise(access: Access, promise: Promise) -> bool:
    return access.has(party_ids(promise), Role.EDITOR)


def can_follow_up(access: Access, promise: Promise) -> bool:
    return access.has(party_ids(promise) | follow_up_body_ids(promise), Role.EDITOR)


def can_moderate_progress(access: Access, activity: Activity) -> bool:
    """Editors of the responsible organisation or of a party approve updates for publication."""
    return access.has(
        {activity.responsible_id} | party_ids(activity.commitment.promise), Role.EDITOR
    )


def can_record_progress(access: Access, activity: Activity) -> bool:
    """Members of the responsible organisation (reporter and up), or an admin of a party."""
    return access.has({activity.responsible_id}, Role.REPORTER) or access.has(
        party_ids(activity.commitment.promise), Role.ADMIN
    )


EDITORS_ONLY = _(
    "Bara redaktörer och administratörer hos en av parterna kan ändra det här. Du kan läsa det, "
    "men din roll ger inte rätt att ändra."
)
FOLLOW_UP_ONLY = _(
    "Uppföljningar och indikatorer registreras av redaktörer hos parterna eller hos det organ som "
    "följer upp löftet, till exempel det lokala brottsförebyggande rådet."
)
MODERATORS_ONLY = _(
    "Lägesrapporter godkänns för publicering av redaktörer i den ansvariga organisationen eller "
    "hos en av parterna."
)
PROGRESS_ONLY = _(
    "Läget för en aktivitet rapporteras bara av medlemmar i den ansvariga organisationen "
    "(rapportör, redaktör eller administratör) eller av en administratör hos en av parterna."
)


def _check(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def get_promise_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Promise:
    access = access_for(user)
    promise = get_object_or_404(Promise.objects.visible_to_orgs(access.org_ids()), pk=pk)
    if need is Need.EDIT:
        _check(can_edit_promise(access, promise), EDITORS_ONLY)
    elif need is Need.FOLLOW_UP:
        _check(can_follow_up(access, promise), FOLLOW_UP_ONLY)
    elif need is Need.PROGRESS:
        raise ValueError("progress is recorded on an activity, not on a promise")
    return promise


def get_commitment_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.EDIT) -> Commitment:
    commitment = get_object_or_404(Commitment.objects.select_related("promise", "party"), pk=pk)
    commitment.promise = get_promise_for_user(user, commitment.promise_id, need)
    return commitment


def get_activity_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related("commitment__promise", "responsible"), pk=pk
    )
    access = access_for(user)
    promise_need = Need.EDIT if need is Need.EDIT else Need.READ
    activity.commitment.promise = get_promise_for_user(
        user, activity.commitment.promise_id, promise_need
    )
    if need is Need.PROGRESS:
        _check(can_record_progress(access, activity), PROGRESS_ONLY)
    if need is Need.MODERATE:
        _check(can_moderate_progress(access, activity), MODERATORS_ONLY)
    return activity


def get_progress_update_for_user(
    user: AbstractBaseUser, pk: int, need: Need = Need.MODERATE
) -> ProgressUpdate:
    update = get_object_or_404(ProgressUpdate, pk=pk)
    update.activity = get_activity_for_user(user, update.activity_id, need)
    return update


def is_party_or_reviewer(access: Access, promise: Promise) -> bool:
    """Parties and reviewing bodies read everything of a promise; an organisation that is only
    responsible for one of its activities reads the plan, not unpublished follow-ups."""
    return access.has(party_ids(promise) | follow_up_body_ids(promise))


def get_follow_up_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> FollowUp:
    follow_up = get_object_or_404(FollowUp.objects.select_related("promise"), pk=pk)
    promise_need = Need.READ if need is Need.READ else Need.FOLLOW_UP
    follow_up.promise = get_promise_for_user(user, follow_up.promise_id, promise_need)
    if not (follow_up.is_published or is_party_or_reviewer(access_for(user), follow_up.promise)):
        raise Http404
    return follow_up


def get_indicator_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Indicator:
    indicator = get_object_or_404(Indicator.objects.select_related("promise"), pk=pk)
    promise_need = Need.READ if need is Need.READ else Need.FOLLOW_UP
    indicator.promise = get_promise_for_user(user, indicator.promise_id, promise_need)
    return indicator


def get_agreement_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Agreement:
    access = access_for(user)
    agreement = get_object_or_404(Agreement.objects.visible_to_orgs(access.org_ids()), pk=pk)
    if need is not Need.READ:
        parties = set(agreement.parties.values_list("id", flat=True))
        _check(access.has(parties, Role.EDITOR), EDITORS_ONLY)
    return agreement


def get_group_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.EDIT) -> GovernanceGroup:
    group = get_object_or_404(GovernanceGroup, pk=pk)
    group.agreement = get_agreement_for_user(user, group.agreement_id, need)
    return group


def history_for(user: AbstractBaseUser, obj: models.Model, limit: int = 20) -> list[AuditEntry]:
    """The object's audit entries that the user's organisations may read."""
    org_ids = access_for(user).org_ids()
    return list(AuditEntry.objects.for_object(obj).readable_by_orgs(org_ids)[:limit])


def can_import_plan(access: Access, promise: Promise) -> bool:
    """Who is offered the upload of a changed plan: editors of a party (who change the plan) and
    anyone who may report progress on one of its activities. Each row is still checked."""
    if can_edit_promise(access, promise) or access.has(party_ids(promise), Role.ADMIN):
        return True
    responsible = Activity.objects.filter(commitment__promise=promise).values_list(
        "responsible_id", flat=True
    )
    return access.has(set(responsible), Role.REPORTER)


IMPORTERS_ONLY = _(
    "Bara redaktörer hos parterna och de som rapporterar läget för någon av löftets aktiviteter "
    "kan läsa in en aktivitetsplan."
)
