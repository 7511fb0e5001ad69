"""Reading CSV, XLSX and JSON into numbered rows.

Row numbers are those a person sees in a spreadsheet program: the header is row 1 of a CSV file
(a quoted cell spanning several lines is still one row), and XLSX rows keep the sheet's own
numbers. Blank rows are skipped, but never renumber the rows after them.
"""

import csv
import io
import itertools
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from core.imports.files import ImportFile
from core.imports.issues import FileRefused

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
GZIP_MAGIC = b"\x1f\x8b"
DELIMITERS = (";", ",", "\t")
# Statistics exports (SCB's, Brå's) put a title and a blank line above the header: a reader
# told what its header looks like searches this many non-blank rows for it.
HEADER_SEARCH_ROWS = 20
HeaderTest = Callable[[tuple[str, ...]], bool]


@dataclass(frozen=True)
class SourceRow:
    number: int
    values: tuple[object, ...]
    sheet: str = ""


@dataclass
class Sheet:
    """A header and the data rows under it. `rows` is an iterator: read it once."""

    name: str
    header: tuple[str, ...]
    header_row: int
    rows: Iterator[SourceRow]


def _is_blank(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _header_cells(values: Sequence[object]) -> tuple[str, ...]:
    cells = ["" if v is None else str(v).strip() for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def _split_header(
    rows: Iterator[SourceRow], name: str, header_where: HeaderTest | None = None
) -> Sheet:
    """The first non-blank row is the header; with `header_where`, the first of the next
    HEADER_SEARCH_ROWS non-blank rows that passes it (the rows above, a title, are skipped),
    else the first non-blank row all the same, so that the column check names what is wrong."""
    seen: list[SourceRow] = []
    for row in rows:
        if _is_blank(row.values):
            continue
        header = _header_cells(row.values)
        if header_where is None or header_where(header):
            return Sheet(name=name, header=header, header_row=row.number, rows=_data(rows))
        seen.append(row)
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    if not seen:
        raise FileRefused(_("Filen är tom: den har ingen rubrikrad."))
    first, rest = seen[0], seen[1:]
    return Sheet(
        name=name,
        header=_header_cells(first.values),
        header_row=first.number,
        rows=_data(itertools.chain(rest, rows)),
    )


def _data(rows: Iterator[SourceRow]) -> Iterator[SourceRow]:
    return (row for row in rows if not _is_blank(row.values))


# CSV


def _decode_text(source: ImportFile) -> str:
    content = source.content
    if content.startswith(ZIP_MAGIC) or content.startswith(OLE_MAGIC):
        raise FileRefused(
            _(
                "Filen ”%(name)s” är ett Excel-ark, inte en CSV-fil. Ladda upp den som .xlsx, "
                "eller spara den som ”CSV UTF-8” i Excel."
            )
            % {"name": source.name}
        )
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise FileRefused(
            _(
                "Filen är inte UTF-8-kodad (första felet på rad %(line)s). Spara den som "
                "”CSV UTF-8 (kommaavgränsad)” i Excel, eller som UTF-8 i ett annat program."
            )
            % {"line": line}
        ) from error
    return text.removeprefix("\ufeff")


def _delimiter(text: str, header_where: HeaderTest | None = None) -> str:
    """The delimiter of the header: Swedish Excel writes ';', most other programs ','. With
    `header_where`, the delimiter that splits one of the first lines into a header that passes
    it; else the header is the first line that some delimiter splits (quotes respected), so a
    quoted title line above it ("Folkmängd efter region, ålder och kön") does not decide."""
    lines = list(itertools.islice(io.StringIO(text, newline=""), HEADER_SEARCH_ROWS))
    if header_where is not None:
        for line in lines:
            for delimiter in DELIMITERS:
                if header_where(_header_cells(_fields(line, delimiter))):
                    return delimiter
    for line in lines:
        counts = {d: len(_fields(line, d)) for d in DELIMITERS}
        best = max(DELIMITERS, key=lambda d: counts[d])
        if counts[best] > 1:
            return best
    return ","


def _fields(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
    except csv.Error:
        return []


def _csv_rows(text: str, delimiter: str) -> Iterator[SourceRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for values in reader:
            number += 1
            yield SourceRow(number=number, values=tuple(values))
    except csv.Error as error:
        raise FileRefused(
            _("Filen kan inte läsas som CSV (rad %(row)s): %(reason)s")
            % {"row": number + 1, "reason": error}
        ) from error


def read_csv(source: ImportFile, header_where: HeaderTest | None = None) -> Sheet:
    """A CSV file in UTF-8 (with or without BOM), delimited by ';', ',' or tab."""
    text = _decode_text(source)
    if "\x00" in text:
        raise FileRefused(_("Filen innehåller binära data och är ingen textfil (CSV)."))
    delimiter = _delimiter(text, header_where)
    return _split_header(_csv_rows(text, delimiter), name="", header_where=header_where)


# XLSX


def _check_unpacked_size(content: bytes) -> None:
    """Refuse a workbook that would unpack to more than IMPORT_MAX_UNPACKED_BYTES (a "zip
    bomb"). The sizes in the zip directory are the most its members unpack to: Python's zipfile
    stops reading a member there."""
    limit = settings.IMPORT_MAX_UNPACKED_BYTES
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:  # zipfile raises many kinds for a damaged archive
        return  # the file is refused as damaged below, when openpyxl cannot open it
    if unpacked > limit:
        raise FileRefused(
            _(
                "Arbetsboken packas upp till mer än %(max)s megabyte och kan inte läsas in. "
                "Dela upp den i mindre filer."
            )
            % {"max": limit // 2**20}
        )


class Workbook:
    """An .xlsx workbook opened read-only: sheets are streamed row by row, not loaded whole."""

    def __init__(self, source: ImportFile) -> None:
        import openpyxl

        content = source.content
        not_xlsx = _(
            "Filen ”%(name)s” är inget Excel-ark (.xlsx), fast namnet slutar på .xlsx. Öppna "
            "den i Excel eller LibreOffice och spara den som ”Excel-arbetsbok (.xlsx)”."
        ) % {"name": source.name}
        if content.startswith(OLE_MAGIC):
            raise FileRefused(
                _(
                    "Filen är i det gamla Excel-formatet (.xls). Spara den som "
                    "”Excel-arbetsbok (.xlsx)” och försök igen."
                )
            )
        if not content.startswith(ZIP_MAGIC):
            raise FileRefused(not_xlsx)
        _check_unpacked_size(content)
        try:
            self._book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise FileRefused(not_xlsx) from error
        self.names: list[str] = list(self._book.sheetnames)

    def _rows(self, name: str) -> Iterator[SourceRow]:
        try:
            for number, values in enumerate(self._book[name].iter_rows(values_only=True), 1):
                yield SourceRow(number=number, values=tuple(values), sheet=name)
        except Exception as error:
            raise FileRefused(
                _("Bladet ”%(sheet)s” är skadat och kan inte läsas.") % {"sheet": name}
            ) from error

    def find(self, name: str) -> str | None:
        """The sheet's name as the workbook spells it, matched without regard to case or
        spacing ("Survey" for "survey"), or None."""
        wanted = " ".join(name.split()).casefold()
        return next((n for n in self.names if " ".join(n.split()).casefold() == wanted), None)

    def sheet(self, name: str | None = None, header_where: HeaderTest | None = None) -> Sheet:
        """The named sheet, or the first one."""
        if not self.names:
            raise FileRefused(_("Arbetsboken har inga blad."))
        name = name or self.names[0]
        if name not in self.names:
            raise FileRefused(
                _("Arbetsboken saknar bladet ”%(sheet)s”. Bladen som finns: %(names)s.")
                % {"sheet": name, "names": ", ".join(self.names)}
            )
        return _split_header(self._rows(name), name=name, header_where=header_where)

    def sheets(self, *names: str) -> dict[str, Sheet]:
        """Several sheets by name (e.g. an XLSForm's survey, choices and settings)."""
        missing = [n for n in names if n not in self.names]
        if missing:
            raise FileRefused(
                _("Arbetsboken saknar bladen %(missing)s. Bladen som finns: %(names)s.")
                % {"missing": ", ".join(f"”{n}”" for n in missing), "names": ", ".join(self.names)}
            )
        return {n: self.sheet(n) for n in names}


def read_table(
    source: ImportFile, preferred_sheet: str = "", header_where: HeaderTest | None = None
) -> Sheet:
    """One table from a .csv or .xlsx file: in a workbook the sheet called `preferred_sheet`
    if there is one, else the first. `header_where` finds a header below title lines."""
    if source.suffix == ".csv":
        return read_csv(source, header_where)
    if source.suffix == ".xlsx":
        book = Workbook(source)
        name = preferred_sheet if preferred_sheet in book.names else None
        return book.sheet(name, header_where)
    raise FileRefused(_("Filen ”%(name)s” är varken .csv eller .xlsx.") % {"name": source.name})


# JSON


@dataclass(frozen=True)
class JsonRecord:
    number: int
    value: object


def _gunzip(content: bytes) -> bytes:
    limit = settings.IMPORT_MAX_UNPACKED_BYTES
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(content, limit + 1)
    except zlib.error as error:
        raise FileRefused(_("Filen är inte en giltig gzip-fil.")) from error
    if len(data) > limit or inflater.unconsumed_tail:
        raise FileRefused(
            _("Den uppackade filen är större än %(max)s megabyte.") % {"max": limit // 2**20}
        )
    if not inflater.eof:
        # zlib unpacks what there is of a cut-off file without complaint: a truncated gzip
        # file must not be read as a shorter, still valid one.
        raise FileRefused(_("Gzip-filen är avkortad: den slutar innan allt har packats upp."))
    return data


def read_json(source: ImportFile, list_key: str = "") -> Iterator[JsonRecord]:
    """The records of a JSON array (plain or gzip-compressed), numbered from 1; with
    `list_key`, the array under that key of a top-level object."""
    content = source.content
    if content.startswith(GZIP_MAGIC):
        content = _gunzip(content)
    try:
        data = json.loads(content)
    except UnicodeDecodeError as error:
        raise FileRefused(_("Filen är inte UTF-8-kodad JSON.")) from error
    except json.JSONDecodeError as error:
        raise FileRefused(
            _("Filen är inte giltig JSON (rad %(line)s, tecken %(col)s): %(reason)s")
            % {"line": error.lineno, "col": error.colno, "reason": error.msg}
        ) from error
    if list_key and isinstance(data, dict):
        data = data.get(list_key)
    if not isinstance(data, list):
        raise FileRefused(_("Filen ska innehålla en lista (en JSON-array) med poster."))
    return (JsonRecord(number=i, value=v) for i, v in enumerate(data, start=1))
