"""The periods EST is analysed by (DOMAIN.md §4): quarters or tertials, as the municipality
works (setting `EST_ANALYSIS_PERIOD`, "quarter" by default), and whole years. Pure: dates in,
dates out.

A period is named in URLs as "2025" (the year), "2025-K2" (second quarter) or "2025-T1" (first
tertial, January–April).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

YEAR, QUARTER, TERTIAL = "year", "quarter", "tertial"
MONTHS = {QUARTER: 3, TERTIAL: 4, YEAR: 12}
_LETTER = {QUARTER: "K", TERTIAL: "T"}
_NAME = re.compile(r"^(?P<year>\d{4})(?:-(?P<letter>[KT])(?P<number>[1-4]))?$")


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    number: int = 1  # the quarter or tertial within the year; 1 for a year

    def __post_init__(self) -> None:
        if self.kind not in MONTHS or not 1 <= self.number <= 12 // MONTHS[self.kind]:
            raise ValueError(f"no period {self.kind} {self.number}")

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, (self.number - 1) * MONTHS[self.kind] + 1, 1)

    @property
    def end(self) -> datetime.date:
        """The last day of the period."""
        last_month = self.number * MONTHS[self.kind]
        if last_month == 12:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, last_month + 1, 1) - datetime.timedelta(days=1)

    @property
    def slug(self) -> str:
        return (
            str(self.year)
            if self.kind == YEAR
            else f"{self.year}-{_LETTER[self.kind]}{self.number}"
        )

    @property
    def label(self) -> str:
        if self.kind == YEAR:
            return str(self.year)
        if self.kind == QUARTER:
            return _("kvartal %(number)s %(year)s") % {"number": self.number, "year": self.year}
        return _("tertial %(number)s %(year)s") % {"number": self.number, "year": self.year}

    def previous(self) -> "Period":
        if self.number > 1:
            return Period(self.kind, self.year, self.number - 1)
        return Period(self.kind, self.year - 1, 12 // MONTHS[self.kind])

    def next(self) -> "Period":
        if self.number < 12 // MONTHS[self.kind]:
            return Period(self.kind, self.year, self.number + 1)
        return Period(self.kind, self.year + 1, 1)

    def same_last_year(self) -> "Period":
        return Period(self.kind, self.year - 1, self.number)

    def parts(self, kind: str) -> list["Period"]:
        """A year cut into quarters or tertials."""
        return [Period(kind, self.year, n) for n in range(1, 12 // MONTHS[kind] + 1)]


def parse_period(name: str) -> Period | None:
    match = _NAME.match(name or "")
    if not match:
        return None
    year = int(match["year"])
    if not match["letter"]:
        return Period(YEAR, year)
    kind = QUARTER if match["letter"] == "K" else TERTIAL
    try:
        return Period(kind, year, int(match["number"]))
    except ValueError:
        return None


def period_containing(day: datetime.date, kind: str) -> Period:
    return Period(kind, day.year, (day.month - 1) // MONTHS[kind] + 1)


def iso_week_dates(year: int, week: int) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of an ISO week; ValueError when the year has no such week."""
    monday = datetime.date.fromisocalendar(year, week, 1)
    return monday, monday + datetime.timedelta(days=6)
