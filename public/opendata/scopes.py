"""What a download covers: the whole country, one county (län) or one municipality (kommun).

A scope is named in the URL: `sverige`, `lan-<länskod>` or `kommun-<kommunkod>`.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from organisations.models import County, Municipality, Organisation
from promises.models import Agreement, Promise

COUNTRY_SLUG = "sverige"
COUNTY_PREFIX = "lan-"
MUNICIPALITY_PREFIX = "kommun-"


@dataclass(frozen=True)
class Scope:
    slug: str
    label: str
    county: County | None = None
    municipality: Municipality | None = None

    def _public_promises(self) -> QuerySet[Promise]:
        promises = Promise.objects.public()
        if self.municipality is not None:
            return promises.for_municipality(self.municipality.pk)
        if self.county is not None:
            return promises.filter(
                parties__kind=Organisation.Kind.MUNICIPALITY,
                parties__municipality__county=self.county,
            )
        return promises

    def promise_ids(self) -> QuerySet:
        """The public promises of the scope, as a subquery (no duplicates from the joins)."""
        return self._public_promises().values("id")

    def agreement_ids(self) -> QuerySet:
        """Public agreements with a municipality of the scope as a party, as the municipality
        pages show them."""
        agreements = Agreement.objects.public()
        if self.municipality is not None:
            agreements = agreements.filter(
                parties__kind=Organisation.Kind.MUNICIPALITY,
                parties__municipality=self.municipality,
            )
        elif self.county is not None:
            agreements = agreements.filter(
                parties__kind=Organisation.Kind.MUNICIPALITY,
                parties__municipality__county=self.county,
            )
        return agreements.values("id")


def country() -> Scope:
    return Scope(slug=COUNTRY_SLUG, label=_("Hela Sverige"))


def county_scope(county: County) -> Scope:
    return Scope(
        slug=f"{COUNTY_PREFIX}{county.code}",
        label=_("%(name)s (länskod %(code)s)") % {"name": county.name, "code": county.code},
        county=county,
    )


def municipality_scope(municipality: Municipality) -> Scope:
    return Scope(
        slug=f"{MUNICIPALITY_PREFIX}{municipality.code}",
        label=_("%(name)s (kommunkod %(code)s)")
        % {"name": municipality.name, "code": municipality.code},
        municipality=municipality,
    )


def scope_from_slug(slug: str) -> Scope | None:
    """The scope a URL names, or None when there is no such county or municipality."""
    if slug == COUNTRY_SLUG:
        return country()
    if slug.startswith(COUNTY_PREFIX):
        county = County.objects.filter(code=slug.removeprefix(COUNTY_PREFIX)).first()
        return county_scope(county) if county else None
    if slug.startswith(MUNICIPALITY_PREFIX):
        code = slug.removeprefix(MUNICIPALITY_PREFIX)
        municipality = Municipality.objects.filter(code=code).first()
        return municipality_scope(municipality) if municipality else None
    return None
