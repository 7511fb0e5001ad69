"""The only way staff views reach residents' reports, dialogues and safety walks.

Reports are moderated by editors of the municipality they concern and of the police area that
covers it; an organisation a report is routed to reads it and answers it (editors). Dialogues
and safety walks belong to the organisation that recorded them: its members read, its editors
edit. Anything else answers 404 (existence not revealed) or 403.
"""

from enum import Enum

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from organisations.access import Access, access_for
from organisations.models import Organisation, Role
from participation.models import Dialogue, ResidentReport, SafetyWalk


class Need(Enum):
    READ = "read"
    RESPOND = "respond"  # set status and the public answer (routed organisation or moderator)
    MODERATE = "moderate"  # approve, redact, location precision, route
    EDIT = "edit"


def moderated_municipality_ids(access: Access) -> set[int]:
    """Municipalities whose reports the user moderates: as an editor of the municipality or of
    a police area covering it."""
    orgs = Organisation.objects.filter(id__in=access.org_ids(Role.EDITOR))
    ids = set(
        orgs.filter(kind=Organisation.Kind.MUNICIPALITY).values_list("municipality_id", flat=True)
    )
    ids |= set(
        orgs.filter(kind=Organisation.Kind.POLICE_AREA).values_list(
            "police_area__municipalities", flat=True
        )
    )
    return {i for i in ids if i is not None}


def reports_visible_to(user: AbstractBaseUser) -> QuerySet[ResidentReport]:
    access = access_for(user)
    return ResidentReport.objects.filter(
        Q(municipality_id__in=moderated_municipality_ids(access))
        | Q(responsible_id__in=access.org_ids())
    )


def reports_of_organisation(organisation: Organisation) -> Q:
    """The reports one organisation handles: those it moderates (a municipality, or a police
    area's municipalities) and those routed to it. Combine with reports_visible_to()."""
    if organisation.kind == Organisation.Kind.MUNICIPALITY:
        moderated = Q(municipality_id=organisation.municipality_id)
    elif organisation.kind == Organisation.Kind.POLICE_AREA and organisation.police_area_id:
        moderated = Q(municipality__police_areas=organisation.police_area_id)
    else:
        moderated = Q(pk__in=[])
    return moderated | Q(responsible_id=organisation.pk)


def can_moderate(access: Access, report: ResidentReport) -> bool:
    return report.municipality_id in moderated_municipality_ids(access)


def can_respond(access: Access, report: ResidentReport) -> bool:
    routed = report.responsible_id is not None and access.has({report.responsible_id}, Role.EDITOR)
    return routed or can_moderate(access, report)


def get_report_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> ResidentReport:
    report = get_object_or_404(
        reports_visible_to(user).select_related("category", "municipality", "responsible"), pk=pk
    )
    access = access_for(user)
    if need is Need.MODERATE and not can_moderate(access, report):
        raise PermissionDenied(
            _("Bara moderatorer för kommunen kan granska och publicera rapporten.")
        )
    if need is Need.RESPOND and not can_respond(access, report):
        raise PermissionDenied(
            _("Bara redaktörer i den ansvariga organisationen kan svara på rapporten.")
        )
    return report


def dialogues_visible_to(user: AbstractBaseUser) -> QuerySet[Dialogue]:
    """Dialogues recorded by the user's organisations."""
    return Dialogue.objects.filter(organisation_id__in=access_for(user).org_ids())


def walks_visible_to(user: AbstractBaseUser) -> QuerySet[SafetyWalk]:
    """Safety walks arranged by the user's organisations."""
    return SafetyWalk.objects.filter(organisation_id__in=access_for(user).org_ids())


def _owned(user: AbstractBaseUser, model: type, pk: int, need: Need) -> object:
    access = access_for(user)
    obj = get_object_or_404(model.objects.filter(organisation_id__in=access.org_ids()), pk=pk)
    if need is not Need.READ and not access.has({obj.organisation_id}, Role.EDITOR):
        raise PermissionDenied(
            _("Bara redaktörer och administratörer i organisationen kan ändra det här.")
        )
    return obj


def get_dialogue_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Dialogue:
    return _owned(user, Dialogue, pk, need)


def get_walk_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> SafetyWalk:
    return _owned(user, SafetyWalk, pk, need)
