"""Cells of the statistics files (Brå's crime tables, SCB's population): a municipality by code
or name, a period, and a figure or one of the markers that stand for no figure. Each parser
returns the value or raises CellError saying what to write instead."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import CellError, cell_text, normalise_key
from core.imports.cells import MONTHS
from organisations.models import Municipality

FIRST_YEAR, LAST_YEAR = 1950, 2100
# A row for the whole country or a county: Brå's and SCB's tables carry them above the
# municipalities. They are not municipal figures, so they are left out (with a note), never
# stored as a municipality's nor added up from the municipalities.
NOT_A_MUNICIPALITY = object()
COUNTRY_WORDS = {"riket", "hela riket", "sverige", "00", "0", "00 riket", "0 riket"}
CODE_AND_NAME = re.compile(r"^(\d{1,4})(?:\s+(.*))?$")


class Municipalities:
    """The 290 municipalities by code and by name, read once per import."""

    def __init__(self) -> None:
        self.by_code: dict[str, Municipality] = {}
        self.by_name: dict[str, Municipality] = {}
        for municipality in Municipality.objects.all():
            self.by_code[municipality.code] = municipality
            for name in (
                municipality.name,
                f"{municipality.name} kommun",
                f"{municipality.name}s kommun",
            ):
                self.by_name[normalise_key(name)] = municipality

    def __call__(self, raw: object) -> Municipality | object:
        """ "1419", "1419 Tjörn", "Tjörn", "Tjörns kommun"; 180 (a code that lost its leading
        zero in Excel) is 0180. The country and the counties give NOT_A_MUNICIPALITY."""
        text = cell_text(raw)
        key = normalise_key(text)
        if not key:
            raise CellError(_("Fältet får inte vara tomt. Skriv kommunkoden, t.ex. 1419."))
        if key in COUNTRY_WORDS or key.endswith(" län") or key.endswith(" lan"):
            return NOT_A_MUNICIPALITY
        if key in self.by_name:
            return self.by_name[key]
        match = CODE_AND_NAME.match(key)
        if match is None:
            raise CellError(
                _("Okänd kommun ”%(value)s”. Skriv kommunkoden (fyra siffror, t.ex. 1419).")
                % {"value": text}
            )
        code, name = match[1], (match[2] or "").strip()
        if len(code) <= 2 and (not name or name.endswith("län") or name in COUNTRY_WORDS):
            return NOT_A_MUNICIPALITY
        municipality = self.by_code.get(code.zfill(4))
        if municipality is None:
            raise CellError(
                _(
                    "Okänd kommunkod ”%(value)s”. Sveriges kommuner har fyrsiffriga koder, t.ex. 1419 för Tjörn."
                )
                % {"value": text}
            )
        if name and self.by_name.get(name) not in (None, municipality):
            raise CellError(
                _("Kommunkoden %(code)s är %(name)s, inte %(written)s. Kontrollera raden.")
                % {
                    "code": municipality.code,
                    "name": municipality.name,
                    "written": text.split(None, 1)[-1],
                }
            )
        return municipality


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int | None = None
    month: int | None = None

    @property
    def key(self) -> str:
        if self.quarter:
            return f"{self.year}-K{self.quarter}"
        if self.month:
            return f"{self.year}-{self.month:02d}"
        return str(self.year)


YEAR = re.compile(r"^(\d{4})$")
QUARTER = (
    re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*(?:k|q|kv|kvartal)\s*(?P<n>\d)$"),
    re.compile(r"^(?:k|q|kv|kvartal)\s*(?P<n>\d)\s*[-/ ]?\s*(?P<year>\d{4})$"),
)
MONTH = (
    re.compile(r"^(?P<year>\d{4})\s*(?:-|/|m|-m)\s*(?P<n>\d{1,2})$"),
    re.compile(r"^(?P<name>[a-zåäö]+)\.?\s+(?P<year>\d{4})$"),
    re.compile(r"^(?P<year>\d{4})\s+(?P<name>[a-zåäö]+)\.?$"),
)
PERIOD_HELP = gettext_lazy(
    "Skriv ett år (2024), ett kvartal (2024K2) eller en månad (2024M03, 2024-03 eller mars 2024)."
)


def parse_period(raw: object) -> Period:
    """A year, a quarter or a month; a date cell of a spreadsheet on the 1st is its month."""
    if isinstance(raw, datetime.datetime | datetime.date):
        if raw.day != 1:
            raise CellError(_("En period är ett år, ett kvartal eller en månad, inte en dag."))
        return _checked(Period(raw.year, month=raw.month))
    text = normalise_key(cell_text(raw))
    if not text:
        raise CellError(_("Fältet får inte vara tomt.") + " " + str(PERIOD_HELP))
    if match := YEAR.match(text):
        return _checked(Period(int(match[1])))
    for pattern in QUARTER:
        if match := pattern.match(text):
            quarter = int(match["n"])
            if not 1 <= quarter <= 4:
                raise CellError(_("Kvartalet måste vara 1–4 (”%(value)s”).") % {"value": text})
            return _checked(Period(int(match["year"]), quarter=quarter))
    for pattern in MONTH:
        if match := pattern.match(text):
            if "name" in match.groupdict():
                month = MONTHS.get(match["name"])
                if month is None:
                    break
            else:
                month = int(match["n"])
            if not 1 <= month <= 12:
                raise CellError(_("Månaden måste vara 1–12 (”%(value)s”).") % {"value": text})
            return _checked(Period(int(match["year"]), month=month))
    raise CellError(
        _("”%(value)s” är ingen period. %(help)s") % {"value": cell_text(raw), "help": PERIOD_HELP}
    )


def _checked(period: Period) -> Period:
    if not FIRST_YEAR <= period.year <= LAST_YEAR:
        raise CellError(
            _("Året %(year)s är inte rimligt (%(first)s–%(last)s).")
            % {"year": period.year, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return period


def looks_like_period(header: str) -> bool:
    try:
        parse_period(header)
    except CellError:
        return False
    return True


@dataclass(frozen=True)
class Figure:
    """A cell's figure: a value, or a marker (never both)."""

    value: Decimal | None
    marker: str = ""


