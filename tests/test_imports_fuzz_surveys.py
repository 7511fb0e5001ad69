"""Malformed files for the survey importers (XLSForm, answers, margins): random bytes, random
CSV rows and truncated workbooks never raise an unhandled exception and never leave anything
half stored. Issue 9 asks for this for every importer; these are the survey imports'."""

import io

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.imports import ImportFile
from core.models import ImportRecord
from surveys.imports.answers import AnswersImporter
from surveys.imports.margins import MarginsImporter
from surveys.imports.xlsform.importer import XLSFormImporter
from surveys.models import Item, Margin, Question, Response, Section, Survey, SurveyLanguage
from tests.survey_imports import survey_world
from tests.xlsforms import HEADER, VALID_CHOICES, valid_form, workbook

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "ganska_trygg",
            "Ganska trygg",
            "ja_ofta;nej",
            "57.96,11.55",
            "centrum",
            "Skärhamn",
            "man",
            "kvinnor",
            "16-29",
            "15-19 år",
            "100+ år",
            "1419 Tjörn",
            "2025",
            "..",
            "=1+1",
            "'=cmd",
            "\u202e",
            "ﷺ",
            "x" * 3000,
            "-1",
            "1e309",
            "nan",
            "\r\n",
        ]
    ),
    st.text(max_size=30),
)
HEADERS = st.sampled_from(
    [
        ["otrygg_kvall", "omrade", "kon", "alder", "otrygg_plats", "avstatt"],
        ["region", "ålder", "kön", "år", "antal"],
        ["region", "ålder", "kön", "2024", "2025"],
        ["variabel", "kategori", "antal"],
        ["type", "name", "label"],
    ]
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    header = draw(st.one_of(HEADERS, st.lists(CELLS, min_size=1, max_size=5)))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 1), max_size=6))
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = '"Folkmängden efter region, ålder och kön"\n\n' + text
    return text.encode(
        draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"])), "replace"
    )


def _margins_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["region", "ålder", "kön", "2025"])
    for age in range(16, 85):
        for sex in ("män", "kvinnor"):
            sheet.append(["1419 Tjörn", f"{age} år", sex, 10])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSFORM, MARGINS_XLSX = valid_form(), _margins_xlsx()
MODELS = (Survey, SurveyLanguage, Section, Question, Item, Response, Margin, ImportRecord)


def _counts() -> dict:
    return {m.__name__: m.objects.count() for m in MODELS}


def _check(importer: object, source: ImportFile) -> None:
    before = _counts()
    plan = importer.run(source)
    after = _counts()
    if plan.record is None:
        assert after == before, "nothing may be stored when the import is refused"
        assert plan.errors or plan.previous is not None or not plan.changes
        return
    assert not plan.errors
    assert after["ImportRecord"] == before["ImportRecord"] + 1
    if isinstance(importer, AnswersImporter):
        assert after["Response"] == before["Response"] + len(plan.changes)
    if isinstance(importer, XLSFormImporter):
        assert after["Survey"] == before["Survey"] + 1


@pytest.fixture
def importers(cast):
    sw = survey_world(cast)
    return [
        lambda: XLSFormImporter(organisation=cast.tjorn, user=cast.alice),
        lambda: AnswersImporter(wave=sw.wave, representative=True, user=cast.alice),
        lambda: MarginsImporter(wave=sw.wave, user=cast.alice),
    ]


@FUZZ
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes(importers, content, suffix):
    for make in importers:
        _check(make(), ImportFile.from_bytes(f"fil{suffix}", content))


@FUZZ
@given(content=csv_files())
def test_random_csv_rows(importers, content):
    for make in importers[1:]:  # XLSForm takes only .xlsx
        _check(make(), ImportFile.from_bytes("fil.csv", content))


@settings(FUZZ, max_examples=12)
@given(cut=st.integers(min_value=0, max_value=len(XLSFORM) - 1), flip=st.integers(0, 255))
def test_truncated_or_damaged_xlsx(importers, cut, flip):
    for make, whole in zip(importers, (XLSFORM, MARGINS_XLSX, MARGINS_XLSX), strict=True):
        truncated = whole[: cut % len(whole)]
        _check(make(), ImportFile.from_bytes("fil.xlsx", truncated))
        damaged = bytearray(whole)
        damaged[cut % len(whole)] = flip
        _check(make(), ImportFile.from_bytes("fil.xlsx", bytes(damaged)))


# Text a worksheet can hold (no control characters).
SHEET_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=40)
SHEET_CELLS = st.one_of(CELLS.filter(lambda c: c.isprintable() or c == "\r\n"), SHEET_TEXT)
TYPES = st.sampled_from(
    [
        "select_one safety",
        "select_multiple skal",
        "select_one saknas",
        "integer",
        "decimal",
        "text",
        "geopoint",
        "note",
        "begin_group",
        "end_group",
        "begin_repeat",
        "calculate",
        "start",
        "",
    ]
)
EXPRESSIONS = st.one_of(
    st.sampled_from(
        [
            "",
            "${otrygg_kvall} = 'mycket_trygg'",
            "selected(${skal}, 'annat')",
            "(${a} = 'x' or ${b} != 'y') and not(${c} = '')",
            "${antal} >= 1",
            ". >= 0 and . <= 100",
            "string-length(.) <= 20",
            "${",
            "(((",
            "'",
            "yes",
            "TRUE()",
        ]
    ),
    SHEET_TEXT,
)
NAMES = st.one_of(
    st.sampled_from(["otrygg_kvall", "skal", "a", "b", "c", "antal", "Q 1", ""]),
    SHEET_TEXT,
)


@st.composite
def survey_rows(draw: st.DrawFn) -> list[list[str]]:
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        row = [
            draw(TYPES),
            draw(NAMES),
            draw(SHEET_CELLS),
            draw(SHEET_CELLS),
            "",
            "",
            draw(EXPRESSIONS),
        ]
        row += [
            draw(EXPRESSIONS),
            draw(st.sampled_from(["", "field-list", "table-list"])),
            draw(EXPRESSIONS),
        ]
        rows.append(row)
    return rows


@settings(FUZZ, max_examples=20)
@given(rows=survey_rows())
def test_random_xlsform_rows(importers, rows):
    content = workbook(rows, VALID_CHOICES, survey_header=HEADER)
    _check(importers[0](), ImportFile.from_bytes("form.xlsx", content))
