"""The activity plan as a spreadsheet, both ways: export, change, import; the same rules and
rights as editing by hand; all or nothing; the round trip of an unchanged file is exact."""

import datetime

import pytest

from organisations.models import AuditEntry
from promises.models import Activity, FocusArea, ProgressUpdate, Promise
from tests.factories import activity, commitment, progress
from tests.spreadsheets import (
    csv_bytes,
    csv_from_dicts,
    exported_rows,
    import_plan,
    row_dicts,
    write_csv,
    write_xlsx,
    xlsx_sheet,
)

HOSTILE = '=HYPERLINK("http://evil.example","klicka") <script>alert(\'x\')</script>'


@pytest.fixture
def plan_world(cast, world):
    """The world's promise with a richer plan: text over several lines, a focus area, a count of
    people, progress done, and text that a spreadsheet would run as a formula."""
    focus = (
        FocusArea.objects.get(name="Trafik") if FocusArea.objects.filter(name="Trafik") else None
    )
    a = world.tjorn_activity
    a.description = 'Första raden.\r\nAndra raden; med semikolon, och "citat".'
    a.focus_area = focus or FocusArea.objects.first()
    a.counts_people = True
    a.responsible_function = "@fältgruppen"
    a.save()
    progress(a, quantity=3)
    activity(
        world.police_commitment,
        cast.police,
        title=HOSTILE,
        description="-5 grader",
        unit="",
        target_quantity=None,
    )
    return world


def _snapshot(p):
    return [
        (
            a.pk,
            a.commitment_id,
            a.title,
            a.description,
            a.responsible_id,
            a.responsible_function,
            a.focus_area_id,
            a.start,
            a.end,
            a.target_quantity,
            a.unit,
            a.counts_people,
            a.status,
        )
        for a in Activity.objects.filter(commitment__promise=p).order_by("pk")
    ]


def test_unchanged_csv_round_trip_changes_nothing(cast, plan_world):
    p = plan_world.promise
    before = _snapshot(p), ProgressUpdate.objects.count(), AuditEntry.objects.count()
    plan = import_plan(p, write_csv(p), user=cast.alice)
    assert not plan.errors and not plan.changes and not plan.notes
    assert (_snapshot(p), ProgressUpdate.objects.count(), AuditEntry.objects.count()) == before


def test_unchanged_xlsx_round_trip_changes_nothing(cast, plan_world):
    p = plan_world.promise
    before = _snapshot(p)
    plan = import_plan(p, write_xlsx(p), user=cast.alice, name="plan.xlsx")
    assert not plan.errors and not plan.changes and not plan.notes
    assert _snapshot(p) == before


def test_formulas_and_markup_come_out_inert_and_go_back_exact(cast, plan_world):
    p = plan_world.promise
    header, rows = row_dicts(p)
    hostile = next(r for r in rows if r["Aktivitet"].startswith("'"))
    assert hostile["Aktivitet"] == "'" + HOSTILE
    assert hostile["Beskrivning"] == "'-5 grader"
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    sheet = xlsx_sheet(write_xlsx(p))
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" and not c.value.startswith(("=", "+", "-", "@")) for c in cells)
    assert "'" + HOSTILE in [c.value for c in cells]
    # Typing a new hostile title into the file stores it exactly as typed.
    hostile["Aktivitet"] = "'+" + "1+1"
    import_plan(p, csv_from_dicts(header, rows), user=cast.alice)
    assert Activity.objects.filter(title="+1+1").exists()


def test_xlsx_is_a_real_spreadsheet(cast, plan_world):
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(plan_world.promise)))
    assert book.sheetnames == ["Aktivitetsplan", "Instruktioner", "Listor"]
    sheet = book["Aktivitetsplan"]
    assert sheet.freeze_panes == "B2" and sheet["A1"].font.bold
    assert sheet["A1"].value == "Referens"
    start = next(c for c in sheet[1] if c.value == "Start").column_letter
    assert isinstance(sheet[f"{start}2"].value, datetime.datetime)
    assert sheet[f"{start}2"].number_format == "yyyy-mm-dd"
    lists = [dv.formula1 for dv in sheet.data_validations.dataValidation]
    assert "Statusar" in lists and '"ja,nej"' in lists
    assert "Planerad" in [c.value for c in book["Listor"]["E"]]
    instructions = " ".join(str(c.value) for row in book["Instruktioner"].iter_rows() for c in row)
    assert "Genomfört hittills" in instructions and "tar inte bort" in instructions


