"""The only way staff views reach lägesbilder, EST observations and åtgärdsplaner.

A lägesbild, an EST observation and an åtgärdsplan belong to one or more municipalities. Staff
of an organisation that works in the municipality (the municipality itself, its BRÅ, a housing
company there) or of the police area that covers it read them; editors of those organisations
edit them. An EST reporter submits only for an organisation they are a member of (reporter role
and up). Police events are public data: anyone may read them; editors import them. Anything the
user has nothing to do with answers 404 (existence not revealed); what they may read but not
change answers 403.
"""

from enum import Enum

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from organisations.access import Access, access_for
from organisations.models import Organisation, Role
from situation.models import ActionPlan, EstObservation, SituationReport, WeeklyCompilation


class Need(Enum):
    READ = "read"
    EDIT = "edit"


def municipality_ids(access: Access, min_role: str = Role.VIEWER) -> set[int]:
    """Municipalities the user's organisations (with at least `min_role`) work in or cover."""
    org_ids = access.org_ids(min_role)
    if not org_ids:
        return set()
    orgs = Organisation.objects.filter(id__in=org_ids)
    own = set(orgs.filter(municipality__isnull=False).values_list("municipality_id", flat=True))
    covered = orgs.filter(police_area__isnull=False).values_list(
        "police_area__municipalities", flat=True
    )
    return own | {m for m in covered if m is not None}


def _cached_ids(access: Access, min_role: str) -> set[int]:
    cache = access.__dict__.setdefault("_situation_municipalities", {})
    if min_role not in cache:
        cache[min_role] = municipality_ids(access, min_role)
    return cache[min_role]


def readable_municipality_ids(user: AbstractBaseUser) -> set[int]:
    return _cached_ids(access_for(user), Role.VIEWER)


def editable_municipality_ids(user: AbstractBaseUser) -> set[int]:
    return _cached_ids(access_for(user), Role.EDITOR)


def can_import(user: AbstractBaseUser) -> bool:
    """Editors of any organisation that works in a municipality, and platform admins."""
    access = access_for(user)
    return access.is_platform_admin or bool(editable_municipality_ids(user))


# Lägesbilder


def reports_visible_to(user: AbstractBaseUser) -> QuerySet[SituationReport]:
    ids = readable_municipality_ids(user)
    return SituationReport.objects.filter(
        Q(municipalities__in=ids) | Q(organisation_id__in=access_for(user).org_ids())
    ).distinct()


def report_municipality_ids(report: SituationReport) -> set[int]:
    if not hasattr(report, "_municipality_ids"):
        report._municipality_ids = set(report.municipalities.values_list("id", flat=True))
    return report._municipality_ids


def can_edit_report(user: AbstractBaseUser, report: SituationReport) -> bool:
    access = access_for(user)
    own = access.has({report.organisation_id}, Role.EDITOR)
    return own or bool(report_municipality_ids(report) & editable_municipality_ids(user))


def get_report_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> SituationReport:
    report = get_object_or_404(reports_visible_to(user).select_related("organisation"), pk=pk)
    if need is Need.EDIT and not can_edit_report(user, report):
        raise PermissionDenied(
            _("Bara redaktörer i kommunens organisationer och polisen kan ändra lägesbilden.")
        )
    return report


# EST


def est_organisations_for_user(user: AbstractBaseUser) -> QuerySet[Organisation]:
    """The organisations the user may submit EST observations for (reporter role and up)."""
    ids = access_for(user).org_ids(Role.REPORTER)
    return Organisation.objects.filter(id__in=ids).select_related("municipality", "police_area")


def check_est_reporter(user: AbstractBaseUser, organisation: Organisation) -> None:
    if not access_for(user).has({organisation.pk}, Role.REPORTER):
        raise PermissionDenied(
            _("Du kan bara rapportera för organisationer som du är rapportör i.")
        )


def observations_visible_to(user: AbstractBaseUser) -> QuerySet[EstObservation]:
    """The observations of the municipalities the user works in, and their own."""
    return EstObservation.objects.filter(
        Q(municipality_id__in=readable_municipality_ids(user)) | Q(reporter_id=user.pk)
    )


def can_compile(user: AbstractBaseUser, municipality_id: int) -> bool:
    """Coordinators (editors) of the municipality's organisations compile the week."""
    return municipality_id in editable_municipality_ids(user)


def get_compilation_for_user(
    user: AbstractBaseUser, pk: int, need: Need = Need.READ
) -> WeeklyCompilation:
    compilation = get_object_or_404(
        WeeklyCompilation.objects.filter(municipality_id__in=readable_municipality_ids(user)),
        pk=pk,
    )
    if need is Need.EDIT and not can_compile(user, compilation.municipality_id):
        raise PermissionDenied(_("Bara samordnare i kommunen kan ändra veckosammanställningen."))
    return compilation


# Åtgärdsplaner


def action_plans_visible_to(user: AbstractBaseUser) -> QuerySet[ActionPlan]:
    return ActionPlan.objects.filter(municipality_id__in=readable_municipality_ids(user))


def get_action_plan_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> ActionPlan:
    plan = get_object_or_404(action_plans_visible_to(user).select_related("municipality"), pk=pk)
    if need is Need.EDIT and plan.municipality_id not in editable_municipality_ids(user):
        raise PermissionDenied(_("Bara redaktörer i kommunens organisationer kan ändra planen."))
    return plan
