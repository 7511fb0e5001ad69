"""The charts and maps of a lägesbild, drawn from its figures (live or frozen) with the shared
blocks: core.charts (each chart with its table) and core.maps (each map with a table of its
places). Nothing here reads the database."""

import datetime
import math
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.charts import Chart, Point, bar_chart, interval_chart
from core.maps import feature, point_feature
from core.maps.svg import svg_map
from core.privacy import METRES_PER_DEGREE, MISSING, PublicFigure, hidden_text, public_count
from situation.report.figures import MapCell, MunicipalityCrime, ReportFigures, SurveySummary


def _weekdays() -> list[str]:
    return [_("mån"), _("tis"), _("ons"), _("tor"), _("fre"), _("lör"), _("sön")]


def _shown(value: float | int | None) -> PublicFigure:
    """A figure that does not count people (events, crimes): shown, or missing."""
    return public_count(value, counts_people=False)


def _month_labels() -> list[str]:
    return [date_format(datetime.date(2000, m, 1), "M") for m in range(1, 13)]


@dataclass
class PlaceMap:
    """A map of public places with the table that lists them."""

    id: str
    title: str
    svg: SafeString
    cells: list[MapCell]
    unit: str
    confidence: bool = False  # the cells are hot spots with a confidence level


@dataclass
class ReportCharts:
    events_by_municipality: Chart | None = None
    events_by_type: Chart | None = None
    by_month: Chart | None = None
    by_weekday: Chart | None = None
    by_hour: Chart | None = None
    crime: list[tuple[MunicipalityCrime, Chart]] = field(default_factory=list)
    surveys: list[Chart] = field(default_factory=list)
    reports_by_category: Chart | None = None
    remarks_by_focus_area: Chart | None = None
    est_by_category: Chart | None = None
    est_by_time_of_day: Chart | None = None
    stops_by_category: Chart | None = None
    maps: list[PlaceMap] = field(default_factory=list)


def report_charts(figures: ReportFigures, background: list[dict] = ()) -> ReportCharts:
    """`background`: the municipalities' boundaries as map features (core.maps)."""
    background = list(background)
    charts = ReportCharts()
    events = figures.police_events
    if events is not None:
        charts.events_by_municipality = interval_chart(
            _("Polisens händelsenotiser per kommun under perioden (antal)"),
            [m.municipality.name for m in events.municipalities],
            [Point(_shown(m.count)) for m in events.municipalities],
            unit="",
            axis_max=None,
            label_heading=_("Kommun"),
            intervals=False,
        )
        top = events.top_types(10)
        charts.events_by_type = interval_chart(
            _("De vanligaste händelsetyperna under perioden (antal)"),
            [t.type for t in top],
            [Point(_shown(t.count)) for t in top],
            unit="",
            axis_max=None,
            label_heading=_("Händelsetyp"),
            intervals=False,
        )
    patterns = figures.time_patterns
    if patterns is not None and patterns.total:
        charts.by_month = bar_chart(
            _("Händelser per månad"),
            _month_labels(),
            [Point(_shown(n)) for n in patterns.by_month],
            label_heading=_("Månad"),
        )
        charts.by_weekday = bar_chart(
            _("Händelser per veckodag"),
            _weekdays(),
            [Point(_shown(n)) for n in patterns.by_weekday],
            label_heading=_("Veckodag"),
        )
        charts.by_hour = bar_chart(
            _("Händelser per timme då de inträffade"),
            [f"{h:02d}" for h in range(24)],
            [Point(_shown(n)) for n in patterns.by_hour],
            label_heading=_("Timme"),
        )
    if figures.crime is not None:
        for m in figures.crime.municipalities:
            rows = [r for r in m.rows if r.level <= 1][:12]
            charts.crime.append(
                (
                    m,
                    interval_chart(
                        _("Anmälda brott per 1 000 invånare, %(name)s %(year)s")
                        % {"name": m.municipality.name, "year": m.year},
                        [r.category for r in rows],
                        [Point(_shown(r.per_1000) if not r.marker else MISSING) for r in rows],
                        unit=_("per 1 000"),
                        decimals=1,
                        axis_max=None,
                        label_heading=_("Brottskategori"),
                        intervals=False,
                    ),
                )
            )
    if figures.surveys is not None:
        charts.surveys = [c for s in figures.surveys.surveys for c in _survey_charts(s)]
    reports = figures.resident_reports
    if reports is not None:
        charts.reports_by_category = interval_chart(
            _("Invånarnas rapporter per kategori (antal)"),
            [c.name for c in reports.by_category],
            [Point(c.count) for c in reports.by_category],
            unit="",
            axis_max=None,
            label_heading=_("Kategori"),
            intervals=False,
        )
        if reports.places:
            charts.maps.append(
                _place_map(
                    "karta-rapporter",
                    _("Karta: invånarnas rapporter per plats"),
                    reports.places,
                    _("rapporter"),
                    background,
                )
            )
    est = figures.est
    if est is not None:
        charts.est_by_category = interval_chart(
            _("EST-observationer per kategori under perioden (antal)"),
            [t.type for t in est.by_category],
            [Point(_shown(t.count)) for t in est.by_category],
            unit="",
            axis_max=None,
            label_heading=_("Kategori"),
            intervals=False,
        )
        charts.est_by_time_of_day = interval_chart(
            _("EST-observationer per tid på dygnet (antal)"),
            [label for label, _n in est.by_time_of_day],
            [Point(_shown(n)) for _label, n in est.by_time_of_day],
            unit="",
            axis_max=None,
            label_heading=_("Tid på dygnet"),
            intervals=False,
        )
    dialogues = figures.dialogues
    if dialogues is not None and dialogues.remarks_by_focus_area:
        charts.remarks_by_focus_area = interval_chart(
            _("Det som sades i dialogerna, per fokusområde (antal synpunkter)"),
            [c.name for c in dialogues.remarks_by_focus_area],
            [Point(c.count) for c in dialogues.remarks_by_focus_area],
            unit="",
            axis_max=None,
            label_heading=_("Fokusområde"),
            intervals=False,
        )
    if figures.walks is not None and figures.walks.stops_by_category:
        stops = figures.walks.stops_by_category
        charts.stops_by_category = interval_chart(
            _("Det deltagarna noterade vid stoppen, per kategori (antal stopp)"),
            [name for name, _n in stops],
            [Point(_shown(n)) for _name, n in stops],
            unit="",
            axis_max=None,
            label_heading=_("Kategori"),
            intervals=False,
        )
    hot = figures.hot_spots
    if hot is not None and hot.cells:
        charts.maps.append(
            _place_map(
                "karta-brannpunkter",
                _("Karta: brännpunkter (Gi*, rutor på %(m)s m)") % {"m": int(hot.cell_m)},
                hot.cells,
                _("platser"),
                background,
                confidence=True,
            )
        )
    walks = figures.walks
    if walks is not None and walks.places:
        charts.maps.append(
            _place_map(
                "karta-vandringar",
                _("Karta: stopp under trygghetsvandringarna"),
                walks.places,
                _("stopp"),
                background,
            )
        )
    return charts


