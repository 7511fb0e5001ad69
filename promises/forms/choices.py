"""Which organisations a user is offered when naming parties and responsible organisations."""

from django.db.models import Q, QuerySet

from organisations.access import Access
from organisations.models import Organisation, PoliceArea
from promises.models import Promise


def _related_municipality_ids(access: Access) -> set[int]:
    """The user's own municipalities and those sharing a police area with them or covered by a
    police area the user belongs to. Computed once per request (forms ask for it twice)."""
    if access.related_municipality_ids is not None:
        return access.related_municipality_ids
    own = Organisation.objects.filter(id__in=access.org_ids()).values_list(
        "municipality_id", "police_area_id"
    )
    municipality_ids = {m for m, _a in own if m}
    area_ids = {a for _m, a in own if a}
    area_ids |= set(
        PoliceArea.objects.filter(municipalities__in=municipality_ids).values_list("id", flat=True)
    )
    covered = PoliceArea.municipalities.through.objects.filter(policearea_id__in=area_ids)
    access.related_municipality_ids = municipality_ids | set(
        covered.values_list("municipality_id", flat=True)
    )
    return access.related_municipality_ids


def party_candidates(access: Access, current: list[int] | None = None) -> QuerySet[Organisation]:
    """All police areas, and the municipalities the user's organisations work with."""
    return Organisation.objects.filter(
        Q(kind=Organisation.Kind.POLICE_AREA)
        | Q(
            kind=Organisation.Kind.MUNICIPALITY,
            municipality_id__in=_related_municipality_ids(access),
        )
        | Q(id__in=current or [])
    ).order_by("-kind", "name")  # police areas first, then municipalities


def other_candidates(access: Access, current: list[int] | None = None) -> QuerySet[Organisation]:
    """Other organisations (a local BRÅ, a housing company, a school) in the user's area."""
    return Organisation.objects.filter(
        Q(kind=Organisation.Kind.OTHER, municipality_id__in=_related_municipality_ids(access))
        | Q(kind=Organisation.Kind.OTHER, id__in=access.org_ids())
        | Q(id__in=current or [])
    ).order_by("name")


def responsible_candidates(promise: Promise) -> QuerySet[Organisation]:
    """A promise's parties, the bodies that follow it up, and other organisations working in
    its municipalities."""
    parties = promise.parties.all()
    municipalities = parties.exclude(municipality=None).values("municipality")
    return Organisation.objects.filter(
        Q(id__in=parties.values("id"))
        | Q(id__in=promise.follow_up_bodies.values("id"))
        | Q(kind=Organisation.Kind.OTHER, municipality__in=municipalities)
    ).order_by("kind", "name")
