"""Gathering the figures of a lägesbild for chosen municipalities, areas and a period.

A constant number of SQL queries whatever the amount of data: counts are aggregated in the
database, points come as value lists. Each source gives one section (figures.py) or, when it has
nothing for the period, is left out and named in the sources with the reason. Every figure that
counts people passes through core.privacy before it leaves this module.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db.models import Case, Count, IntegerField, Value, When
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay, ExtractMonth
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.privacy import minimum_breakdown, minimum_cell, public_count
from organisations.models import Area, Municipality, Population
from participation.inputs import dialogue_inputs, walk_findings
from participation.models import ResidentReport
from participation.models.walks import ActionStatus, StopCategory
from situation.analysis import bin_points, cell_centres, grid_around, hot_spots
from situation.est_inputs import est_summary
from situation.models import CrimeCategory, CrimeStatistic, PoliceEvent
from situation.report.figures import (
    CategoryCount,
    CrimeRow,
    CrimeSection,
    DialogueSection,
    EstSection,
    HotSpotSection,
    MapCell,
    MunicipalityCrime,
    MunicipalityEvents,
    Place,
    PoliceEventsSection,
    ReportFigures,
    ResidentReportsSection,
    Scope,
    SourceNote,
    SurveyEstimate,
    SurveySection,
    SurveySummary,
    TimePatterns,
    TypeCount,
    WalkSection,
)
from situation.report.places import public_places
from surveys.results.public import public_surveys

TOP_TYPES = 15
HEARD_LIMIT = 12
HOT_SPOT_MINIMUM = 10  # geocoded points below which a hot-spot grid says nothing
CONFIDENCE = {3: 99, 2: 95, 1: 90}


@dataclass
class _Context:
    scope: Scope
    by_id: dict[int, Municipality]
    populations: dict[int, tuple[int, int]]
    points: list[tuple[float, float, bool]] = field(default_factory=list)  # for hot spots


def build_figures(scope: Scope) -> ReportFigures:
    municipalities = list(Municipality.objects.filter(id__in=scope.municipality_ids))
    areas = list(Area.objects.filter(id__in=scope.area_ids).order_by("name"))
    figures = ReportFigures(
        scope=scope,
        municipalities=[Place(m.code, m.name) for m in sorted(municipalities, key=_name)],
        areas=[a.name for a in areas],
        built_at=timezone.now(),
    )
    context = _Context(scope, {m.pk: m for m in municipalities}, _populations(scope))
    for step in STEPS:
        step(figures, context)
    return figures


def _name(m: Municipality) -> str:
    return m.name


def _populations(scope: Scope) -> dict[int, tuple[int, int]]:
    """The latest population (year, count) at the end of the period, per municipality."""
    rows = Population.objects.filter(
        municipality_id__in=scope.municipality_ids, year__lte=scope.end.year
    ).values_list("municipality_id", "year", "count")
    latest: dict[int, tuple[int, int]] = {}
    for municipality_id, year, count in rows:
        if municipality_id not in latest or latest[municipality_id][0] < year:
            latest[municipality_id] = (year, count)
    return latest


def _place(m: Municipality) -> Place:
    return Place(m.code, m.name)


def _note(
    figures: ReportFigures, key: str, name: str, used: bool, detail: str, limits: str
) -> None:
    figures.sources.append(SourceNote(key, name, used, detail, limits))


# Police events


def _police_events(figures: ReportFigures, c: "_Context") -> None:
    scope, by_id, populations = c.scope, c.by_id, c.populations
    previous_start, previous_end = scope.previous
    rows = (
        PoliceEvent.objects.countable()
        .filter(municipality_id__in=scope.municipality_ids)
        .filter(occurred_on__range=(previous_start, scope.end))
        .annotate(
            current=Case(
                When(occurred_on__gte=scope.start, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .values_list("municipality_id", "type", "current")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for municipality_id, kind, current, n in rows:
        counts[municipality_id][kind][0 if current else 1] += n
    summaries = (
        PoliceEvent.objects.filter(
            is_summary=True,
            municipality_id__in=scope.municipality_ids,
            occurred_on__range=(scope.start, scope.end),
        )
        .order_by()
        .count()
    )
    name = _("Polisens händelsenotiser")
    limits = _(
        "Händelsenotiserna är ett urval som polisen publicerar, inte all brottslighet. Platsen är "
        "kommunens mitt, inte händelsens plats: händelserna räknas per kommun och visas aldrig "
        "på en karta över gator och kvarter. Sammanfattningar av flera händelser räknas inte."
    )
    current_total = sum(c[0] for m in counts.values() for c in m.values())
    if not current_total:
        _note(figures, "police_events", name, False, _("Inga händelser för perioden."), limits)
        return
    municipalities = []
    for municipality_id, municipality in by_id.items():
        kinds = counts.get(municipality_id, {})
        types = sorted(
            (TypeCount(kind, c[0], c[1]) for kind, c in kinds.items()),
            key=lambda t: (-t.count, t.type),
        )
        year, population = populations.get(municipality_id, (None, None))
        municipalities.append(
            MunicipalityEvents(
                municipality=_place(municipality),
                count=sum(t.count for t in types),
                previous=sum(t.previous for t in types),
                population=population,
                population_year=year,
                types=types[:TOP_TYPES],
            )
        )
    municipalities.sort(key=lambda m: m.municipality.name)
    figures.police_events = PoliceEventsSection(
        previous_start, previous_end, municipalities, summaries
    )
    detail = _("%(n)s händelser under perioden, jämförda med perioden innan.") % {
        "n": current_total
    }
    _note(figures, "police_events", name, True, detail, limits)


def _time_patterns(figures: ReportFigures, c: "_Context") -> None:
    scope = c.scope
    if figures.police_events is None:
        return
    rows = (
        PoliceEvent.objects.countable()
        .filter(
            municipality_id__in=scope.municipality_ids,
            occurred_on__range=(scope.start, scope.end),
        )
        .annotate(
            month=ExtractMonth("occurred_on"),
            weekday=ExtractIsoWeekDay("occurred_on"),
            hour=ExtractHour("occurred_time"),
        )
        .values_list("month", "weekday", "hour")
        .annotate(n=Count("id"))
        .order_by()
    )
    month, weekday, hour = [0] * 12, [0] * 7, [0] * 24
    without_time = 0
    for m, w, h, n in rows:
        month[m - 1] += n
        weekday[w - 1] += n
        if h is None:
            without_time += n
        else:
            hour[h] += n
    figures.time_patterns = TimePatterns(month, weekday, hour, without_time)


# Brå's reported crimes


def _crime(figures: ReportFigures, c: "_Context") -> None:
    scope, by_id, populations = c.scope, c.by_id, c.populations
    name = _("Brås statistik över anmälda brott")
    limits = _(
        "Anmälda brott, inte all brottslighet: många brott anmäls aldrig, och en ändring kan bero "
        "på anmälningsbenägenhet eller polisens egna insatser. Kommunernas serier är jämförbara "
        "från 2015. ”..” betyder att uppgift saknas, ”XX” att den är skyddad (för få) och ”.” att "
        "den inte kan beräknas; inget av dem är noll och inget räknas fram."
    )
    rows = list(
        CrimeStatistic.objects.filter(
            municipality_id__in=scope.municipality_ids,
            measure=CrimeStatistic.Measure.COUNT,
            quarter__isnull=True,
            month__isnull=True,
            year__range=(scope.start.year - 1, scope.end.year),
        ).values_list("municipality_id", "category_id", "year", "value", "marker", "source")
    )
    if not rows:
        _note(figures, "crime", name, False, _("Ingen statistik inläst för perioden."), limits)
        return
    categories = {
        c.pk: c for c in CrimeCategory.objects.only("id", "name", "parent_id", "order", "code")
    }

    def level(category_id: int) -> int:
        depth, parent = 0, categories[category_id].parent_id
        while parent is not None and depth < 5:
            depth, parent = depth + 1, categories[parent].parent_id
        return depth

    cells: dict[int, dict[int, dict[int, tuple]]] = defaultdict(lambda: defaultdict(dict))
    sources = set()
    for municipality_id, category_id, year, value, marker, source in rows:
        cells[municipality_id][year][category_id] = (value, marker)
        sources.add(source)
    section = []
    for municipality_id, years in sorted(cells.items(), key=lambda i: by_id[i[0]].name):
        year = max(years)
        previous = years.get(year - 1, {})
        population = populations.get(municipality_id, (None, None))[1]
        out = []
        ordered = sorted(years[year], key=lambda c: (categories[c].order, categories[c].code))
        for category_id in ordered:
            value, marker = years[year][category_id]
            before, before_marker = previous.get(category_id, (None, ".."))
            value = float(value) if value is not None else None
            out.append(
                CrimeRow(
                    category=categories[category_id].name,
                    level=level(category_id),
                    value=value,
                    marker=marker,
                    previous=float(before) if before is not None else None,
                    previous_marker=before_marker,
                    per_1000=1000 * value / population
                    if value is not None and population
                    else None,
                )
            )
        section.append(
            MunicipalityCrime(_place(by_id[municipality_id]), year, year - 1, population, out)
        )
    figures.crime = CrimeSection(section, ", ".join(sorted(s for s in sources if s)))
    detail = _("Anmälda brott per år och kategori, och per 1 000 invånare.")
    _note(figures, "crime", name, True, detail, limits)


# The safety survey


def _estimate(name: str, estimate: object) -> SurveyEstimate:
    return SurveyEstimate(name, estimate.figure, estimate.low, estimate.high)


def _surveys(figures: ReportFigures, c: "_Context") -> None:
    scope, by_id = c.scope, c.by_id
    name = _("Trygghetsundersökningen")
    limits = _(
        "Ett urval av invånarna: andelarna har ett 95 %%-konfidensintervall. Grupper under "
        "%(total)s svarande och celler under %(cell)s svarande visas inte."
    )
    limits = limits % {"total": minimum_breakdown(), "cell": minimum_cell()}
    summaries = []
    for municipality in sorted(by_id.values(), key=lambda m: m.name):
        for public in public_surveys(municipality, trend=False):
            if public.wave.year > scope.end.year:
                continue
            problems = []
            if public.problem is not None:
                problems = [
                    _estimate(q.short_text, breakdown.total.cells[0])
                    for q, breakdown in public.problem.items
                ]
            summaries.append(
                SurveySummary(
                    municipality=_place(municipality),
                    title=public.title,
                    wave=public.wave.name,
                    year=public.wave.year,
                    respondents=public_count(public.respondents, counts_people=True),
                    weighted=public.weighted,
                    indicators=[_estimate(i.name, i.latest.total) for i in public.indicators],
                    problems=problems,
                )
            )
    if not summaries:
        _note(figures, "surveys", name, False, _("Ingen avslutad mätning."), limits)
        return
    figures.surveys = SurveySection(summaries)
    detail = _("Den senaste avslutade mätningen: %(waves)s.") % {
        "waves": ", ".join(f"{s.municipality.name} {s.wave}" for s in summaries)
    }
    _note(figures, "surveys", name, True, detail, limits)


# Residents' reports


def _resident_reports(figures: ReportFigures, c: "_Context") -> None:
    scope = c.scope
    name = _("Invånarnas rapporter och synpunkter")
    limits = _(
        "Bara granskade (godkända) rapporter räknas. De som rapporterar är inte ett urval av "
        "invånarna: antalen visar var och vad folk har rapporterat, inte hur vanligt något är. "
        "På kartan räknas de per ruta på %(m)s m."
    ) % {"m": settings.LAGESBILD_MAP_GRID_METRES}
    reports = ResidentReport.objects.filter(
        municipality_id__in=scope.municipality_ids,
        moderation=ResidentReport.Moderation.APPROVED,
        created_at__date__range=(scope.start, scope.end),
    )
    if scope.area_ids:
        reports = reports.filter(area_id__in=scope.area_ids)
    by_category = list(reports.values_list("category__name").annotate(n=Count("id")).order_by("-n"))
    total = sum(n for _name, n in by_category)
    if not total:
        _note(figures, "resident_reports", name, False, _("Inga granskade rapporter."), limits)
        return
    points = list(
        reports.filter(latitude__isnull=False, longitude__isnull=False).values_list(
            "latitude", "longitude", "precise_approved"
        )
    )
    figures.resident_reports = ResidentReportsSection(
        total=public_count(total, counts_people=True),
        by_category=[
            CategoryCount(_category_name(names), public_count(n, counts_people=True))
            for names, n in by_category
        ],
        places=public_places(points),
        without_place=total - len(points),
    )
    c.points += points
    detail = _("%(n)s granskade rapporter under perioden.") % {"n": total}
    _note(figures, "resident_reports", name, True, detail, limits)


def _category_name(names: dict | str | None) -> str:
    if isinstance(names, dict):
        return names.get(get_language() or "sv") or names.get("sv") or ""
    return names or ""


# EST


def _est(figures: ReportFigures, c: "_Context") -> None:
    """EST observations per municipality (situation.est_inputs), added up."""
    name = _("EST-rapporter")
    limits = _(
        "Observationer av platser och situationer som lokala rapportörer (bostadsbolag, skola, "
        "väktare, kommunens verksamheter, polisen) gör varje vecka. De visar vad rapportörerna "
        "ser där de arbetar, inte allt som händer, och aldrig enskilda personer."
    )
    summaries = [
        est_summary(m, c.scope.start, c.scope.end, previous=c.scope.previous)
        for m in sorted(c.by_id.values(), key=_name)
    ]
    total = sum(s.total for s in summaries)
    if not total:
        _note(figures, "est", name, False, _("Inga EST-observationer under perioden."), limits)
        return
    categories: dict[str, TypeCount] = {}
    areas: dict[str, int] = defaultdict(int)
    times: dict[str, int] = defaultdict(int)
    weekdays = [0] * 7
    for summary in summaries:
        for category in summary.categories:
            row = categories.setdefault(category.name, TypeCount(category.name, 0, 0))
            row.count += category.count
            row.previous += category.previous
        area_names = dict(summary.areas)
        for code, n in summary.by_area.items():
            areas[area_names.get(code, code) or _("Utan område")] += n
        for _value, label, n in summary.by_time_of_day:
            times[label] += n
        weekdays = [a + b for a, b in zip(weekdays, summary.by_weekday, strict=True)]
        c.points += [(p.lat, p.lon, False) for p in summary.points]
    figures.est = EstSection(
        total=total,
        previous=sum(s.previous_total for s in summaries),
        by_category=sorted(categories.values(), key=lambda t: (-t.count, t.type)),
        by_area=sorted(areas.items(), key=lambda a: (-a[1], a[0])),
        by_time_of_day=list(times.items()),
        by_weekday=weekdays,
    )
    detail = ngettext(
        "%(n)s observation under perioden.", "%(n)s observationer under perioden.", total
    ) % {"n": total}
    _note(figures, "est", name, True, detail, limits)


# Hot spots


def _hot_spots(figures: ReportFigures, c: "_Context") -> None:
    """Getis-Ord Gi* on a regular grid over the geocoded points of the period (EST and
    residents' reports); only cells with points that are hot at 90 % confidence or more after
    the FDR (an empty cell beside a hot one can be "hot" too, which would only confuse)."""
    name = _("Brännpunkter (Getis-Ord Gi*)")
    cell_m = float(getattr(settings, "LAGESBILD_HOTSPOT_CELL_METRES", 250))
    limits = _(
        "Brännpunkterna räknas på ett rutnät med rutor på %(m)s m över de platser som EST-"
        "rapportörerna och invånarna har angett, med Benjamini–Hochbergs korrektion för många "
        "test. De visar var rapporterna samlas, inte var brotten sker: polisens händelser har "
        "bara kommunens mitt och ingår inte."
    ) % {"m": int(cell_m)}
    if len(c.points) < HOT_SPOT_MINIMUM:
        detail = _("För få platser (%(n)s, minst %(min)s behövs) för att räkna brännpunkter.") % {
            "n": len(c.points),
            "min": HOT_SPOT_MINIMUM,
        }
        _note(figures, "hot_spots", name, False, detail, limits)
        return
    lat = np.array([p[0] for p in c.points])
    lon = np.array([p[1] for p in c.points])
    grid = grid_around(lat, lon, cell_m=cell_m, margin_m=cell_m)
    counts = bin_points(grid, lat, lon)
    classes = hot_spots(counts).classes
    centre_lat, centre_lon = cell_centres(grid)
    cells = [
        MapCell(
            round(float(centre_lat[row, col]), 6),
            round(float(centre_lon[row, col]), 6),
            public_count(int(counts[row, col]), counts_people=True),
            cell_m,
            confidence=CONFIDENCE[int(classes[row, col])],
        )
        for row, col in zip(*np.nonzero((classes > 0) & (counts > 0)), strict=True)
    ]
    cells.sort(key=lambda cell: (-cell.confidence, -(cell.count.value or 0), cell.lat))
    figures.hot_spots = HotSpotSection(cell_m, len(c.points), cells)
    detail = ngettext(
        "%(n)s brännpunkt bland %(points)s platser.",
        "%(n)s brännpunkter bland %(points)s platser.",
        len(cells),
    ) % {"n": len(cells), "points": len(c.points)}
    _note(figures, "hot_spots", name, True, detail, limits)


# Dialogues and safety walks


def _dialogues(figures: ReportFigures, c: "_Context") -> None:
    scope = c.scope
    name = _("Medborgar- och medarbetardialoger")
    limits = _(
        "Det som sades i dialogerna, kodat per fokusområde. De som deltar är inte ett urval av "
        "invånarna. Bara synpunkter som får visas publikt återges med egna ord; antal deltagare "
        "under %(n)s visas inte."
    )
    limits = limits % {"n": minimum_cell()}
    inputs = dialogue_inputs(scope.municipality_ids, scope.start, scope.end)
    if not inputs.dialogues:
        _note(figures, "dialogues", name, False, _("Inga dialoger under perioden."), limits)
        return
    heard = [r.text for d in inputs.dialogues if d.is_published for r in d.remarks if r.is_public]
    figures.dialogues = DialogueSection(
        dialogues=len(inputs.dialogues),
        citizen=inputs.dialogues_by_kind.get("citizen", 0),
        staff=inputs.dialogues_by_kind.get("staff", 0),
        participants=public_count(inputs.participants, counts_people=True),
        remarks_by_focus_area=[
            CategoryCount(area or _("Utan fokusområde"), public_count(n, counts_people=False))
            for area, n in inputs.remarks_by_focus_area.items()
        ],
        heard=heard[:HEARD_LIMIT],
    )
    n = len(inputs.dialogues)
    detail = ngettext("%(n)s dialog under perioden.", "%(n)s dialoger under perioden.", n) % {
        "n": n
    }
    _note(figures, "dialogues", name, True, detail, limits)


def _walks(figures: ReportFigures, c: "_Context") -> None:
    scope = c.scope
    name = _("Trygghetsvandringar")
    limits = _(
        "Vad deltagarna såg vid stoppen under vandringen: en bild av platserna den dagen, inte "
        "ett mått på hur vanligt något är. På kartan räknas stoppen per ruta på %(m)s m."
    ) % {"m": settings.LAGESBILD_MAP_GRID_METRES}
    findings = walk_findings(scope.municipality_ids, scope.start, scope.end)
    if not findings.walks:
        _note(figures, "walks", name, False, _("Inga trygghetsvandringar under perioden."), limits)
        return
    categories = dict(StopCategory.choices)
    statuses = dict(ActionStatus.choices)
    points = [
        (s.latitude, s.longitude, s.precise_approved)
        for s in findings.stops
        if s.latitude is not None and s.longitude is not None
    ]
    participants = sum(w.participants or 0 for w in findings.walks)
    n = len(findings.walks)
    figures.walks = WalkSection(
        walks=len(findings.walks),
        participants=public_count(participants, counts_people=True),
        stops_by_category=[
            (str(categories.get(c, c)), n) for c, n in findings.stops_by_category.items()
        ],
        actions_by_status=[
            (str(statuses.get(s, s)), n) for s, n in findings.actions_by_status.items()
        ],
        places=public_places(points, counts_people=False),
    )
    detail = ngettext(
        "%(n)s vandring med %(stops)s stopp.", "%(n)s vandringar med %(stops)s stopp.", n
    ) % {
        "n": len(findings.walks),
        "stops": len(findings.stops),
    }
    _note(figures, "walks", name, True, detail, limits)


STEPS = (
    _police_events,
    _time_patterns,
    _crime,
    _surveys,
    _resident_reports,
    _est,
    _hot_spots,
    _dialogues,
    _walks,
)


def period_problem(start: datetime.date | None, end: datetime.date | None) -> str:
    """Why a period cannot be used, or ""."""
    if start and end and end < start:
        return _("Perioden slutar innan den börjar. Ändra datumen.")
    return ""
