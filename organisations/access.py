"""Who may do what, decided from a user's memberships. Every tenant read goes through here or
through the `get_<thing>_for_user()` helpers built on it."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from organisations.models import Area, Contact, Membership, Municipality, Organisation, Role


@dataclass
class Access:
    roles: dict[int, str] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    is_platform_admin: bool = False
    # Filled in lazily by promises.forms.choices; part of the per-request cache.
    related_municipality_ids: set[int] | None = None

    def org_ids(self, min_role: str = Role.VIEWER) -> set[int]:
        return {org for org, role in self.roles.items() if Role.rank(role) >= Role.rank(min_role)}

    def has(self, org_ids: set[int] | list[int], min_role: str = Role.VIEWER) -> bool:
        return bool(self.org_ids(min_role) & set(org_ids))

    def role_in(self, org_id: int) -> str | None:
        return self.roles.get(org_id)


def access_for(user: AbstractBaseUser | AnonymousUser) -> Access:
    """The user's memberships, read once per request and cached on the user object."""
    cached = getattr(user, "_access", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        access = Access()
    else:
        rows = Membership.objects.filter(user=user).values_list("organisation_id", "role", "title")
        access = Access(
            roles={org: role for org, role, _t in rows},
            titles={org: title for org, _r, title in rows},
            is_platform_admin=user.is_superuser,
        )
    user._access = access
    return access


def get_organisations_for_user(
    user: AbstractBaseUser, min_role: str = Role.VIEWER
) -> "list[Organisation]":
    ids = access_for(user).org_ids(min_role)
    return list(
        Organisation.objects.filter(id__in=ids).select_related("municipality", "police_area")
    )


def get_contact_for_user(user: AbstractBaseUser, pk: int, min_role: str = Role.EDITOR) -> Contact:
    access = access_for(user)
    contact = get_object_or_404(Contact, pk=pk, organisation_id__in=access.org_ids())
    if not access.has({contact.organisation_id}, min_role):
        raise PermissionDenied
    return contact


def get_organisation_for_user(user: AbstractBaseUser, pk: int) -> Organisation:
    """One of the user's own organisations (404 for any other)."""
    return get_object_or_404(Organisation, pk=pk, id__in=access_for(user).org_ids())


def area_municipality_ids(access: Access, min_role: str = Role.VIEWER) -> set[int]:
    """Municipalities whose areas the user reads (any role: their organisations work there,
    or their police area covers them) or edits (editor and up in an organisation of the
    municipality itself: the municipality, its BRÅ). Areas belong to the municipality."""
    org_ids = access.org_ids(min_role)
    own = set(
        Organisation.objects.filter(id__in=org_ids, municipality__isnull=False).values_list(
            "municipality_id", flat=True
        )
    )
    if Role.rank(min_role) >= Role.rank(Role.EDITOR):
        return own
    covered = Organisation.objects.filter(id__in=org_ids, police_area__isnull=False).values_list(
        "police_area__municipalities", flat=True
    )
    return own | {m for m in covered if m is not None}


def get_municipality_for_user(
    user: AbstractBaseUser, code: str, min_role: str = Role.VIEWER
) -> Municipality:
    """A municipality whose areas the user may read (404 otherwise), and edit when `min_role`
    asks for it (403 otherwise)."""
    access = access_for(user)
    municipality = get_object_or_404(Municipality, code=code, id__in=area_municipality_ids(access))
    if min_role != Role.VIEWER and municipality.pk not in area_municipality_ids(access, min_role):
        raise PermissionDenied(
            _(
                "Områdena i en kommun ändras av redaktörer och administratörer i kommunen "
                "eller i en organisation som hör till kommunen."
            )
        )
    return municipality


def get_area_for_user(user: AbstractBaseUser, pk: int, min_role: str = Role.EDITOR) -> Area:
    area = get_object_or_404(Area.objects.select_related("municipality"), pk=pk)
    area.municipality = get_municipality_for_user(user, area.municipality.code, min_role)
    return area
