"""The coordinators' weekly EST compilation: the week's observations by category and area, on a
map and as a list, and the week's hot spots and decided actions (WeeklyCompilation)."""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.maps import MapBlock, MapTexts, municipality_background, point_feature
from organisations.models import Area, Municipality
from situation.access import can_compile
from situation.est import services
from situation.est.choices import chosen_municipality, compiling_organisation
from situation.est.counts import Row, count_by
from situation.est.forms import CompilationForm, observation_place
from situation.est.periods import iso_week_dates
from situation.est.reference_data import shown
from situation.models import EstObservation, WeeklyCompilation


@dataclass
class Week:
    year: int
    week: int

    @property
    def dates(self) -> tuple:
        try:
            return iso_week_dates(self.year, self.week)
        except ValueError as error:
            raise Http404 from error

    def shifted(self, days: int) -> "Week":
        year, week, _d = (self.dates[0] + datetime.timedelta(days=days)).isocalendar()
        return Week(year, week)


def _observations(municipality: Municipality, week: Week) -> list[EstObservation]:
    start, end = week.dates
    return list(
        EstObservation.objects.filter(
            municipality=municipality, observed_on__gte=start, observed_on__lte=end
        )
        .select_related("category", "area", "organisation")
        .order_by("observed_on", "id")
    )


def _rows(observations: list[EstObservation]) -> list[Row]:
    return [
        Row(
            o.category.code,
            o.area.code if o.area_id else "",
            o.observed_on,
            o.time_of_day,
            o.latitude,
            o.longitude,
        )
        for o in observations
    ]


def _map(municipality: Municipality, areas: list[Area], listed: list[tuple]) -> MapBlock:
    features = municipality_background(municipality, areas)
    features += [
        point_feature(o.latitude, o.longitude, name=place, popup=place)
        for o, place in listed
        if o.latitude is not None
    ]
    return MapBlock(
        id="est-week-map",
        texts=MapTexts(
            label=_("Karta över veckans observationer"),
            help=_("Samma platser finns i listan under kartan."),
            zoom_in=_("Zooma in"),
            zoom_out=_("Zooma ut"),
        ),
        features=features,
    )


def _tables(observations: list[EstObservation], areas: list[Area]) -> dict:
    rows = _rows(observations)
    names = {o.category.code: shown(o.category.name) for o in observations}
    by_category = sorted(count_by(rows, "category").items(), key=lambda kv: (-kv[1], names[kv[0]]))
    area_names = {a.code: a.name for a in areas}
    by_area = count_by(rows, "area")
    return {
        "by_category": [(names[code], n) for code, n in by_category],
        "by_area": [(a.name, by_area.get(a.code, 0)) for a in areas]
        + ([(_("Utan område"), by_area[""])] if by_area.get("") else []),
        "area_names": area_names,
    }


@login_required
@require_GET
def week(request: HttpRequest, year: int, week: int) -> HttpResponse:
    municipalities, municipality = chosen_municipality(request)
    current = Week(year, week)
    return render(
        request,
        "situation/est/week.html",
        _context(request, municipality, current)
        | {
            "municipalities": municipalities,
        },
    )


def _context(
    request: HttpRequest,
    municipality: Municipality,
    current: Week,
    form: CompilationForm | None = None,
) -> dict:
    areas = list(Area.objects.of_municipality(municipality.pk).order_by("name"))
    observations = _observations(municipality, current)
    listed = [(o, observation_place(o)) for o in observations]
    compilations = list(
        WeeklyCompilation.objects.filter(
            municipality=municipality, iso_year=current.year, iso_week=current.week
        )
        .select_related("organisation")
        .prefetch_related(
            "hot_spot_areas",
            Prefetch(
                "hot_spot_observations",
                queryset=EstObservation.objects.select_related("category", "area"),
            ),
        )
    )
    hot = {o.pk for c in compilations for o in c.hot_spot_observations.all()}
    organisation = compiling_organisation(request.user, municipality)
    if form is None and organisation is not None:
        instance = next((c for c in compilations if c.organisation_id == organisation.pk), None)
        instance = instance or services.compilation_for(
            organisation, municipality, current.year, current.week
        )
        form = CompilationForm(instance=instance, areas=areas, observations=observations)
    start, end = current.dates
    return {
        "municipality": municipality,
        "current": current,
        "start": start,
        "end": end,
        "previous": current.shifted(-7),
        "next": current.shifted(7),
        "listed": [(o, place, o.pk in hot) for o, place in listed],
        "count": len(observations),
        "map": _map(municipality, areas, listed),
        "compilations": [
            (c, [observation_place(o) for o in c.hot_spot_observations.all()]) for c in compilations
        ],
        "form": form,
        "compiling_organisation": organisation,
        **_tables(observations, areas),
    }


@login_required
@require_POST
def compilation_save(request: HttpRequest, year: int, week: int) -> HttpResponse:
    _municipalities, municipality = chosen_municipality(request)
    current = Week(year, week)
    organisation = compiling_organisation(request.user, municipality)
    if organisation is None or not can_compile(request.user, municipality.pk):
        raise PermissionDenied(_("Bara samordnare i kommunen kan ändra veckosammanställningen."))
    areas = list(Area.objects.of_municipality(municipality.pk).order_by("name"))
    instance = services.compilation_for(organisation, municipality, current.year, current.week)
    form = CompilationForm(
        request.POST,
        instance=instance,
        areas=areas,
        observations=_observations(municipality, current),
    )
    if form.is_valid():
        services.save_compilation(form, user=request.user)
        messages.success(request, _("Veckans sammanställning är sparad."))
        url = reverse("est_staff:week", args=[current.year, current.week])
        return redirect(f"{url}?kommun={municipality.code}")
    context = _context(request, municipality, current, form) | {"municipalities": _municipalities}
    return render(request, "situation/est/week.html", context, status=400)
