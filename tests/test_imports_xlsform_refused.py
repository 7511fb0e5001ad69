"""XLSForm import of broken files: every problem is named by sheet, row and column, and
nothing at all is stored."""

import io

import openpyxl
import pytest

from core.models import ImportRecord
from organisations.models import AuditEntry
from surveys.imports.xlsform.importer import XLSFormImporter
from surveys.models import Item, ItemVersion, Question, Section, Survey, SurveyLanguage
from tests.xlsforms import VALID_SETTINGS, YES_NO, form_file, q, workbook

pytestmark = pytest.mark.django_db


def refused(cast, content, name="trasig.xlsx"):
    counts = _counts()
    plan = XLSFormImporter(organisation=cast.tjorn, user=cast.alice).run(form_file(content, name))
    assert plan.errors and plan.record is None
    assert _counts() == counts, "something was stored"
    return [str(e) for e in plan.errors]


def _counts():
    models = (Survey, SurveyLanguage, Section, Question, Item, ItemVersion, ImportRecord)
    audit = AuditEntry.objects.filter(action__startswith="survey").count()
    return [m.objects.count() for m in models] + [audit]


BROKEN = [
    q("select_one ja_nej", "bor_har", "Bor du här?", "Live here?", "؟"),
    q("begin_repeat", "barn", "Barn", "Children", "أطفال"),
    q("integer", "alder_barn", "Ålder", "Age", "عمر"),
    q("end_repeat"),
    q("barcode", "kod", "Streckkod", "Code", "رمز"),
    q("rating", "betyg", "Betyg", "Rating", "تقييم"),
    q("select_one saknas", "fraga_a", "A?", "A?", "أ"),
    q("text", "fraga_b", "B?", "B?", "ب", relevant="count-selected(${bor_har}) > 1"),
    q("text", "bor_har", "Igen?", "Again?", "؟"),
    q("text", "fraga_c", "C?", "C?", "ج", relevant="${senare} = 'ja'"),
    q("text", "senare", "Senare?", "Later?", "؟"),
    q("integer", "fraga_d", "D?", "D?", "د", constraint="regex(., '^[0-9]+$')"),
    q("text", "fraga_e", "", "E only in English", "هـ"),
    q("text", "Fraga F", "F?", "F?", "و"),
    q("select_one ja_nej", "fraga_g", "G?", "G?", "ز", relevant="${bor_har} = 'kanske'"),
    q("text", "fraga_h", "H?", "H?", "ح", required="${bor_har} = 'ja'"),
]


def test_every_broken_row_is_named_and_nothing_is_stored(cast):
    errors = refused(cast, workbook(BROKEN, YES_NO, VALID_SETTINGS))
    text = "\n".join(errors)

    def at(row, column):
        found = [e for e in errors if e.startswith(f"Blad ”survey”, rad {row}, kolumn ”{column}”")]
        assert found, f"nothing at row {row}, column {column}:\n{text}"
        return found[0]

    assert "Upprepade grupper (begin_repeat) stöds inte" in at(3, "type")
    assert "Upprepade grupper" in at(5, "type")  # end_repeat
    assert "Typen ”barcode” stöds inte (streckkoder)" in at(6, "type")
    assert "Okänd typ ”rating”" in at(7, "type")
    assert "Svarslistan ”saknas” finns inte på bladet choices" in at(8, "type")
    assert "vid ”count-selected”" in at(9, "relevant")
    assert "Namnet ”bor_har” finns redan på rad 2" in at(10, "name")
    assert "ingen fråga med det namnet före den här raden" in at(11, "relevant")
    assert "Begränsningen kan inte läsas in: vid ”regex”" in at(13, "constraint")
    assert "Frågan saknar text på svenska" in at(14, "label::Svenska (sv)")
    assert "Namnet ”Fraga F” går inte att använda" in at(15, "name")
    assert "”fraga_f”" in at(15, "name")
    assert "${bor_har} har inget svarsalternativ ”kanske”" in at(16, "relevant")
    assert "Villkorligt obligatoriska frågor" in at(17, "required")


def test_a_form_without_swedish_is_refused(cast):
    header = ["type", "name", "label::English (en)", "label::Arabic (ar)"]
    content = workbook(
        [["text", "question", "Question?", "سؤال"]],
        survey_header=header,
        settings=[["form_title", "default_language"], ["Safety", "English (en)"]],
    )
    (error,) = refused(cast, content)
    assert error.startswith("Filen: Formuläret har ingen text på svenska")
    assert "English (en), Arabic (ar)" in error


