"""When things happen: counts by month × weekday × hour, with the events whose hour is not known
(a date without a time) kept apart rather than put at midnight.

Times are local Swedish time: an aware datetime is converted to Europe/Stockholm, a naive one is
taken as local already. Weekdays run Monday (0) to Sunday (6), months January (0) to December
(11) as array indices.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

import numpy as np

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class TimePattern:
    counts: np.ndarray  # (12, 7, 24): month × weekday × hour, events whose hour is known
    hour_unknown: np.ndarray  # (12, 7): month × weekday, events with a date only
    undated: int  # events without even a date, in no array

    @property
    def total(self) -> int:
        return int(self.counts.sum() + self.hour_unknown.sum())

    def by_month(self) -> np.ndarray:
        """(12,) every dated event, hour known or not."""
        return self.counts.sum(axis=(1, 2)) + self.hour_unknown.sum(axis=1)

    def by_weekday(self) -> np.ndarray:
        """(7,) every dated event, hour known or not."""
        return self.counts.sum(axis=(0, 2)) + self.hour_unknown.sum(axis=0)

    def by_hour(self) -> np.ndarray:
        """(24,) only the events whose hour is known."""
        return self.counts.sum(axis=(0, 1))

    def weekday_by_hour(self) -> np.ndarray:
        """(7, 24) only the events whose hour is known."""
        return self.counts.sum(axis=0)


def time_pattern(
    moments: Iterable[datetime | date | None], *, zone: tzinfo = STOCKHOLM
) -> TimePattern:
    """Count the moments: a datetime by its month, weekday and hour; a date by its month and
    weekday only (hour unknown); None as undated."""
    timed, dated, undated = [], [], 0
    for moment in moments:
        if moment is None:
            undated += 1
        elif isinstance(moment, datetime):
            local = moment.astimezone(zone) if moment.tzinfo is not None else moment
            timed.append(((local.month - 1) * 7 + local.weekday()) * 24 + local.hour)
        elif isinstance(moment, date):
            dated.append((moment.month - 1) * 7 + moment.weekday())
        else:
            raise TypeError(f"not a date or datetime: {moment!r}")
    counts = np.bincount(np.array(timed, dtype=np.int64), minlength=12 * 7 * 24)
    hour_unknown = np.bincount(np.array(dated, dtype=np.int64), minlength=12 * 7)
    return TimePattern(counts.reshape(12, 7, 24), hour_unknown.reshape(12, 7), undated)