def _survey_charts(summary: SurveySummary) -> list[Chart]:
    out = []
    if summary.indicators:
        out.append(
            interval_chart(
                _("%(name)s, %(wave)s: andel av invånarna i procent")
                % {"name": summary.municipality.name, "wave": summary.wave},
                [i.name for i in summary.indicators],
                [Point(i.figure, i.low, i.high) for i in summary.indicators],
                label_heading=_("Andel som"),
            )
        )
    if summary.problems:
        out.append(
            interval_chart(
                _("%(name)s, %(wave)s: problemindex per problem (0–6)")
                % {"name": summary.municipality.name, "wave": summary.wave},
                [p.name for p in summary.problems],
                [Point(p.figure, p.low, p.high) for p in summary.problems],
                unit="",
                decimals=1,
                axis_max=6,
                label_heading=_("Problem"),
            )
        )
    return out


def _place_map(
    map_id: str,
    title: str,
    cells: list[MapCell],
    unit: str,
    background: list[dict],
    *,
    confidence: bool = False,
) -> PlaceMap:
    squares = [_square(c) for c in cells] if confidence else []
    places = [
        point_feature(
            c.lat,
            c.lon,
            name=_("Plats %(n)s") % {"n": n},
            popup=f"{_('Plats %(n)s') % {'n': n}}: {_cell_text(c, unit)}",
            number=n,
        )
        for n, c in enumerate(cells, start=1)
    ]
    svg = svg_map(background + squares + places, title=title)
    return PlaceMap(map_id, title, svg, cells, unit, confidence)


def _square(cell: MapCell) -> dict:
    """The grid cell around its centre, shaded by its confidence."""
    half_lat = cell.size_m / 2 / METRES_PER_DEGREE
    half_lon = half_lat / math.cos(math.radians(cell.lat))
    s, n, w, e = cell.lat - half_lat, cell.lat + half_lat, cell.lon - half_lon, cell.lon + half_lon
    ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
    level = {99: 3, 95: 2, 90: 1}.get(cell.confidence, 1)
    return feature({"type": "Polygon", "coordinates": [ring]}, role="cell", level=level)


def _cell_text(cell: MapCell, unit: str) -> str:
    count = str(cell.count.value) if cell.count.shown else hidden_text(cell.count)
    return f"{count} {unit}"