def test_changed_rows_update_new_rows_create_and_progress_is_recorded(cast, plan_world):
    p = plan_world.promise
    header, rows = row_dicts(p)
    tjorn = next(r for r in rows if r["Aktivitet"] == "Föräldraträffar")
    tjorn["Aktivitet"] = "Föräldraträffar i Skärhamn"
    tjorn["Slut"] = "15 december 2025"
    tjorn["Ny lägesrapport: antal"] = "2"
    tjorn["Ny lägesrapport: text"] = "Två träffar på biblioteket."
    tjorn["Ny lägesrapport: datum"] = "2025-04-02"
    tjorn["Ny lägesrapport: visa publikt"] = "ja"
    new = {
        "Åtagande-ref": tjorn["Åtagande-ref"],
        "Aktivitet": "Nattvandring",
        "Ansvarig organisation": "  tjörn  KOMMUN",
        "Start": "2025-05-01",
        "Slut": "2025-09-30",
        "Mål (antal)": "8",
        "Enhet": "vandringar",
        "Antalet avser personer": "nej",
        "Ny lägesrapport: antal": "1",
        "Ny lägesrapport: text": "Första vandringen.",
    }
    plan = import_plan(p, csv_from_dicts(header, [*rows, new]), user=cast.alice)
    assert [str(e) for e in plan.errors] == []
    assert plan.counts() == {"update": 1, "progress": 2, "create": 1}
    update = next(c for c in plan.changes if c.action == "update")
    assert [(f.label, f.before, f.after) for f in update.fields] == [
        ("Aktivitet", "Föräldraträffar", "Föräldraträffar i Skärhamn"),
        ("Slut", "30 november 2025", "15 december 2025"),
    ]
    a = Activity.objects.get(pk=plan_world.tjorn_activity.pk)
    assert (a.title, a.end) == ("Föräldraträffar i Skärhamn", datetime.date(2025, 12, 15))
    u = a.updates.get(text="Två träffar på biblioteket.")
    assert (u.quantity, u.date, u.is_published, u.author) == (
        2,
        datetime.date(2025, 4, 2),
        True,
        cast.alice,
    )
    created = Activity.objects.get(title="Nattvandring")
    assert created.responsible == cast.tjorn and created.status == "planned"
    assert created.updates.get().is_public is False  # empty "visa publikt" keeps it internal
    entries = AuditEntry.objects.filter(actor=cast.alice).values_list("action", "actor_label")
    assert sorted(entries) == [
        ("activity.changed", "alice (test)"),
        ("activity.created", "alice (test)"),
        ("activity.progress_recorded", "alice (test)"),
        ("activity.progress_recorded", "alice (test)"),
    ]
    changed = AuditEntry.objects.get(action="activity.changed")
    assert changed.before["title"] == "Föräldraträffar" and changed.after["end"] == "2025-12-15"


def test_one_bad_cell_among_many_good_rows_changes_nothing_and_names_row_and_column(
    cast, plan_world
):
    p = plan_world.promise
    for i in range(30):
        activity(plan_world.police_commitment, cast.police, title=f"Insats {i}")
    header, rows = row_dicts(p)
    for row in rows:
        row["Aktivitet"] += " (ny)"
    rows[17]["Start"] = "den femte maj"
    before = _snapshot(p)
    plan = import_plan(p, csv_from_dicts(header, rows), user=cast.alice)
    assert [(e.row, e.column) for e in plan.errors] == [(19, "Start")]
    assert "inget datum" in plan.errors.items[0].message
    assert plan.record is None and _snapshot(p) == before


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("Start", "2025-13-01", "”2025-13-01” är inget datum"),
        ("Ansvarig organisation", "Polisen", "Okänd organisation ”Polisen”"),
        ("Ansvarig organisation", "Härryda kommun", "Okänd organisation ”Härryda kommun”"),
        ("Status", "Klar", "Okänt värde ”Klar”. Välj ett av: Planerad, Pågår"),
        ("Mål (antal)", "-4", "Antalet kan inte vara negativt."),
        ("Ny lägesrapport: antal", "-1", "Antalet kan inte vara negativt."),
        ("Slut", "2025-01-01", "Aktiviteten kan inte sluta innan den börjar."),
        ("Enhet", "", "Ange vad antalet räknar"),
        ("Aktivitet", "", "Fältet får inte vara tomt."),
        ("Åtagande-ref", "Å-999999", "Det finns inget åtagande Å-999999"),
        ("Referens", "B12", "”B12” är ingen referens"),
        ("Fokusområde", "Rymdfart", "Okänt fokusområde ”Rymdfart”"),
        ("Antalet avser personer", "kanske", "Skriv ja eller nej."),
        ("Ny lägesrapport: datum", "2999-01-01", "inte ligga i framtiden"),
    ],
)
def test_bad_cells_are_refused_with_row_and_column(cast, plan_world, column, value, message):
    p = plan_world.promise
    header, rows = row_dicts(p)
    row = next(r for r in rows if r["Aktivitet"] == "Föräldraträffar")
    row[column] = value
    if column.startswith("Ny lägesrapport"):
        row["Ny lägesrapport: text"] = "Gjort."
    before = _snapshot(p), ProgressUpdate.objects.count()
    plan = import_plan(p, csv_from_dicts(header, rows), user=cast.alice)
    assert [(e.row, e.column) for e in plan.errors] == [(rows.index(row) + 2, column)]
    assert message in plan.errors.items[0].message
    assert (_snapshot(p), ProgressUpdate.objects.count()) == before


