"""Which organisation and municipality an EST page is about, from the query string or the posted
form, checked against the user's memberships (situation.access)."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from organisations.access import access_for
from organisations.models import Municipality, Organisation, Role
from participation.recording import municipalities_of
from situation.access import (
    check_est_reporter,
    editable_municipality_ids,
    est_organisations_for_user,
    readable_municipality_ids,
)


def _param(request: HttpRequest, name: str) -> str:
    source = request.POST if request.method == "POST" else request.GET
    return (source.get(name) or "").strip()


def reporting_for(request: HttpRequest) -> tuple[list[Organisation], Organisation, list, object]:
    """(the user's reporting organisations, the chosen one, its municipalities, the chosen
    municipality). Choosing an organisation the user does not report for is refused with 403."""
    organisations = list(est_organisations_for_user(request.user).order_by("name"))
    if not organisations:
        raise PermissionDenied(
            _("Du är inte rapportör i någon organisation. Be en administratör lägga till dig.")
        )
    wanted = _param(request, "organisation")
    organisation = organisations[0]
    if wanted:
        organisation = next((o for o in organisations if str(o.pk) == wanted), None)
        if organisation is None:
            chosen = Organisation.objects.filter(pk=wanted).first() if wanted.isdigit() else None
            if chosen is None:
                raise Http404
            check_est_reporter(request.user, chosen)  # raises PermissionDenied
    municipalities = list(municipalities_of([organisation]).order_by("name"))
    if not municipalities:
        raise PermissionDenied(_("Organisationen är inte knuten till någon kommun."))
    code = _param(request, "kommun")
    municipality = next((m for m in municipalities if m.code == code), None)
    if municipality is None:
        if code and request.method == "POST":
            raise PermissionDenied(_("Organisationen arbetar inte i den kommunen."))
        municipality = municipalities[0]
    return organisations, organisation, municipalities, municipality


def readable_municipalities(user: AbstractBaseUser) -> list[Municipality]:
    """The municipalities whose EST picture the user reads, those they compile first."""
    editable = editable_municipality_ids(user)
    found = Municipality.objects.filter(id__in=readable_municipality_ids(user))
    return sorted(found, key=lambda m: (m.pk not in editable, m.name))


def chosen_municipality(request: HttpRequest) -> tuple[list[Municipality], Municipality]:
    municipalities = readable_municipalities(request.user)
    if not municipalities:
        raise PermissionDenied(
            _("EST-sammanställningen läses av personal i kommunens organisationer och polisen.")
        )
    code = _param(request, "kommun")
    chosen = next((m for m in municipalities if m.code == code), None)
    if code and chosen is None:
        raise Http404
    return municipalities, chosen or municipalities[0]


def compiling_organisation(
    user: AbstractBaseUser, municipality: Municipality
) -> Organisation | None:
    """The user's organisation (editor and up) that compiles the municipality's week: the
    municipality itself or an organisation in it first, then a police area covering it."""
    ids = access_for(user).org_ids(Role.EDITOR)
    orgs = list(organisations_working_in(ids, municipality))
    orgs.sort(
        key=lambda o: (
            o.kind != Organisation.Kind.MUNICIPALITY,
            o.police_area_id is not None,
            o.name,
        )
    )
    return orgs[0] if orgs else None


def organisations_working_in(org_ids: set[int], municipality: Municipality) -> list[Organisation]:
    return list(
        Organisation.objects.filter(id__in=org_ids)
        .filter(Q(municipality=municipality) | Q(police_area__municipalities=municipality))
        .distinct()
    )
