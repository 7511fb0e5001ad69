"""core.imports: plan, preview and all-or-nothing apply, with the idempotency key and the
progress callback, on a small importer of focus areas (a real model, a real transaction)."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from core.imports import (
    Change,
    Column,
    ColumnMap,
    FieldChange,
    Importer,
    ImportFile,
    Text,
    read_table,
)
from core.imports.uploads import discard_upload, get_stashed_upload, stash_upload
from core.models import ImportRecord, PendingImport
from promises.models import FocusArea
from tests.factories import user

pytestmark = pytest.mark.django_db

COLUMNS = [
    Column("name", "Namn", Text(max_length=80, required=True)),
    Column("description", "Beskrivning", Text(max_length=300)),
]


class FocusAreaImporter(Importer):
    """Creates focus areas by name, or changes their description."""

    kind = "test_focus_areas"

    def changes(self, source, plan):
        sheet = read_table(source)
        columns = ColumnMap(sheet, COLUMNS, plan.errors)
        if not columns.ok:
            return
        existing = {f.name: f for f in FocusArea.objects.all()}
        for row in sheet.rows:
            values = columns.parse(row, plan.errors)
            if values is None:
                continue
            area = existing.get(values["name"])
            if area is None:
                yield Change("create", f"Nytt: {values['name']}", row=row.number, payload=values)
            elif area.description != values["description"]:
                field = FieldChange("Beskrivning", area.description, values["description"])
                yield Change("update", area.name, row.number, fields=[field], payload=values)

    def apply_change(self, change):
        values = change.payload
        if change.action == "create":
            FocusArea.objects.create(**values)
        else:
            FocusArea.objects.filter(name=values["name"]).update(**values)


def csv(text, name="omraden.csv"):
    return ImportFile.from_bytes(name, text.encode())


GOOD = "Namn;Beskrivning\nParkering;Bilar\nKlotter;Väggar\nBelysning;Lampor\n"


def test_plan_lists_the_changes_and_writes_nothing():
    before = FocusArea.objects.count()
    plan = FocusAreaImporter().plan(csv(GOOD))
    assert plan.can_apply and not plan.errors
    assert [(c.action, c.row) for c in plan.changes] == [
        ("create", 2),
        ("create", 3),
        ("create", 4),
    ]
    assert plan.counts() == {"create": 3}
    assert FocusArea.objects.count() == before


def test_run_applies_in_order_and_reports_progress():
    calls = []
    importer = FocusAreaImporter(user=user("alice"))
    plan = importer.run(csv(GOOD), on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert FocusArea.objects.get(name="Klotter").description == "Väggar"
    record = plan.record
    assert (record.kind, record.summary, record.actor_label) == (
        "test_focus_areas",
        {"create": 3},
        "alice",
    )
    assert record.sha256 == csv(GOOD).sha256 and record.file_name == "omraden.csv"


def test_dry_run_changes_nothing():
    plan = FocusAreaImporter().run(csv(GOOD), dry_run=True)
    assert plan.can_apply and plan.record is None
    assert not FocusArea.objects.filter(name="Klotter").exists()
    assert not ImportRecord.objects.exists()


def test_one_bad_cell_among_good_rows_stops_everything_and_is_named():
    rows = "".join(f"Område {i};Text\n" for i in range(40))
    bad = "Namn;Beskrivning\n" + rows + ("x" * 81) + ";Text\n" + rows.replace("Område", "Fler")
    plan = FocusAreaImporter().run(csv(bad))
    assert [str(e) for e in plan.errors] == [
        "Rad 42, kolumn ”Namn”: Texten är för lång: 81 tecken, men högst 80 får plats."
    ]
    assert not plan.can_apply
    assert not FocusArea.objects.filter(name__startswith="Område").exists()


def test_a_failure_while_applying_rolls_back_the_rows_before_it():
    # The importer does not notice the duplicate name; the database does, on the last row.
    plan = FocusAreaImporter().plan(csv("Namn;Beskrivning\nA;1\nB;2\nA;3\n"))
    assert plan.can_apply
    with pytest.raises(IntegrityError):
        FocusAreaImporter().apply(plan)
    assert not FocusArea.objects.filter(name__in=["A", "B"]).exists()
    assert not ImportRecord.objects.exists()


def test_the_same_file_twice_adds_nothing_and_says_so():
    FocusAreaImporter().run(csv(GOOD))
    FocusArea.objects.filter(name="Klotter").delete()  # so the file would change something
    again = FocusAreaImporter().run(csv(GOOD, name="kopia.csv"))
    assert again.previous is not None and again.previous.file_name == "omraden.csv"
    assert not again.can_apply and again.record is None
    assert not FocusArea.objects.filter(name="Klotter").exists()
    assert ImportRecord.objects.count() == 1


def test_the_same_file_for_another_target_is_a_new_import():
    first, second = user("a"), user("b")
    FocusAreaImporter(target=first).run(csv(GOOD))
    plan = FocusAreaImporter(target=second).plan(csv("Namn;Beskrivning\nKlotter;Nytt\n"))
    assert plan.previous is None
    assert FocusAreaImporter(target=second).plan(csv(GOOD)).previous is None
    assert FocusAreaImporter(target=first).plan(csv(GOOD)).previous is not None


def test_errors_are_collected_up_to_the_cap(settings):
    settings.IMPORT_MAX_ERRORS = 5
    text = "Namn;Beskrivning\n" + ";tom\n" * 50
    plan = FocusAreaImporter().plan(csv(text))
    assert len(plan.errors) == 5 and plan.errors.truncated
    assert plan.errors.rows() == {2, 3, 4, 5, 6}


def test_wrong_suffix_and_wrong_columns_are_file_errors():
    plan = FocusAreaImporter().plan(csv(GOOD, name="omraden.txt"))
    assert "fel filtyp" in str(plan.errors.items[0])
    plan = FocusAreaImporter().plan(csv("Name;Description\nA;B\n"))
    assert {e.column for e in plan.errors} == {"Name", "Description", "Namn", "Beskrivning"}
    assert not plan.changes


def test_a_plan_with_errors_cannot_be_applied():
    plan = FocusAreaImporter().plan(csv("Namn;Beskrivning\n;x\n"))
    with pytest.raises(ValueError, match="not applied"):
        FocusAreaImporter().apply(plan)


def test_stashed_upload_is_the_users_own_for_its_target_until_it_expires(settings):
    alice, bob = user("alice"), user("bob")
    source = csv(GOOD)
    pending = stash_upload(user=alice, kind="k", target="t:1", source=source)
    got = get_stashed_upload(user=alice, token=pending.token, kind="k", target="t:1")
    assert got == source
    assert get_stashed_upload(user=bob, token=pending.token, kind="k", target="t:1") is None
    assert get_stashed_upload(user=alice, token=pending.token, kind="k", target="t:2") is None
    PendingImport.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))
    assert get_stashed_upload(user=alice, token=pending.token, kind="k", target="t:1") is None
    stash_upload(user=bob, kind="k", target="t:1", source=source)  # sweeps expired uploads
    assert not PendingImport.objects.filter(user=alice).exists()
    discard_upload(user=bob, token=PendingImport.objects.get().token)
    assert not PendingImport.objects.exists()


def test_the_importer_knows_the_name_of_the_file_it_planned():
    importer = FocusAreaImporter()
    assert importer.source_name == ""
    importer.plan(csv(GOOD, name="fokus.csv"))
    assert importer.source_name == "fokus.csv"
