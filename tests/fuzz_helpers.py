"""What the fuzz tests of the importers share: a bounded hypothesis profile, strategies that
make CSV, XLSX and JSON files (random headers, cells, types, encodings, sheet names, formulas,
huge numbers, empty rows; truncated and damaged files), and the all-or-nothing check.

The profile: `fuzz(n)` is n examples per test (about 25-50, so that `make test` stays fast);
`HYPOTHESIS_PROFILE=long` runs ten times as many.
"""

import datetime
import gzip
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterable, Sequence

import openpyxl
from django.db import models
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

settings.register_profile(
    "fuzz",
    max_examples=30,
    deadline=None,
    database=None,
    # `make test` (and so CI) runs the same examples every time; the long profile explores.
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "long", parent=settings.get_profile("fuzz"), max_examples=300, derandomize=False
)
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
PROFILE = settings.get_profile("long" if LONG else "fuzz")


def fuzz(examples: int = 30) -> settings:
    """The fuzz profile with `examples` examples (ten times as many with the long profile)."""
    return settings(PROFILE, max_examples=examples * 10 if LONG else examples)


# Cells

TRICKY = [
    "",
    " ",
    "..",
    ".",
    "...",
    "-",
    "0",
    "-1",
    "1 234",
    "6 899,5",
    "1e309",
    "-1e309",
    "nan",
    "inf",
    "9" * 40,
    "=1+1",
    '=HYPERLINK("http://evil.example","x")',
    "'=cmd",
    "@SUM(A1)",
    "\u202e",
    "\ufeff",
    "ﷺ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "x" * 3000,
    "\r\n",
    "ja",
    "nej",
    "2025-02-30",
    "2025-13-01",
    "0000-00-00",
    "31/12/2025",
    "<script>alert(1)</script>",
    "NULL",
]
# Text a worksheet can hold (no control characters, no lone surrogates).
SHEET_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=40)


def text_cells(samples: Sequence[str] = ()) -> st.SearchStrategy[str]:
    """Cells as text: the importer's own likely values, tricky ones, and random text."""
    return st.one_of(st.sampled_from([*samples, *TRICKY]), st.text(max_size=30))


def sheet_text_cells(samples: Sequence[str] = ()) -> st.SearchStrategy[str]:
    """Text cells a worksheet can hold."""
    printable = [s for s in [*samples, *TRICKY] if s.isprintable() or s == "\r\n"]
    return st.one_of(st.sampled_from(printable), SHEET_TEXT)


def sheet_cells(samples: Sequence[str] = ()) -> st.SearchStrategy[object]:
    """Cells an .xlsx can hold, of every type: text, huge and tiny numbers, booleans, dates,
    formulas (without a cached value, so they read as empty) and empty cells."""
    return st.one_of(
        sheet_text_cells(samples),
        st.none(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(9999, 12, 31)),
        st.datetimes(
            min_value=datetime.datetime(1900, 3, 1), max_value=datetime.datetime(9999, 12, 31)
        ),
        st.sampled_from(["=1/0", "=SUM(A1:A3)", "=A1", '=CONCAT("a";"b")', "=NOW()"]),
    )


def headers(samples: Sequence[Sequence[str]], cells: st.SearchStrategy) -> st.SearchStrategy:
    """A header: one of the importer's own (perhaps with a column dropped or shuffled), or
    random cells."""
    real = st.sampled_from([list(h) for h in samples])
    return st.one_of(
        real,
        real.flatmap(lambda h: st.permutations(h)).map(list),
        real.flatmap(
            lambda h: st.integers(0, max(len(h) - 1, 0)).map(lambda i: h[:i] + h[i + 1 :])
        ),
        st.lists(cells, min_size=1, max_size=6),
    )


# CSV

ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16"]


@st.composite
def csv_files(
    draw: st.DrawFn,
    header_samples: Sequence[Sequence[str]] = (),
    cell_samples: Sequence[str] = (),
    title: str = "",
    max_rows: int = 8,
) -> bytes:
    """A CSV file: a header, rows of random length (empty rows among them), any of the three
    delimiters, perhaps a title line above, in one of several encodings."""
    cells = text_cells(cell_samples)
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    header = (
        draw(headers(header_samples, cells))
        if header_samples
        else draw(st.lists(cells, min_size=1, max_size=6))
    )
    width = len(header) + 1
    rows = draw(
        st.lists(st.one_of(st.lists(cells, max_size=width), st.just([])), max_size=max_rows)
    )
    quote = draw(st.booleans())

    def line(row: Sequence[str]) -> str:
        if quote:
            return delimiter.join('"' + c.replace('"', '""') + '"' for c in row)
        return delimiter.join(row)

    text = "\n".join([line(header)] + [line(r) for r in rows])
    if title and draw(st.booleans()):
        text = f'"{title}"\n\n' + text
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode(draw(st.sampled_from(ENCODINGS)), "replace")


# XLSX


