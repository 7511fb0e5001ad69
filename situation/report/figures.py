"""The figures of a lägesbild as plain dataclasses, one per section, and their JSON form.

A draft lägesbild is built afresh from the data each time it is shown; publishing stores the
JSON (`SituationReport.frozen_figures`) and every later view reads it back with `load_figures`,
so a later import never changes what was published. Every figure that counts people is a
core.privacy.PublicFigure, suppressed before it is stored.
"""

import dataclasses
import datetime
import enum
import types
import typing
from dataclasses import dataclass, field

from core.privacy import PublicFigure

FORMAT_VERSION = 1


@dataclass
class Scope:
    municipality_ids: list[int]
    area_ids: list[int]
    start: datetime.date
    end: datetime.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> tuple[datetime.date, datetime.date]:
        """The period of the same length just before, for changes."""
        end = self.start - datetime.timedelta(days=1)
        return end - datetime.timedelta(days=self.days - 1), end


@dataclass
class Place:
    code: str
    name: str


# Police events (counted per municipality: their position is the municipality's centre)


@dataclass
class TypeCount:
    type: str
    count: int
    previous: int

    @property
    def change(self) -> int:
        return self.count - self.previous


@dataclass
class MunicipalityEvents:
    municipality: Place
    count: int
    previous: int
    population: int | None
    population_year: int | None
    types: list[TypeCount]

    @property
    def per_1000(self) -> float | None:
        if not self.population:
            return None
        return 1000 * self.count / self.population

    @property
    def change_percent(self) -> float | None:
        return 100 * (self.count - self.previous) / self.previous if self.previous else None


@dataclass
class PoliceEventsSection:
    previous_start: datetime.date
    previous_end: datetime.date
    municipalities: list[MunicipalityEvents]
    summaries_left_out: int

    @property
    def count(self) -> int:
        return sum(m.count for m in self.municipalities)

    @property
    def previous(self) -> int:
        return sum(m.previous for m in self.municipalities)

    def top_types(self, n: int = 10) -> list[TypeCount]:
        """The most frequent types over all municipalities."""
        totals: dict[str, TypeCount] = {}
        for m in self.municipalities:
            for t in m.types:
                total = totals.setdefault(t.type, TypeCount(t.type, 0, 0))
                total.count += t.count
                total.previous += t.previous
        ranked = sorted(totals.values(), key=lambda t: (-t.count, t.type))
        return ranked[:n]


@dataclass
class TimePatterns:
    """Police events of the period by month (1–12), ISO weekday (1–7) and hour (0–23)."""

    by_month: list[int]
    by_weekday: list[int]
    by_hour: list[int]
    without_time: int

    @property
    def total(self) -> int:
        return sum(self.by_weekday)


# Brå's reported crimes


@dataclass
class CrimeRow:
    category: str
    level: int  # 0 = samtliga brott, 1 = a chapter, 2 = below
    value: float | None
    marker: str  # "" or Brå's "..", "XX", "."
    previous: float | None
    previous_marker: str
    per_1000: float | None

    @property
    def change_percent(self) -> float | None:
        if self.value is None or not self.previous:
            return None
        return 100 * (self.value - self.previous) / self.previous


@dataclass
class MunicipalityCrime:
    municipality: Place
    year: int
    previous_year: int
    population: int | None
    rows: list[CrimeRow]


@dataclass
class CrimeSection:
    municipalities: list[MunicipalityCrime]
    source: str


# The safety survey


@dataclass
class SurveyEstimate:
    name: str
    figure: PublicFigure
    low: float | None = None
    high: float | None = None


@dataclass
class SurveySummary:
    municipality: Place
    title: str
    wave: str
    year: int
    respondents: PublicFigure
    weighted: bool
    indicators: list[SurveyEstimate]
    problems: list[SurveyEstimate]


@dataclass
class SurveySection:
    surveys: list[SurveySummary]


# Residents' reports, EST and hot spots


@dataclass
class CategoryCount:
    name: str
    count: PublicFigure


@dataclass
class MapCell:
    """A cell of the hot-spot grid, or one coarsened public place."""

    lat: float
    lon: float
    count: PublicFigure
    size_m: float
    confidence: int = 0  # 99, 95 or 90 for a hot spot (Gi*, FDR), else 0
    label: str = ""


@dataclass
class ResidentReportsSection:
    total: PublicFigure
    by_category: list[CategoryCount]
    places: list[MapCell]
    without_place: int


@dataclass
class EstSection:
    """EST observations of places and situations (counts of observations, not of people)."""

    total: int
    previous: int
    by_category: list[TypeCount]
    by_area: list[tuple[str, int]]
    by_time_of_day: list[tuple[str, int]]
    by_weekday: list[int]


@dataclass
class HotSpotSection:
    """Getis-Ord Gi* on a regular grid over the geocoded points (EST and residents' reports),
    with Benjamini–Hochberg FDR."""

    cell_m: float
    points: int
    cells: list[MapCell]


# Dialogues and safety walks


@dataclass
class DialogueSection:
    dialogues: int
    citizen: int
    staff: int
    participants: PublicFigure
    remarks_by_focus_area: list[CategoryCount]
    heard: list[str]  # public remarks of published dialogues


@dataclass
class WalkSection:
    walks: int
    participants: PublicFigure
    stops_by_category: list[tuple[str, int]]
    actions_by_status: list[tuple[str, int]]
    places: list[MapCell]


# Sources


@dataclass
class SourceNote:
    key: str
    name: str
    used: bool
    detail: str  # what was used, or why it is left out
    limits: str


@dataclass
class ReportFigures:
    scope: Scope
    municipalities: list[Place]
    areas: list[str]
    built_at: datetime.datetime
    police_events: PoliceEventsSection | None = None
    time_patterns: TimePatterns | None = None
    crime: CrimeSection | None = None
    surveys: SurveySection | None = None
    resident_reports: ResidentReportsSection | None = None
    est: EstSection | None = None
    hot_spots: HotSpotSection | None = None
    dialogues: DialogueSection | None = None
    walks: WalkSection | None = None
    sources: list[SourceNote] = field(default_factory=list)
    version: int = FORMAT_VERSION

    @property
    def has_data(self) -> bool:
        return any(s.used for s in self.sources)

    @property
    def used(self) -> list[SourceNote]:
        return [s for s in self.sources if s.used]

    @property
    def left_out(self) -> list[SourceNote]:
        return [s for s in self.sources if not s.used]


def dump(obj: object) -> object:
    """JSON-safe data of a dataclass tree (dates as ISO text, enums by value)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, datetime.date | datetime.datetime):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [dump(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): dump(v) for k, v in obj.items()}
    return obj


def load(kind: object, data: object) -> object:
    """The dataclass tree back from `dump`'s data, guided by the type hints."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return load(options[0], data)
    if origin is list:
        (item,) = typing.get_args(kind)
        return [load(item, v) for v in data]
    if origin is tuple:
        return tuple(load(a, v) for a, v in zip(typing.get_args(kind), data, strict=True))
    if origin is dict:
        _key, value = typing.get_args(kind)
        return {k: load(value, v) for k, v in data.items()}
    if kind is datetime.datetime:
        return datetime.datetime.fromisoformat(data)
    if kind is datetime.date:
        return datetime.date.fromisoformat(data)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return None if data is None else kind(data)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: load(hints[k], v) for k, v in data.items() if k in fields})
    return data


def load_figures(data: dict) -> ReportFigures:
    return load(ReportFigures, data)