class FigureCell:
    """A count (whole number, not negative) or a rate (decimal comma allowed), or one of the
    markers, which are kept as they are: not zero, not empty."""

    def __init__(self, markers: dict[str, str], *, whole: bool, marker_help: str) -> None:
        self.markers = {normalise_key(k): v for k, v in markers.items()}
        self.whole = whole
        self.marker_help = marker_help

    def __call__(self, raw: object) -> Figure:
        text = cell_text(raw)
        key = normalise_key(text)
        if key in self.markers:
            return Figure(None, self.markers[key])
        if not key:
            raise CellError(_("Fältet får inte vara tomt.") + " " + self.marker_help)
        number = self._number(raw, text)
        if number is None:
            raise CellError(
                _("”%(value)s” är varken ett tal eller en markering. %(help)s")
                % {"value": text, "help": self.marker_help}
            )
        if number < 0:
            raise CellError(_("Antalet kan inte vara negativt."))
        if self.whole and number != number.to_integral_value():
            raise CellError(_("Ett antal är ett heltal (”%(value)s”).") % {"value": text})
        if number >= 10**10:
            raise CellError(_("Talet är för stort (”%(value)s”).") % {"value": text})
        return Figure(number.quantize(Decimal("0.01")))

    @staticmethod
    def _number(raw: object, text: str) -> Decimal | None:
        if isinstance(raw, bool):
            return None
        if isinstance(raw, int | float):
            try:
                number = Decimal(str(raw))
            except InvalidOperation:
                return None
            return number if number.is_finite() else None
        cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace("\u2212", "-").replace(",", ".")
        if not re.fullmatch(r"[-+]?\d+(?:\.\d+)?", cleaned):
            return None
        return Decimal(cleaned)
