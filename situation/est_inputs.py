"""EST observations assembled for the period analysis and the lägesbild (situation report).

    est_summary(municipality, start, end, *, previous=None) -> EstSummary

`municipality` is an organisations.Municipality; `start` and `end` are dates, both included;
`previous` is the (start, end) of the period to compare with, by default the period of the same
length that ends the day before `start`. Two SQL queries whatever the number of observations.
The summary holds plain data (counts, changes, geocoded points) and no model instances:

    EstSummary.total, .previous_total, .total_change (a situation.est.counts.Change)
    EstSummary.categories  [CategoryCount(code, name, count, previous, change)], largest first
    EstSummary.areas       [(code, name)], the municipality's areas, then ("", "Utan område")
                           when some observations have no area
    EstSummary.by_area     {area code: count};  .by_area_category {(area code, category code): n}
    EstSummary.by_time_of_day  [(TimeOfDay value, label, count)] in the day's order
    EstSummary.by_weekday  [count Monday … Sunday]
    EstSummary.points      [EstPoint(lat, lon, category, observed_on)] of observations placed on
                           the map (precise points: coarsen with core.privacy before publishing)

`est_hot_spots(points)` puts a grid over the points and returns the Gi* hot spots
(situation.analysis) with a GeoJSON of the hot cells for the map block and rows for the table
alternative. The counts are counts of observations of places and situations, not of people.
"""

import datetime
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from organisations.models import Area, Municipality
from situation.analysis import bin_points, cell_centres, cells_geojson, grid_around, hot_spots
from situation.est.counts import Change, Row, changes, count_by, cross_table, weekday_counts
from situation.est.reference_data import shown
from situation.models import EstObservation, TimeOfDay

HOT_SPOT_CELL_METRES = 250.0
# Fewer placed observations than this give no meaningful hot-spot analysis.
HOT_SPOT_MIN_POINTS = 10
LEVEL_CONFIDENCE = {3: 99, 2: 95, 1: 90}


@dataclass(frozen=True)
class CategoryCount:
    code: str
    name: str
    count: int
    previous: int

    @property
    def change(self) -> Change:
        return Change(self.count, self.previous)


@dataclass(frozen=True)
class EstPoint:
    lat: float
    lon: float
    category: str
    observed_on: datetime.date


@dataclass(frozen=True)
class EstSummary:
    municipality_code: str
    start: datetime.date
    end: datetime.date
    previous_start: datetime.date
    previous_end: datetime.date
    total: int
    previous_total: int
    categories: list[CategoryCount]
    areas: list[tuple[str, str]]
    by_area: dict[str, int]
    by_area_category: dict[tuple[str, str], int]
    by_time_of_day: list[tuple[str, str, int]]
    by_weekday: list[int]
    points: list[EstPoint] = field(default_factory=list)

    @property
    def total_change(self) -> Change:
        return Change(self.total, self.previous_total)

    @property
    def is_empty(self) -> bool:
        return self.total == 0 and self.previous_total == 0


def _default_previous(start: datetime.date, end: datetime.date) -> tuple:
    length = end - start
    previous_end = start - datetime.timedelta(days=1)
    return previous_end - length, previous_end


