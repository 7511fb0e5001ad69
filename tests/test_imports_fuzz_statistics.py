"""Malformed files for the statistics importers (Brå's crime tables, SCB's population): random
bytes, random rows and damaged workbooks never raise an unhandled exception and never leave
anything half stored."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.imports import ImportFile
from core.models import ImportRecord
from organisations.models import AuditEntry, Population
from situation.imports.crime_statistics import CrimeStatisticsImporter
from situation.imports.population import PopulationImporter
from situation.models import CrimeStatistic
from tests.fuzz_helpers import (
    check_all_or_nothing,
    csv_files,
    damaged,
    fuzz,
    xlsx_bytes,
    xlsx_files,
)

pytestmark = pytest.mark.django_db
CELLS = [
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
    "XX",
    "xx",
    "män",
    "kvinnor",
]
HEADERS = [
    ["kommunkod", "kommun", "brottskategori", "period", "antal", "per 100 000 invånare"],
    ["kommunkod", "period", "brottskategori", "antal"],
    ["region", "brott", "2023", "2024"],
    ["region", "2023", "2024"],
    ["region", "år", "folkmängd"],
    ["region", "kön", "2024"],
]
TITLE = "Anmälda brott efter brottstyp och kommun"
MODELS = (CrimeStatistic, Population, ImportRecord, AuditEntry)
XLSX = xlsx_bytes(
    {
        "Sheet": [["Kommunkod", "Brottskategori", "Period", "Antal"]]
        + [
            [code, "Samtliga brott", str(year), 1000 + year]
            for code in ("1419", "1421", "1415")
            for year in (2022, 2023, 2024)
        ]
    }
)
IMPORTERS = (CrimeStatisticsImporter, PopulationImporter)


def _stored_what_was_planned(plan, before, after):
    created = plan.counts().get("create", 0)
    grown = (after["CrimeStatistic"] - before["CrimeStatistic"]) + (
        after["Population"] - before["Population"]
    )
    assert grown == created


def _check(make: type, name: str, content: bytes) -> None:
    source = ImportFile.from_bytes(name, content)
    check_all_or_nothing(lambda: make().run(source), MODELS, _stored_what_was_planned)


@fuzz(30)
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes(content, suffix):
    for make in IMPORTERS:
        _check(make, f"fil{suffix}", content)


@fuzz(30)
@given(content=csv_files(HEADERS, CELLS, title=TITLE))
def test_random_csv_rows(content):
    for make in IMPORTERS:
        _check(make, "fil.csv", content)


@fuzz(25)
@given(content=xlsx_files(HEADERS, CELLS))
def test_random_workbooks(content):
    for make in IMPORTERS:
        _check(make, "fil.xlsx", content)


@fuzz(15)
@given(content=damaged(XLSX))
def test_truncated_or_damaged_xlsx(content):
    for make in IMPORTERS:
        _check(make, "fil.xlsx", content)
