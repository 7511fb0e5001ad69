"""Malformed files for the survey importers (XLSForm, answers, margins): random bytes, random
CSV rows and truncated workbooks never raise an unhandled exception and never leave anything
half stored. Issue 9 asks for this for every importer; these are the survey imports'."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.imports import ImportFile
from core.models import ImportRecord
from surveys.imports.answers import AnswersImporter
from surveys.imports.margins import MarginsImporter
from surveys.imports.xlsform.importer import XLSFormImporter
from surveys.models import Item, Margin, Question, Response, Section, Survey, SurveyLanguage
from tests.fuzz_helpers import (
    SHEET_TEXT,
    check_all_or_nothing,
    csv_files,
    damaged,
    fuzz,
    sheet_cells,
    xlsx_bytes,
    xlsx_files,
)
from tests.survey_imports import survey_world
from tests.xlsforms import HEADER, VALID_CHOICES, valid_form, workbook

pytestmark = pytest.mark.django_db
CELLS = [
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
]
HEADERS = [
    ["otrygg_kvall", "omrade", "kon", "alder", "otrygg_plats", "avstatt"],
    ["region", "ålder", "kön", "år", "antal"],
    ["region", "ålder", "kön", "2024", "2025"],
    ["variabel", "kategori", "antal"],
    ["type", "name", "label"],
    HEADER,
]
TITLE = "Folkmängden efter region, ålder och kön"


MARGINS_XLSX = xlsx_bytes(
    {
        "Sheet": [["region", "ålder", "kön", "2025"]]
        + [
            ["1419 Tjörn", f"{age} år", sex, 10]
            for age in range(16, 85)
            for sex in ("män", "kvinnor")
        ]
    }
)
XLSFORM = valid_form()
MODELS = (Survey, SurveyLanguage, Section, Question, Item, Response, Margin, ImportRecord)


def _check(importer: object, name: str, content: bytes) -> None:
    def consistent(plan, before, after):
        if isinstance(importer, AnswersImporter):
            assert after["Response"] == before["Response"] + len(plan.changes)
        if isinstance(importer, XLSFormImporter):
            assert after["Survey"] == before["Survey"] + 1
            assert after["SurveyLanguage"] > before["SurveyLanguage"]
        if isinstance(importer, MarginsImporter):
            assert after["Margin"] >= before["Margin"]

    source = ImportFile.from_bytes(name, content)
    check_all_or_nothing(lambda: importer.run(source), MODELS, consistent)


@pytest.fixture
def importers(cast):
    sw = survey_world(cast)
    return [
        lambda: XLSFormImporter(organisation=cast.tjorn, user=cast.alice),
        lambda: AnswersImporter(wave=sw.wave, representative=True, user=cast.alice),
        lambda: MarginsImporter(wave=sw.wave, user=cast.alice),
    ]


@fuzz(25)
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes(importers, content, suffix):
    for make in importers:
        _check(make(), f"fil{suffix}", content)


@fuzz(25)
@given(content=csv_files(HEADERS, CELLS, title=TITLE))
def test_random_csv_rows(importers, content):
    for make in importers[1:]:  # XLSForm takes only .xlsx
        _check(make(), "fil.csv", content)


@fuzz(25)
@given(content=xlsx_files(HEADERS, CELLS, sheet_names=["survey", "choices", "settings"]))
def test_random_workbooks(importers, content):
    for make in importers:
        _check(make(), "fil.xlsx", content)


@fuzz(12)
@given(form=damaged(XLSFORM), margins=damaged(MARGINS_XLSX))
def test_truncated_or_damaged_xlsx(importers, form, margins):
    for make, content in zip(importers, (form, margins, margins), strict=True):
        _check(make(), "fil.xlsx", content)


SHEET_CELLS = st.one_of(sheet_cells(CELLS), SHEET_TEXT)
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


@fuzz(20)
@given(rows=survey_rows())
def test_random_xlsform_rows(importers, rows):
    content = workbook(rows, VALID_CHOICES, survey_header=HEADER)
    _check(importers[0](), "form.xlsx", content)
