"""Inputs the fuzz tests found that raised instead of being refused: each is named after the
input that broke it, and is refused by row and field with nothing stored."""

import json

import pytest

from core.imports import ImportFile
from core.imports.cells import Integer
from core.imports.issues import CellError
from core.models import ImportRecord
from promises.models import Activity
from situation.imports.police_events import PoliceEventImporter
from situation.models import PoliceEvent
from surveys.imports.xlsform.importer import XLSFormImporter
from surveys.models import Survey
from tests.spreadsheets import csv_from_dicts, import_plan, row_dicts
from tests.test_imports_police_events import notice
from tests.xlsforms import HEADER, VALID_CHOICES, q, workbook

pytestmark = pytest.mark.django_db


def _refused_events(*records: dict) -> list[str]:
    source = ImportFile.from_bytes("events.json", json.dumps(list(records)).encode())
    plan = PoliceEventImporter().run(source)
    assert plan.record is None
    assert PoliceEvent.objects.count() == 0 and ImportRecord.objects.count() == 0
    return [str(e) for e in plan.errors]


def test_police_event_time_zone_plus_99_99():
    errors = _refused_events(notice(1, datetime="2025-06-07 6:38:18 +99:99"))
    assert errors == ["Post 1, kolumn ”datetime”: Tiden finns inte: 2025-06-07 6:38:18 +99:99."]


def test_police_event_published_on_31_december_9999():
    record = notice(
        1, datetime="9999-12-31 23:59:59 +01:00", name="31 december 23.50, Misshandel, Tjörn"
    )
    plan = PoliceEventImporter().run(ImportFile.from_bytes("e.json", json.dumps([record]).encode()))
    assert plan.record is not None and PoliceEvent.objects.get().occurred_on.year == 9999


def test_police_event_id_2_to_the_63():
    errors = _refused_events(notice(2**63))
    assert errors == ["Post 1, kolumn ”id”: Id ska vara ett positivt heltal."]


def test_integer_cell_of_5000_nines():
    with pytest.raises(CellError, match="för stort"):
        Integer(max_value=10)("9" * 5000)
    assert Integer()("9" * 18) == 10**18 - 1


def test_activity_plan_reference_a_and_5000_nines(world):
    header, rows = row_dicts(world.promise)
    rows[0]["Referens"] = "A-" + "9" * 5000
    rows[1]["Ny lägesrapport: antal"] = "9" * 5000
    before = Activity.objects.count()
    plan = import_plan(world.promise, csv_from_dicts(header, rows))
    assert plan.record is None and Activity.objects.count() == before
    messages = [str(e) for e in plan.errors]
    assert any("Rad 2, kolumn ”Referens”" in m and "ingen referens" in m for m in messages)
    assert any("Rad 3, kolumn ”Ny lägesrapport: antal”" in m and "för stort" in m for m in messages)


@pytest.mark.parametrize(
    "condition",
    [
        {"relevant": "${antal} >= " + "9" * 400},
        {"constraint": ". <= " + "9" * 400},
        {"constraint": ". <= 99999999999999999999.5"},
    ],
    ids=["relevant-400-nines", "constraint-400-nines", "constraint-1e20"],
)
def test_xlsform_condition_with_400_nines(cast, condition):
    kind = "select_one safety" if "relevant" in condition else "decimal"
    content = workbook(
        [q("integer", "antal", "Antal?", "n", "n"), q(kind, "b", "B?", "b", "b", **condition)],
        VALID_CHOICES,
        survey_header=HEADER,
    )
    plan = XLSFormImporter(organisation=cast.tjorn, user=cast.alice).run(
        ImportFile.from_bytes("form.xlsx", content)
    )
    assert plan.record is None and Survey.objects.count() == 0
    [error] = [str(e) for e in plan.errors]
    assert error.startswith("Blad ”survey”, rad 3, kolumn ”") and "är för stort" in error
