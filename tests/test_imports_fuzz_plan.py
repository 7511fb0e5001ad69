"""Malformed activity plans: random bytes, random and mutated CSV and XLSX files, damaged
workbooks, for every kind of user (the command line, an editor, a reporter). No unhandled
exception, nothing half stored; an accepted file stores exactly the activities and progress
updates of its plan."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.imports import ImportFile
from core.models import ImportRecord
from organisations.models import AuditEntry
from promises.models import Activity, ProgressUpdate
from promises.spreadsheet.columns import HEADERS
from promises.spreadsheet.importer import ActivityPlanImporter
from promises.spreadsheet.workbook import SHEET
from tests.fuzz_helpers import (
    check_all_or_nothing,
    csv_files,
    csv_text,
    damaged,
    fuzz,
    mutated_rows,
    sheet_cells,
    text_cells,
    xlsx_bytes,
    xlsx_files,
)
from tests.spreadsheets import exported_rows, write_xlsx

pytestmark = pytest.mark.django_db
MODELS = (Activity, ProgressUpdate, AuditEntry, ImportRecord)
CELLS = [
    "A-1",
    "A-999999999999999999999",
    "Å-1",
    "Å-2",
    "Å-0",
    "erbjuda föräldraträffar",
    "Tjörns kommun",
    "Polisen",
    "Trafik",
    "2025-03-01",
    "2024-01-01",
    "2099-12-31",
    "Planerad",
    "Pågår",
    "Genomförd",
    "Inställd",
    "insatser",
    "12",
    "-3",
    "2147483648",
    "Två träffar i april.",
]
PLAN_HEADERS = [list(HEADERS.values()), [HEADERS[k] for k in ("reference", "title", "status")]]
USERS = st.sampled_from([None, "alice", "police_reporter", "bob"])


@pytest.fixture
def plan(cast, world):
    def run(user: str | None, name: str, content: bytes):
        who = getattr(cast, user) if user else None
        source = ImportFile.from_bytes(name, content)
        importer = ActivityPlanImporter(promise=world.promise, user=who, via="fuzz")
        return check_all_or_nothing(lambda: importer.run(source), MODELS, _as_planned)

    run.rows = exported_rows(world.promise)
    run.xlsx = write_xlsx(world.promise)
    return run


def _as_planned(plan, before, after):
    counts = plan.counts()
    assert after["Activity"] == before["Activity"] + counts.get("create", 0)
    assert after["ProgressUpdate"] == before["ProgressUpdate"] + counts.get("progress", 0)
    assert after["AuditEntry"] > before["AuditEntry"], "every change is in the audit trail"


@fuzz(25)
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes(plan, content, suffix):
    plan(None, f"plan{suffix}", content)


@fuzz(25)
@given(content=csv_files(PLAN_HEADERS, CELLS), user=USERS)
def test_random_csv_rows(plan, content, user):
    plan(user, "plan.csv", content)


@fuzz(40)
@given(data=st.data(), user=USERS, as_xlsx=st.booleans())
def test_exported_plan_with_cells_changed(plan, data, user, as_xlsx):
    cells = sheet_cells(CELLS) if as_xlsx else text_cells(CELLS)
    good = [list(r) for r in plan.rows]
    if data.draw(st.booleans()):  # a file with a change in it, before the mutations
        good[1][good[0].index(HEADERS["progress_text"])] = "Två träffar i april."
        good[1][good[0].index(HEADERS["progress_quantity"])] = "2"
    rows = data.draw(mutated_rows(good, cells))
    if as_xlsx:
        plan(user, "plan.xlsx", xlsx_bytes({SHEET: rows}))
    else:
        plan(user, "plan.csv", csv_text(rows))


@fuzz(25)
@given(content=xlsx_files(PLAN_HEADERS, CELLS, sheet_names=[SHEET, "Listor"]), user=USERS)
def test_random_workbooks(plan, content, user):
    plan(user, "plan.xlsx", content)


@fuzz(15)
@given(data=st.data())
def test_truncated_or_damaged_xlsx(plan, data):
    plan(None, "plan.xlsx", data.draw(damaged(plan.xlsx)))