def test_an_unknown_language_is_named_at_its_column(cast):
    header = ["type", "name", "label::Svenska (sv)", "label::Klingonska"]
    errors = refused(cast, workbook([["text", "fraga", "Fråga", "?"]], survey_header=header))
    assert errors == [
        "Blad ”survey”, rad 1, kolumn ”label::Klingonska”: Språket ”Klingonska” känns inte igen. "
        "Skriv språket som ”Namn (kod)”, t.ex. ”Swedish (sv)”, ”English (en)” eller "
        "”Somali (so)”."
    ]


def test_groups_must_be_closed_and_not_nested(cast):
    survey = [
        q("begin_group", "yttre", "Yttre", "Outer", "خارجي"),
        q("begin_group", "inre", "Inre", "Inner", "داخلي"),
        q("text", "fraga", "Fråga", "Q", "س"),
        q("end_group"),
        q("end_group"),
        q("begin_group", "sist", "Sist", "Last", "أخير"),
        q("text", "fraga2", "Fråga 2", "Q2", "س"),
    ]
    errors = refused(cast, workbook(survey))
    assert any(
        e.startswith("Blad ”survey”, rad 3, kolumn ”type”: Grupper i grupper") for e in errors
    )
    assert any(
        e.startswith("Blad ”survey”, rad 6, kolumn ”type”: Raden avslutar en grupp") for e in errors
    )
    assert any(
        e.startswith("Blad ”survey”, rad 7, kolumn ”type”: Gruppen ”sist” avslutas aldrig")
        for e in errors
    )


def test_choice_rows_are_checked(cast):
    choices = [
        ["ja_nej", "ja", "Ja", "Yes", "نعم"],
        ["ja_nej", "ja", "Ja igen", "Yes", "نعم"],
        ["ja_nej", "vet inte", "Vet inte", "Don't know", "لا"],
        ["ja_nej", "nej", "", "No", "لا"],
        ["", "x", "X", "X", "X"],
    ]
    errors = refused(cast, workbook([q("select_one ja_nej", "fraga", "F?", "F?", "ف")], choices))
    assert (
        "Blad ”choices”, rad 3, kolumn ”name”: Värdet ”ja” finns redan i listan ”ja_nej” på rad 2."
        in errors
    )
    assert any(
        e.startswith("Blad ”choices”, rad 4, kolumn ”name”: Värdet ”vet inte” får inte")
        for e in errors
    )
    assert any("”vet_inte”" in e for e in errors)
    assert (
        "Blad ”choices”, rad 5, kolumn ”label::Svenska (sv)”: Svarsalternativet ”nej” saknar text på svenska."
        in errors
    )
    assert (
        "Blad ”choices”, rad 6, kolumn ”list_name”: Svarsalternativet saknar list_name." in errors
    )


def test_unsupported_columns_and_expressions_in_labels(cast):
    header = ["type", "name", "label::Svenska (sv)", "calculation", "choice_filter"]
    survey = [
        ["text", "namn_ok", "Hej ${namn_ok}!", "", ""],
        ["text", "fraga", "Fråga", "1 + 1", ""],
    ]
    errors = refused(cast, workbook(survey, survey_header=header))
    assert any(
        e.startswith("Blad ”survey”, rad 2, kolumn ”label::Svenska (sv)”: Texten hänvisar")
        for e in errors
    )
    assert any(
        e.startswith("Blad ”survey”, rad 3, kolumn ”calculation”: Kolumnen ”calculation” kan inte")
        for e in errors
    )


def test_files_that_are_no_xlsform(cast):
    (error,) = refused(cast, b"not a zip")
    assert "är inget Excel-ark" in error
    content = workbook([["text", "a", "A"]], survey_header=["type", "name", "label"])
    book = openpyxl.load_workbook(io.BytesIO(content))
    book["survey"].title = "frågor"
    buffer = io.BytesIO()
    book.save(buffer)
    (error,) = refused(cast, buffer.getvalue())
    assert error == "Filen: Arbetsboken saknar bladen ”survey”. Bladen som finns: frågor."
    (error,) = refused(cast, b"a;b\n", name="form.csv")
    assert "har fel filtyp" in error


def test_an_organisation_without_a_municipality_cannot_own_a_survey(cast):
    plan = XLSFormImporter(organisation=cast.police, user=cast.bob).run(
        form_file(workbook([["text", "a", "A"]], survey_header=["type", "name", "label"]))
    )
    assert [str(e) for e in plan.errors] == [
        "Filen: LPO Södra Fyrbodal hör inte till någon kommun. En undersökning gäller en kommun: "
        "välj kommunens organisation."
    ]
