"""Answers from another system as CSV: columns by question key, choices by value or Swedish
label, validated like the web form, all or nothing, never imported twice."""

import pytest

from core.imports import ImportFile
from core.models import ImportRecord
from organisations.models import AuditEntry
from surveys.imports.answers import AnswersImporter, answers_summary
from surveys.models import Response
from tests.survey_imports import csv_bytes, survey_world

pytestmark = pytest.mark.django_db
HEADER = ["otrygg_kvall", "otrygg_kvall_orsak", "avstatt", "otrygg_plats", "omrade", "kon", "alder"]
GOOD = [
    HEADER,
    ["ganska_trygg", "", "nej", "57.96,11.55", "centrum", "kvinna", "30-44"],
    ["Går aldrig ut ensam sent på kvällen", "ja", "Ja, ofta", "", "Skärhamn", "man", "65-84"],
    ["mycket_otrygg", "", "ja_ofta;nej", "", "", "Kvinna", "16–29 år"],
]


@pytest.fixture
def sw(cast):
    return survey_world(cast)


def run(sw, content, *, representative=True, user=None, name="svar.csv", dry_run=False):
    importer = AnswersImporter(wave=sw.wave, representative=representative, user=user)
    return importer.run(ImportFile.from_bytes(name, content), dry_run=dry_run)


def test_valid_rows_are_stored_as_imported_responses(sw, cast):
    rows = [r[:] for r in GOOD]
    rows[3][2] = "ja_ibland"  # single choice: one value
    plan = run(sw, csv_bytes(rows), user=cast.alice)
    assert not plan.errors, [str(e) for e in plan.errors]
    responses = list(Response.objects.filter(wave=sw.wave).order_by("id"))
    assert [r.answers for r in responses] == [
        {
            "otrygg_kvall": "ganska_trygg",
            "avstatt": "nej",
            "otrygg_plats": {"lat": 57.96, "lon": 11.55},
            "omrade": "centrum",
            "kon": "kvinna",
            "alder": "30-44",
        },
        {
            "otrygg_kvall": "gar_aldrig_ut",
            "otrygg_kvall_orsak": "ja",
            "avstatt": "ja_ofta",
            "omrade": "skarhamn",
            "kon": "man",
            "alder": "65-84",
        },
        {
            "otrygg_kvall": "mycket_otrygg",
            "avstatt": "ja_ibland",
            "kon": "kvinna",
            "alder": "16-29",
        },
    ]
    assert [r.area for r in responses] == [sw.centrum, sw.skarhamn, None]
    assert {(r.mode, r.is_representative, r.language) for r in responses} == {
        ("imported", True, "sv")
    }
    entry = AuditEntry.objects.get(action="wave.answers_imported")
    assert entry.after == {"responses": 3, "representative": True, "file": "svar.csv"}


def test_not_from_a_random_sample_is_marked_not_representative(sw):
    rows = [HEADER, GOOD[1]]
    run(sw, csv_bytes(rows), representative=False)
    assert list(Response.objects.values_list("is_representative", flat=True)) == [False]


def test_every_wrong_cell_is_named_and_nothing_is_stored(sw):
    rows = [
        HEADER,
        ["", "", "nej", "", "", "", ""],
        ["kanske", "", "ja_ofta;nej", "59.3,18.0", "", "", ""],
        ["ganska_trygg", "", "", "1,2", "Nordsidan", "", "17"],
        ["ganska_trygg", "", "", "", "", "", ""],
    ]
    plan = run(sw, csv_bytes(rows, delimiter=","))
    errors = [str(e) for e in plan.errors]
    assert errors[0] == "Rad 2, kolumn ”otrygg_kvall”: Frågan måste besvaras."
    assert errors[1].startswith("Rad 3, kolumn ”otrygg_kvall”: Okänt svarsalternativ. Skriv")
    assert "gar_aldrig_ut (Går aldrig ut ensam sent på kvällen)" in errors[1]
    assert errors[2] == "Rad 3, kolumn ”avstatt”: Välj bara ett svarsalternativ."
    assert errors[3] == (
        "Rad 4, kolumn ”otrygg_plats”: ”1,2” är ingen plats i Sverige. Skriv latitud och "
        "longitud i WGS84 med kommatecken emellan, t.ex. 57.96,11.55, eller ett områdes kod."
    )
    assert errors[4] == (
        "Rad 4, kolumn ”omrade”: Okänt område ”Nordsidan”. Områdena är: centrum (Centrum), "
        "skarhamn (Skärhamn)."
    )
    assert errors[5].startswith("Rad 4, kolumn ”alder”: Okänt svarsalternativ.")
    assert len(errors) == 6
    assert not Response.objects.exists() and not ImportRecord.objects.exists()