def test_wrong_columns_are_refused_by_name(cast, plan_world):
    header, rows = row_dicts(plan_world.promise)
    header = ["Titel" if h == "Aktivitet" else h for h in header]
    for r in rows:
        r["Titel"] = r.pop("Aktivitet")
    plan = import_plan(plan_world.promise, csv_from_dicts(header, rows), user=cast.alice)
    assert [(e.row, e.column, e.message) for e in plan.errors] == [
        (1, "Titel", "Okänd kolumn. Kontrollera stavningen i rubrikraden."),
        (1, "Aktivitet", "Kolumnen saknas i rubrikraden."),
    ]


def test_xlsx_that_is_not_a_spreadsheet_is_refused(cast, plan_world):
    plan = import_plan(plan_world.promise, write_csv(plan_world.promise), name="plan.xlsx")
    assert "inget Excel-ark" in str(plan.errors.items[0]) and not plan.changes


def test_activity_of_another_promise_cannot_be_changed_through_the_file(cast, plan_world):
    p = plan_world.promise
    header, rows = row_dicts(p)
    rows[0]["Referens"] = f"A-{plan_world.other_activity.pk}"
    rows[0]["Aktivitet"] = "Kapad"
    plan = import_plan(p, csv_from_dicts(header, rows), user=cast.alice)
    assert [(e.row, e.column) for e in plan.errors] == [(2, "Referens")]
    assert "Det finns ingen aktivitet" in plan.errors.items[0].message
    assert Activity.objects.get(pk=plan_world.other_activity.pk).title != "Kapad"


def test_the_same_activity_twice_in_one_file_is_refused(cast, plan_world):
    header, rows = row_dicts(plan_world.promise)
    plan = import_plan(
        plan_world.promise, csv_from_dicts(header, [*rows, rows[0]]), user=cast.alice
    )
    assert "står redan på rad 2" in plan.errors.items[0].message


def _with_progress(p, title, **cells):
    header, rows = row_dicts(p)
    row = next(r for r in rows if r["Aktivitet"] == title)
    row.update({"Ny lägesrapport: text": "Gjort.", "Ny lägesrapport: antal": "1", **cells})
    return csv_from_dicts(header, rows)


def test_progress_where_the_progress_rule_does_not_allow_it_is_refused(cast, plan_world):
    # A reporter of the police may not report on Tjörn's activity.
    p = plan_world.promise
    plan = import_plan(p, _with_progress(p, "Föräldraträffar"), user=cast.police_reporter)
    assert [e.column for e in plan.errors] == ["Ny lägesrapport: text"]
    assert "Läget för en aktivitet rapporteras bara av" in plan.errors.items[0].message
    assert not ProgressUpdate.objects.filter(text="Gjort.").exists()


def test_a_reporter_records_progress_and_status_but_does_not_edit_the_plan(cast, plan_world):
    p = plan_world.promise
    content = _with_progress(
        p, "Föräldraträffar", **{"Status": "Pågår", "Ny lägesrapport: visa publikt": "ja"}
    )
    plan = import_plan(p, content, user=cast.reporter)
    assert not plan.errors and plan.counts() == {"progress": 1}
    a = Activity.objects.get(pk=plan_world.tjorn_activity.pk)
    update = a.updates.get(text="Gjort.")
    assert a.status == "ongoing" and update.awaits_review  # an editor reviews it first
    assert AuditEntry.objects.filter(action="activity.status_changed", actor=cast.reporter).exists()
    header, rows = row_dicts(p)
    rows[0]["Aktivitet"] = "Ny rubrik"
    plan = import_plan(p, csv_from_dicts(header, rows), user=cast.reporter)
    assert [(e.row, e.column) for e in plan.errors] == [(2, "Aktivitet")]
    assert "Du får inte ändra aktiviteterna" in plan.errors.items[0].message


def test_a_viewer_changes_nothing(cast, plan_world):
    p = plan_world.promise
    plan = import_plan(p, _with_progress(p, "Föräldraträffar"), user=cast.viewer)
    assert plan.errors and not ProgressUpdate.objects.filter(text="Gjort.").exists()