def est_summary(
    municipality: Municipality,
    start: datetime.date,
    end: datetime.date,
    *,
    previous: tuple[datetime.date, datetime.date] | None = None,
) -> EstSummary:
    if end < start:
        raise ValueError("the period ends before it starts")
    previous_start, previous_end = previous or _default_previous(start, end)
    fields = (
        "observed_on",
        "time_of_day",
        "latitude",
        "longitude",
        "category__code",
        "category__name",
        "area__code",
    )
    found = EstObservation.objects.filter(
        municipality=municipality,
        observed_on__gte=min(start, previous_start),
        observed_on__lte=max(end, previous_end),
    ).values_list(*fields)
    names: dict[str, str] = {}
    current, earlier = [], []
    for day, time_of_day, lat, lon, code, name, area in found:
        names[code] = name
        row = Row(code, area or "", day, time_of_day, lat, lon)
        if start <= day <= end:
            current.append(row)
        if previous_start <= day <= previous_end:
            earlier.append(row)
    by_category, before = count_by(current, "category"), count_by(earlier, "category")
    categories = [
        CategoryCount(code, shown(names[code]), c.current, c.previous)
        for code, c in changes(by_category, before).items()
    ]
    categories.sort(key=lambda c: (-c.count, -c.previous, c.name))
    by_area = count_by(current, "area")
    areas = list(Area.objects.of_municipality(municipality.pk).values_list("code", "name"))
    if by_area.get(""):
        areas.append(("", _("Utan område")))
    times = count_by(current, "time_of_day")
    return EstSummary(
        municipality_code=municipality.code,
        start=start,
        end=end,
        previous_start=previous_start,
        previous_end=previous_end,
        total=len(current),
        previous_total=len(earlier),
        categories=categories,
        areas=areas,
        by_area=dict(by_area),
        by_area_category=dict(cross_table(current, "area", "category")),
        by_time_of_day=[
            (value, str(label), times.get(value, 0)) for value, label in TimeOfDay.choices
        ],
        by_weekday=weekday_counts(current),
        points=[EstPoint(r.lat, r.lon, r.category, r.observed_on) for r in current if r.placed],
    )


@dataclass(frozen=True)
class HotCell:
    confidence: int  # 99, 95 or 90
    lat: float  # the cell's centre
    lon: float
    count: int
    z: float


@dataclass(frozen=True)
class HotSpotMap:
    cell_m: float
    cells: list[HotCell]  # hot cells with observations, most significant first
    geojson: dict  # the hot cells as polygons, role "hot-99" / "hot-95" / "hot-90"
    points: int


def est_hot_spots(
    points: list[EstPoint], *, cell_m: float = HOT_SPOT_CELL_METRES
) -> HotSpotMap | None:
    """Gi* hot spots (Benjamini–Hochberg FDR, 90/95/99 %) on a grid over the points; None when
    there are too few points to say anything."""
    if len(points) < HOT_SPOT_MIN_POINTS:
        return None
    lat = np.array([p.lat for p in points])
    lon = np.array([p.lon for p in points])
    grid = grid_around(lat, lon, cell_m=cell_m, margin_m=2 * cell_m)
    counts = bin_points(grid, lat, lon)
    found = hot_spots(counts, fdr=True)
    # Gi* smooths over the neighbours, so empty cells next to a cluster score high too; a hot
    # spot is a place where something was observed.
    hot = (found.classes > 0) & (counts > 0)
    centre_lat, centre_lon = cell_centres(grid)
    cells = [
        HotCell(
            LEVEL_CONFIDENCE[int(found.classes[r, c])],
            round(float(centre_lat[r, c]), 5),
            round(float(centre_lon[r, c]), 5),
            int(counts[r, c]),
            round(float(found.z[r, c]), 2),
        )
        for r, c in zip(*np.nonzero(hot), strict=True)
    ]
    cells.sort(key=lambda cell: (-cell.z, -cell.count, cell.lat, cell.lon))
    geojson = cells_geojson(grid, {"count": counts, "z": found.z}, where=hot)
    for feature, (r, c) in zip(
        geojson["features"], zip(*np.nonzero(hot), strict=True), strict=True
    ):
        confidence = LEVEL_CONFIDENCE[int(found.classes[r, c])]
        feature["properties"]["role"] = f"hot-{confidence}"
        feature["properties"]["popup"] = _(
            "Hot spot (%(confidence)s %%): %(count)s observationer i rutan"
        ) % {"confidence": confidence, "count": int(counts[r, c])}
    return HotSpotMap(cell_m, cells, geojson, len(points))
