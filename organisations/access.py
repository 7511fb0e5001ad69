"""Who may do what, decided from a user's memberships. Every tenant read goes through here or
through the `get_<thing>_for_user()` helpers built on it."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from organisations.models import Contact, Membership, Organisation, Role


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
