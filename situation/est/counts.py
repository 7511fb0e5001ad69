"""Counting EST observations: pure functions on plain rows (no ORM), used by the weekly
compilation, the period analysis and `situation.est_inputs.est_summary`.

The figures count observations of places and situations, not people.
"""

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

UNPLACED = ""  # the area key of an observation given only as a point outside every area


@dataclass(frozen=True)
class Row:
    """One observation as the counts need it."""

    category: str  # the category's code
    area: str  # the area's code, or UNPLACED
    observed_on: datetime.date
    time_of_day: str
    lat: float | None = None
    lon: float | None = None

    @property
    def placed(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Change:
    current: int
    previous: int

    @property
    def difference(self) -> int:
        return self.current - self.previous

    @property
    def percent(self) -> float | None:
        """The change in per cent of the earlier figure; None when that was zero."""
        if self.previous == 0:
            return None
        return 100.0 * self.difference / self.previous


def count_by(rows: Iterable[Row], attribute: str) -> Counter:
    return Counter(getattr(row, attribute) for row in rows)


def cross_table(rows: Iterable[Row], first: str, second: str) -> Counter:
    """Counts keyed by (first, second), e.g. (area, category)."""
    return Counter((getattr(row, first), getattr(row, second)) for row in rows)


def changes(
    current: Counter, previous: Counter, keys: Sequence[object] | None = None
) -> dict[object, Change]:
    """The change of every key between two periods' counts (a key missing in one is 0)."""
    keys = list(keys) if keys is not None else sorted(set(current) | set(previous), key=str)
    return {key: Change(current.get(key, 0), previous.get(key, 0)) for key in keys}


def weekday_counts(rows: Iterable[Row]) -> list[int]:
    """Counts for Monday … Sunday."""
    counts = [0] * 7
    for row in rows:
        counts[row.observed_on.weekday()] += 1
    return counts


def points(rows: Iterable[Row]) -> list[tuple[float, float]]:
    """(lat, lon) of every observation placed on the map."""
    return [(row.lat, row.lon) for row in rows if row.placed]