def test_the_header_must_name_the_questions(sw):
    rows = [
        ["otrygg_kvall", "Namn", "fraga_som_inte_finns", "start", "_uuid", "kon", "kon"],
        ["ganska_trygg"],
    ]
    plan = run(sw, csv_bytes(rows))
    errors = [str(e) for e in plan.errors]
    assert errors[0] == (
        "Rad 1, kolumn ”Namn”: Kolumnen ser ut att innehålla personuppgifter. Svaren är anonyma: "
        "ta bort kolumnen ur filen."
    )
    assert errors[1].startswith(
        "Rad 1, kolumn ”fraga_som_inte_finns”: Okänd kolumn: ingen fråga i omgången har nyckeln"
    )
    assert errors[2] == "Rad 1, kolumn ”kon”: Kolumnen finns två gånger i rubrikraden."
    assert "”start”, ”_uuid” kommer från insamlingsverktyget" in str(plan.notes.items[0])


def test_answers_to_questions_not_asked_are_dropped_with_a_note(sw):
    rows = [HEADER, ["ganska_trygg", "ja", "", "", "", "", ""]]
    plan = run(sw, csv_bytes(rows))
    assert not plan.errors
    assert Response.objects.get().answers == {"otrygg_kvall": "ganska_trygg"}
    notes = " ".join(str(n) for n in plan.notes)
    assert "1 svar gäller frågor som inte skulle ställas" in notes
    assert "rad 2, kolumn ”otrygg_kvall_orsak”" in notes
    assert "Filen har inga kolumner för oro_samhalle; de frågorna lämnas obesvarade." in notes


def test_the_same_file_twice_adds_nothing(sw):
    content = csv_bytes(GOOD[:3])
    run(sw, content)
    again = run(sw, content, name="igen.csv")
    assert again.previous is not None and again.record is None
    assert Response.objects.count() == 2


def test_dry_run_and_summary(sw):
    plan = run(sw, csv_bytes(GOOD[:3]), dry_run=True)
    assert plan.can_apply and not Response.objects.exists()
    summary = answers_summary(plan, sw.wave)
    assert summary["total"] == 2
    assert summary["areas"] == [("Centrum", 1), ("Skärhamn", 1)]
    assert ("otrygg_kvall_orsak", 1) in summary["questions"]
    assert ("oro_samhalle", 0) in summary["questions"]


def test_only_an_open_wave_takes_answers(cast):
    sw = survey_world(cast, opened=False)
    plan = run(sw, csv_bytes(GOOD))
    assert [str(e) for e in plan.errors] == [
        "Filen: Svar kan bara läsas in medan omgången är öppen (den här är ”Förbereds”): då är "
        "frågornas versioner låsta, och resultaten räknas när den stängs."
    ]


def test_xlsx_files_and_space_separated_multiple_choices(sw):
    from tests.test_imports_readers import xlsx_bytes

    content = xlsx_bytes(
        {"Svar": [["grupp/otrygg_kvall", "kon"], ["ganska_trygg", "man"], [None, None]]}
    )
    plan = run(sw, content, name="svar.xlsx")
    assert not plan.errors
    assert Response.objects.get().answers == {"otrygg_kvall": "ganska_trygg", "kon": "man"}
