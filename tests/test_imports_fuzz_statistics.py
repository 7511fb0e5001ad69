"""Malformed files for the statistics importers (Brå's crime tables, SCB's population): random
bytes, random rows and damaged workbooks never raise an unhandled exception and never leave
anything half stored."""

import io

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.imports import ImportFile
from core.models import ImportRecord
from organisations.models import AuditEntry, Population
from situation.imports.crime_statistics import CrimeStatisticsImporter
from situation.imports.population import PopulationImporter
from situation.models import CrimeStatistic

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "1419",
            "1419 Tjörn",
            "Tjörn",
            "180",
            "00 Riket",
            "14 Västra Götalands län",
            "9999",
            "2024",
            "2024K2",
            "2024K5",
            "2024M13",
            "mars 2024",
            "2024-03",
            "Samtliga brott",
            "samtliga",
            "Misshandel",
            "Brott mot övriga författningar > Trafikbrott",
            "..",
            "XX",
            "xx",
            ".",
            "...",
            "0",
            "-1",
            "1 234",
            "6 899,5",
            "1e309",
            "nan",
            "=1+1",
            "\u202e",
            "x" * 3000,
            "\r\n",
        ]
    ),
    st.text(max_size=20),
)
HEADERS = st.sampled_from(
    [
        ["kommunkod", "kommun", "brottskategori", "period", "antal", "per 100 000 invånare"],
        ["kommunkod", "period", "brottskategori", "antal"],
        ["region", "brott", "2023", "2024"],
        ["region", "2023", "2024"],
        ["region", "år", "folkmängd"],
        ["region", "kön", "2024"],
    ]
)
MODELS = (CrimeStatistic, Population, ImportRecord, AuditEntry)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    header = draw(st.one_of(HEADERS, st.lists(CELLS, min_size=1, max_size=5)))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 1), max_size=8))
    text = "\n".join([delimiter.join(header)] + [delimiter.join(r) for r in rows])
    if draw(st.booleans()):
        text = '"Anmälda brott efter brottstyp och kommun"\n\n' + text
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.encode(encoding, "replace")


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kommunkod", "Brottskategori", "Period", "Antal"])
    for code in ("1419", "1421", "1415"):
        for year in (2022, 2023, 2024):
            sheet.append([code, "Samtliga brott", str(year), 1000 + year])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX = _xlsx()


def importers() -> list:
    return [CrimeStatisticsImporter, PopulationImporter]


def _counts() -> dict:
    return {m.__name__: m.objects.count() for m in MODELS}


def _check(make: type, source: ImportFile) -> None:
    before = _counts()
    plan = make().run(source)
    after = _counts()
    if plan.record is None:
        assert after == before, "nothing may be stored when the import is refused"
        assert plan.errors or plan.previous is not None or not plan.changes
        return
    assert not plan.errors
    assert after["ImportRecord"] == before["ImportRecord"] + 1
    created = plan.counts().get("create", 0)
    grown = (after["CrimeStatistic"] - before["CrimeStatistic"]) + (
        after["Population"] - before["Population"]
    )
    assert grown == created


@FUZZ
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes(content, suffix):
    for make in importers():
        _check(make, ImportFile.from_bytes(f"fil{suffix}", content))


@FUZZ
@given(content=csv_files())
def test_random_csv_rows(content):
    for make in importers():
        _check(make, ImportFile.from_bytes("fil.csv", content))


@settings(FUZZ, max_examples=15)
@given(cut=st.integers(min_value=0, max_value=len(XLSX) - 1), flip=st.integers(0, 255))
def test_truncated_or_damaged_xlsx(cut, flip):
    for make in importers():
        _check(make, ImportFile.from_bytes("fil.xlsx", XLSX[:cut]))
        damaged = bytearray(XLSX)
        damaged[cut] = flip
        _check(make, ImportFile.from_bytes("fil.xlsx", bytes(damaged)))
