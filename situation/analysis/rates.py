"""Counts and rates per 1,000 inhabitants by category, area and period, change against earlier
periods, and comparison with the county and the country.

Brå's markers stay what they are: `..` (missing), `XX` (suppressed, too few) and `.` (not
computable) are never read as zero, and a sum, rate or change that needs a figure that is not
there is not there either (it carries the marker why). Periods are strings that begin with the
year: "2024", "2024-03" (month), "2024-Q1" (quarter), "2024-T2" (tertial).
"""

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum


class Marker(Enum):
    MISSING = ".."
    SUPPRESSED = "XX"
    NOT_COMPUTABLE = "."


# When figures with different markers are added up, the sum carries the first of these it meets.
_MARKER_ORDER = (Marker.SUPPRESSED, Marker.NOT_COMPUTABLE, Marker.MISSING)


@dataclass(frozen=True)
class Figure:
    """A count, rate or other figure, or the reason it is not there: `value` is None exactly
    when `marker` says why (Marker.MISSING where nothing more is known)."""

    value: float | None
    marker: Marker | None = None

    def __post_init__(self) -> None:
        if (self.value is None) == (self.marker is None):
            raise ValueError("a figure has either a value or a marker")

    @property
    def known(self) -> bool:
        return self.value is not None

    @classmethod
    def missing(cls, marker: Marker = Marker.MISSING) -> "Figure":
        return cls(None, marker)


def as_figure(value: "Figure | float | None") -> Figure:
    if isinstance(value, Figure):
        return value
    return Figure.missing() if value is None else Figure(value)


def parse_count(raw: str | int | float | None) -> Figure:
    """A cell of a Brå table: a whole number (spaces between thousands allowed) or a marker.
    An empty cell is missing; anything else is refused."""
    if raw is None:
        return Figure.missing()
    if isinstance(raw, bool):
        raise ValueError(f"not a count: {raw!r}")
    if isinstance(raw, int | float):
        if raw != int(raw) or raw < 0:
            raise ValueError(f"not a count: {raw!r}")
        return Figure(int(raw))
    text = raw.strip()
    if text == "":
        return Figure.missing()
    for marker in Marker:
        if text == marker.value:
            return Figure.missing(marker)
    digits = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not digits.isdigit():
        raise ValueError(f"not a count or one of the markers .., XX, .: {raw!r}")
    return Figure(int(digits))


def total(figures: Iterable[Figure | float | None]) -> Figure:
    """The sum, known only when every part is known (a suppressed part is never taken as 0)."""
    parts = [as_figure(f) for f in figures]
    unknown = {f.marker for f in parts if not f.known}
    for marker in _MARKER_ORDER:
        if marker in unknown:
            return Figure.missing(marker)
    return Figure(sum(f.value for f in parts))


@dataclass(frozen=True)
class CrimeCount:
    area: str
    period: str
    category: str
    count: Figure


def aggregate(
    counts: Iterable[CrimeCount], key: Callable[[CrimeCount], Hashable]
) -> dict[Hashable, Figure]:
    """Totals of the counts grouped by `key` (for instance by area and period over every
    category, or by county from municipalities), each known only if all its parts are."""
    groups: dict[Hashable, list[Figure]] = {}
    for count in counts:
        groups.setdefault(key(count), []).append(count.count)
    return {group: total(figures) for group, figures in groups.items()}


def year_of(period: str) -> int:
    match = re.match(r"(\d{4})", period)
    if not match:
        raise ValueError(f"a period begins with its year: {period!r}")
    return int(match.group(1))


def rate(
    count: Figure | float | None, population: Figure | float | None, *, per: int = 1000
) -> Figure:
    """Count per `per` inhabitants. Missing when the count or the population is (with its
    marker); not computable when the population is zero."""
    count, population = as_figure(count), as_figure(population)
    if not count.known:
        return count
    if not population.known:
        return population
    if population.value <= 0:
        return Figure.missing(Marker.NOT_COMPUTABLE)
    return Figure(count.value / population.value * per)


@dataclass(frozen=True)
class Rate:
    area: str
    period: str
    category: str
    count: Figure
    population: int | None
    rate: Figure


def rates(
    counts: Iterable[CrimeCount],
    population: Mapping[tuple[str, int], int | None],
    *,
    per: int = 1000,
) -> list[Rate]:
    """Each count with its rate per `per` inhabitants of its area in its period's year
    (`population[(area, year)]`), in the order given."""
    result = []
    for count in counts:
        inhabitants = population.get((count.area, year_of(count.period)))
        result.append(
            Rate(
                area=count.area,
                period=count.period,
                category=count.category,
                count=count.count,
                population=inhabitants,
                rate=rate(count.count, inhabitants, per=per),
            )
        )
    return result


@dataclass(frozen=True)
class Change:
    current: Figure
    base: Figure
    absolute: float | None
    percent: float | None


def change(current: Figure | float | None, base: Figure | float | None) -> Change:
    """Change from `base` to `current`: absolute when both are known, in per cent when the base
    is also not zero."""
    current, base = as_figure(current), as_figure(base)
    if not (current.known and base.known):
        return Change(current, base, None, None)
    absolute = current.value - base.value
    percent = None if base.value == 0 else absolute / base.value * 100
    return Change(current, base, absolute, percent)


def previous_period(period: str) -> str:
    """The period before: 2024 → 2023, 2024-01 → 2023-12, 2024-Q1 → 2023-Q4, 2024-T1 → 2023-T3."""
    year = year_of(period)
    rest = period[4:]
    if rest == "":
        return str(year - 1)
    match = re.fullmatch(r"-(Q|T)?(\d{1,2})", rest)
    if not match:
        raise ValueError(f"not a year, month, quarter or tertial: {period!r}")
    kind, number = match.group(1) or "", int(match.group(2))
    length = {"": 12, "Q": 4, "T": 3}[kind]
    if not 1 <= number <= length:
        raise ValueError(f"not a year, month, quarter or tertial: {period!r}")
    if number == 1:
        year, number = year - 1, length
    else:
        number -= 1
    return f"{year}-{kind}{number:02d}" if kind == "" else f"{year}-{kind}{number}"


def same_period_last_year(period: str) -> str:
    return f"{year_of(period) - 1}{period[4:]}"


def changes(
    series: Mapping[str, Figure | float | None],
    *,
    base_of: Callable[[str], str] = previous_period,
) -> dict[str, Change]:
    """For each period of the series its change from the period `base_of` gives (the one
    before, by default; `same_period_last_year` for months against the year before). A base
    period not in the series is missing."""
    return {period: change(value, series.get(base_of(period))) for period, value in series.items()}


@dataclass(frozen=True)
class Comparison:
    """An area's figure beside its county's and the country's: ratios (area / other) and
    differences (area - other), None where a figure is missing or a ratio's base is zero."""

    area: Figure
    county: Figure
    country: Figure
    county_ratio: float | None
    country_ratio: float | None
    county_difference: float | None
    country_difference: float | None


def compare(
    area: Figure | float | None,
    county: Figure | float | None,
    country: Figure | float | None,
) -> Comparison:
    area, county, country = as_figure(area), as_figure(county), as_figure(country)
    return Comparison(
        area=area,
        county=county,
        country=country,
        county_ratio=_ratio(area, county),
        country_ratio=_ratio(area, country),
        county_difference=_difference(area, county),
        country_difference=_difference(area, country),
    )


def _ratio(a: Figure, b: Figure) -> float | None:
    if not (a.known and b.known) or b.value == 0:
        return None
    return a.value / b.value


def _difference(a: Figure, b: Figure) -> float | None:
    return a.value - b.value if a.known and b.known else None
