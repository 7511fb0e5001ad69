"""Typed cell parsers. Each takes the raw cell (a string from CSV; a string, number, date or
bool from XLSX) and returns the value, or raises CellError with a message that says what to
write instead. An empty cell gives the parser's empty value, or an error when it is required.
"""

import datetime
import re
from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formulas import restore_formula
from core.imports.issues import CellError

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augusti", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MAX_DIGITS = 18  # a whole number of more digits is a mistake (and may not fit the database)
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
SWEDISH_DATE = re.compile(r"^(\d{1,2})\.? ?([a-zåäö]+)\.? (\d{4})$")
NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
YES = {"ja", "j", "yes", "y", "true", "sant", "1", "x"}
NO = {"nej", "n", "no", "false", "falskt", "0"}
REQUIRED = gettext_lazy("Fältet får inte vara tomt.")


def normalise_key(value: object) -> str:
    """How names, labels and headers are compared: case and spacing do not matter."""
    return " ".join(str(value).split()).casefold()


def cell_text(raw: object) -> str:
    """The cell as text, as a spreadsheet program shows it (12.0 is "12")."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "ja" if raw else "nej"  # as written in a file, whatever the page language
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime.datetime) and raw.time() == datetime.time():
        return raw.date().isoformat()
    if isinstance(raw, datetime.date):
        return raw.isoformat()
    return str(raw).strip()


def is_empty(raw: object) -> bool:
    return cell_text(raw) == ""


class Cell:
    """Base parser: handles empty cells; subclasses implement `parse` for the rest."""

    def __init__(self, *, required: bool = False) -> None:
        self.required = required

    def __call__(self, raw: object) -> object:
        if is_empty(raw):
            if self.required:
                raise CellError(str(REQUIRED))
            return self.empty()
        return self.parse(raw)

    def empty(self) -> object:
        return None

    def parse(self, raw: object) -> object:
        raise NotImplementedError


class Text(Cell):
    """Free text. A leading apostrophe that neutralised a formula on export is taken away
    again (core.formulas), and line ends become \\n."""

    def __init__(self, *, max_length: int | None = None, required: bool = False) -> None:
        super().__init__(required=required)
        self.max_length = max_length

    def empty(self) -> str:
        return ""

    def parse(self, raw: object) -> str:
        text = restore_formula(cell_text(raw)).replace("\r\n", "\n").replace("\r", "\n")
        if self.max_length is not None and len(text) > self.max_length:
            raise CellError(
                _("Texten är för lång: %(length)s tecken, men högst %(max)s får plats.")
                % {"length": len(text), "max": self.max_length}
            )
        return text


class Integer(Cell):
    """A whole number, at least `min_value` (0 unless told otherwise)."""

    def __init__(
        self, *, min_value: int = 0, max_value: int | None = None, required: bool = False
    ) -> None:
        super().__init__(required=required)
        self.min_value, self.max_value = min_value, max_value

    def parse(self, raw: object) -> int:
        number = self._number(raw)
        if number < self.min_value:
            if self.min_value == 0:
                raise CellError(_("Antalet kan inte vara negativt."))
            raise CellError(_("Talet måste vara minst %(min)s.") % {"min": self.min_value})
        if self.max_value is not None and number > self.max_value:
            raise CellError(_("Talet får vara högst %(max)s.") % {"max": self.max_value})
        return number

    def _number(self, raw: object) -> int:
        if isinstance(raw, bool):
            raise CellError(_("Skriv ett heltal, till exempel 12."))
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        text = re.sub(r"[\s\u00a0\u202f]", "", cell_text(raw)).replace("\u2212", "-")
        if re.fullmatch(r"[-+]?\d+", text):
            if len(text.lstrip("+-").lstrip("0")) > MAX_DIGITS:
                raise CellError(_("Talet är för stort (”%(value)s”).") % {"value": text[:40]})
            return int(text)
        raise CellError(
            _("”%(value)s” är inget heltal. Skriv ett heltal, till exempel 12.")
            % {"value": cell_text(raw)}
        )


class Date(Cell):
    """A date as 2025-03-31, 31 mars 2025, 31 mar 2025, 31/3/2025 or 20250331, or a date cell
    of a spreadsheet."""

    def parse(self, raw: object) -> datetime.date:
        if isinstance(raw, datetime.datetime):
            return raw.date()
        if isinstance(raw, datetime.date):
            return raw
        text = normalise_key(raw)
        parts = self._parts(text)
        try:
            if parts is None:
                raise ValueError
            return datetime.date(*parts)
        except ValueError as error:
            raise CellError(
                _("”%(value)s” är inget datum. Skriv till exempel 2025-03-31 eller 31 mars 2025.")
                % {"value": cell_text(raw)}
            ) from error

    @staticmethod
    def _parts(text: str) -> tuple[int, int, int] | None:
        if match := ISO_DATE.match(text) or COMPACT_DATE.match(text):
            return int(match[1]), int(match[2]), int(match[3])
        if (match := SWEDISH_DATE.match(text)) and match[2] in MONTHS:
            return int(match[3]), MONTHS[match[2]], int(match[1])
        if match := NUMERIC_DATE.match(text):
            return int(match[3]), int(match[2]), int(match[1])
        return None


class YesNo(Cell):
    """ja or nej (also yes/no, 1/0, x for yes); an empty cell is `default`."""

    def __init__(self, *, default: bool = False, required: bool = False) -> None:
        super().__init__(required=required)
        self.default = default

    def empty(self) -> bool:
        return self.default

    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        text = normalise_key(cell_text(raw))
        if text in YES:
            return True
        if text in NO:
            return False
        raise CellError(_("Skriv ja eller nej."))


def _listing(names: Iterable[str], limit: int = 12) -> str:
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (", …" if len(names) > limit else "")


class Choice(Cell):
    """One of fixed choices, written as its label (”Pågår”) or its value (”ongoing”)."""

    def __init__(self, choices: Iterable[tuple[str, object]], *, required: bool = False) -> None:
        super().__init__(required=required)
        self.choices = [(value, str(label)) for value, label in choices]
        self.by_key = {}
        for value, label in self.choices:
            self.by_key[normalise_key(value)] = value
            self.by_key[normalise_key(label)] = value

    def empty(self) -> str:
        return ""

    def parse(self, raw: object) -> str:
        value = self.by_key.get(normalise_key(cell_text(raw)))
        if value is None:
            raise CellError(
                _("Okänt värde ”%(value)s”. Välj ett av: %(options)s.")
                % {"value": cell_text(raw), "options": _listing(lbl for _v, lbl in self.choices)}
            )
        return value


class Lookup(Cell):
    """An object named by its name (an organisation, a focus area). `options` maps each name
    to its object; `unknown` is the message, with %(value)s and %(options)s."""

    def __init__(
        self, options: Mapping[str, object], *, unknown: str, required: bool = False
    ) -> None:
        super().__init__(required=required)
        self.names = list(options)
        self.by_key = {normalise_key(name): obj for name, obj in options.items()}
        self.unknown = unknown

    def parse(self, raw: object) -> object:
        obj = self.by_key.get(normalise_key(cell_text(raw)))
        if obj is None:
            raise CellError(
                self.unknown % {"value": cell_text(raw), "options": _listing(self.names)}
            )
        return obj


class WithMarkers(Cell):
    """Another parser, except for marker cells that stand for something other than a value,
    e.g. Brå's ".." (missing), "XX" (suppressed) and "." (not computable): a marker gives its
    meaning from `markers`, so missing, suppressed and zero stay distinct."""

    def __init__(self, inner: Cell, markers: Mapping[str, object]) -> None:
        super().__init__(required=inner.required)
        self.inner = inner
        self.markers = {normalise_key(k): v for k, v in markers.items()}

    def __call__(self, raw: object) -> object:
        key = normalise_key(cell_text(raw))
        if key in self.markers:
            return self.markers[key]
        return self.inner(raw)