def xlsx_bytes(sheets: dict[str, Iterable[Sequence[object]]]) -> bytes:
    """A workbook with these sheets (name: rows), in order."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SHEET_NAMES = st.one_of(
    st.sampled_from(["Sheet", "Blad1", "survey", "choices", "settings", "Aktivitetsplan", "Data"]),
    st.text(
        alphabet=st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="[]:*?/\\'"),
        min_size=1,
        max_size=31,
    ).filter(lambda s: s.strip() and s.lower() != "history"),
)


@st.composite
def xlsx_files(
    draw: st.DrawFn,
    header_samples: Sequence[Sequence[str]] = (),
    cell_samples: Sequence[str] = (),
    sheet_names: Sequence[str] = (),
    max_rows: int = 8,
) -> bytes:
    """A workbook of one to three sheets (the expected names or random, wrong ones), each with a
    header and rows of cells of every type, empty rows among them."""
    cells = sheet_cells(cell_samples)
    names_strategy = st.sampled_from(list(sheet_names)) if sheet_names else SHEET_NAMES
    names = draw(
        st.lists(
            st.one_of(names_strategy, SHEET_NAMES),
            min_size=1,
            max_size=3,
            unique_by=lambda s: s.casefold(),
        )
    )
    sheets = {}
    for name in names:
        rows: list[list[object]] = []
        if draw(st.booleans()):
            rows.append(draw(st.one_of(st.just([]), st.lists(cells, max_size=2))))  # a title
        if header_samples:
            rows.append(draw(headers(header_samples, sheet_text_cells(cell_samples))))
        width = max((len(r) for r in rows), default=3) + 1
        rows += draw(
            st.lists(st.one_of(st.lists(cells, max_size=width), st.just([])), max_size=max_rows)
        )
        sheets[name] = rows
    return xlsx_bytes(sheets)


# Damaged files


@st.composite
def damaged(draw: st.DrawFn, whole: bytes) -> bytes:
    """A good file cut short, or with a byte changed (or both). The draws do not depend on the
    file's length, so a file made anew for each example (a workbook has a timestamp) is fine."""
    cut = draw(st.integers(min_value=0, max_value=2**20)) % (len(whole) + 1)
    content = bytearray(whole[:cut] if draw(st.booleans()) else whole)
    where, byte = draw(st.integers(0, 2**20)), draw(st.integers(0, 255))
    if content and draw(st.booleans()):
        content[where % len(content)] = byte
    return bytes(content)


def zip_bomb_xlsx(rows: int = 2_000_000) -> bytes:
    """An .xlsx of a few hundred kilobytes whose sheet unpacks to hundreds of megabytes."""
    good = xlsx_bytes({"Blad1": [["a", "b"], [1, 2]]})
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                row = b'<row><c t="inlineStr"><is><t>a</t></is></c></row>'
                body = (
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                    + row * rows
                    + b"</sheetData></worksheet>"
                )
                bomb.writestr(info.filename, body)
            else:
                bomb.writestr(info, source.read(info.filename))
    return buffer.getvalue()


# JSON


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def json_files(draw: st.DrawFn, records: st.SearchStrategy) -> bytes:
    """A JSON array of `records` (or another JSON value), perhaps gzipped, perhaps in another
    encoding, perhaps cut short."""
    value = draw(st.one_of(st.lists(records, max_size=6), JSON_VALUES))
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    content = text.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "latin-1"])), "replace")
    if draw(st.booleans()):
        content = gzip.compress(content)
    if draw(st.integers(0, 4)) == 0:
        content = content[: draw(st.integers(0, len(content)))]
    return content


# All or nothing


def counts(tables: Iterable[type[models.Model]]) -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in tables}


def check_all_or_nothing(
    run: Callable[[], object],
    tables: Iterable[type[models.Model]],
    on_accept: Callable[[object, dict[str, int], dict[str, int]], None] | None = None,
) -> object:
    """Run an import (any exception fails the test); count every affected table before and
    after. Refused: nothing changed, and the plan says why. Accepted: one ImportRecord more,
    no errors, and `on_accept(plan, before, after)` checks that what is stored is consistent."""
    tables = list(tables)
    before = counts(tables)
    plan = run()
    after = counts(tables)
    event("accepted" if plan.record is not None else "refused")
    if plan.record is None:
        assert after == before, "nothing may be stored when the import is refused"
        assert plan.errors or plan.previous is not None or not plan.changes
        for issue in plan.errors:
            assert str(issue).strip(), "every problem says what is wrong"
        return plan
    assert not plan.errors
    assert after["ImportRecord"] == before["ImportRecord"] + 1
    if on_accept is not None:
        on_accept(plan, before, after)
    return plan


@st.composite
def mutated_rows(
    draw: st.DrawFn, rows: Sequence[Sequence[object]], cells: st.SearchStrategy
) -> list[list[object]]:
    """A good table (header first) with some cells replaced, rows dropped, repeated or
    emptied: files that get past the header check and fail, or pass, row by row."""
    table = [list(r) for r in rows]
    for _ in range(draw(st.integers(0, 6))):
        if len(table) < 2:
            break
        row = draw(st.integers(1, len(table) - 1))
        action = draw(st.sampled_from(["cell", "cell", "cell", "drop", "repeat", "empty"]))
        if action == "cell" and table[row]:
            table[row][draw(st.integers(0, len(table[row]) - 1))] = draw(cells)
        elif action == "drop":
            del table[row]
        elif action == "repeat":
            table.append(list(table[row]))
        else:
            table.insert(row, [])
    return table


def csv_text(rows: Iterable[Sequence[object]], delimiter: str = ";") -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(
        ["" if c is None else str(c) for c in row] for row in rows
    )
    return ("\ufeff" + buffer.getvalue()).encode()