def test_a_closed_promise_refuses_plan_changes_but_takes_progress(cast, plan_world):
    p = plan_world.promise
    Promise.objects.filter(pk=p.pk).update(status=Promise.Status.CONCLUDED)
    p.refresh_from_db()
    header, rows = row_dicts(p)
    rows[0]["Aktivitet"] = "Ändrad efteråt"
    plan = import_plan(p, csv_from_dicts(header, rows), user=cast.alice)
    assert "avslutat eller ersatt" in plan.errors.items[0].message
    plan = import_plan(p, _with_progress(p, "Föräldraträffar"), user=cast.alice)
    assert not plan.errors and plan.record is not None


def test_a_published_promise_takes_plan_changes_without_a_new_revision(cast, plan_world):
    p = plan_world.promise
    Promise.objects.filter(pk=p.pk).update(status=Promise.Status.PUBLISHED)
    p.refresh_from_db()
    header, rows = row_dicts(p)
    rows[0]["Beskrivning"] = "Ny beskrivning."
    plan = import_plan(p, csv_from_dicts(header, rows), user=cast.bob)
    assert plan.record is not None and not p.revisions.exists()


def test_the_same_file_twice_adds_progress_once(cast, plan_world):
    p = plan_world.promise
    content = _with_progress(p, "Föräldraträffar")
    first = import_plan(p, content, user=cast.alice)
    second = import_plan(p, content, user=cast.alice)
    assert first.record is not None and second.previous == first.record
    assert ProgressUpdate.objects.filter(text="Gjort.").count() == 1


def test_progress_already_in_an_edited_file_is_not_added_again(cast, plan_world):
    p = plan_world.promise
    import_plan(p, _with_progress(p, "Föräldraträffar"), user=cast.alice)
    plan = import_plan(p, _with_progress(p, "Föräldraträffar", Beskrivning="Ny."), user=cast.alice)
    assert plan.counts() == {"update": 1}
    assert "finns redan" in plan.notes.items[0].message
    assert ProgressUpdate.objects.filter(text="Gjort.").count() == 1


def test_done_so_far_is_read_only_and_says_where_to_write(cast, plan_world):
    p = plan_world.promise
    header, rows = row_dicts(p)
    row = next(r for r in rows if r["Aktivitet"] == "Föräldraträffar")
    assert row["Genomfört hittills"] == "3"
    row["Genomfört hittills"] = "7"
    plan = import_plan(p, csv_from_dicts(header, rows), user=cast.alice)
    assert not plan.changes and not plan.errors
    assert plan.notes.items[0].column == "Genomfört hittills"
    assert "Ny lägesrapport: antal" in plan.notes.items[0].message


def test_commitment_by_its_text_when_the_reference_is_empty(cast, plan_world):
    p = plan_world.promise
    header, _rows = row_dicts(p)
    new = {
        "Åtagande": "  Erbjuda föräldraträffar ",
        "Aktivitet": "Föräldrakurs",
        "Ansvarig organisation": "Tjörn kommun",
        "Start": "2025-03-01",
        "Slut": "2025-03-31",
    }
    plan = import_plan(p, csv_from_dicts(header, [new]), user=cast.alice)
    assert not plan.errors
    assert Activity.objects.get(title="Föräldrakurs").commitment.text == "erbjuda föräldraträffar"
    commitment(p, "erbjuda föräldraträffar")  # now two commitments have that text
    new["Aktivitet"] = "Föräldrakurs 2"
    plan = import_plan(p, csv_from_dicts(header, [new]), user=cast.alice)
    assert "Flera åtaganden" in plan.errors.items[0].message


def test_rows_left_out_of_the_file_are_not_deleted(cast, plan_world):
    p = plan_world.promise
    header, rows = row_dicts(p)
    count = Activity.objects.filter(commitment__promise=p).count()
    plan = import_plan(p, csv_from_dicts(header, rows[:1]), user=cast.alice)
    assert not plan.errors
    assert Activity.objects.filter(commitment__promise=p).count() == count


def test_command_line_actor_has_every_right_and_is_named(cast, plan_world):
    p = plan_world.promise
    plan = import_plan(
        p, _with_progress(p, "Föräldraträffar", **{"Ny lägesrapport: visa publikt": "ja"})
    )
    assert plan.record.actor_label == "system"
    update = ProgressUpdate.objects.get(text="Gjort.")
    assert update.is_published and update.author is None
    entry = AuditEntry.objects.get(action="activity.progress_recorded", object_id=str(update.pk))
    assert entry.actor is None and entry.actor_label == "system (test)"


def test_semicolon_and_comma_files_both_read(cast, plan_world):
    rows = exported_rows(plan_world.promise)
    import csv as csv_module
    import io

    buffer = io.StringIO()
    csv_module.writer(buffer).writerows(rows)
    plan = import_plan(plan_world.promise, buffer.getvalue().encode(), user=cast.alice)
    assert not plan.errors and not plan.changes
    assert csv_bytes(rows).startswith("\ufeff".encode())
