"""XLSForm import: a valid form with groups, choices, translations and conditions becomes a
survey that agrees with pyxform (the reference parser); bank items are linked."""

import re

import pytest

from organisations.models import AuditEntry
from surveys import conditions
from surveys.imports.xlsform.importer import XLSFormImporter
from surveys.models import Item, Question, Section, Survey
from surveys.questionnaire import survey_questions
from tests.xlsforms import (
    SAFETY,
    VALID_SETTINGS,
    YES_NO,
    form_file,
    pyxform_json,
    pyxform_questions,
    q,
    valid_form,
    workbook,
)

pytestmark = pytest.mark.django_db
KINDS = {
    "select one": "single",
    "select all that apply": "multiple",
    "integer": "number",
    "decimal": "number",
    "text": "text",
    "geopoint": "point",
    "note": "note",
}
LANGUAGES = {"Svenska (sv)": "sv", "English (en)": "en", "Arabic (ar)": "ar"}
GENERATED = ("generated_table_list_label", "reserved_name_for_field_list_labels")


def run(cast, content, user=None, organisation=None, name="trygghet.xlsx"):
    importer = XLSFormImporter(organisation=organisation or cast.tjorn, user=user or cast.alice)
    plan = importer.run(form_file(content, name))
    return importer, plan


def by_language(texts):
    return {LANGUAGES[k]: v for k, v in texts.items()}


def test_a_valid_form_becomes_a_survey(cast):
    importer, plan = run(cast, valid_form())
    assert not plan.errors, [str(e) for e in plan.errors]
    survey = importer.survey
    assert survey.organisation == cast.tjorn and survey.municipality.code == "1419"
    assert survey.title == {"sv": "Trygghetsmätning Tjörn"}
    languages = list(survey.languages.values_list("code", "name", "rtl"))
    assert languages == [
        ("sv", "Svenska", False),
        ("en", "English", False),
        ("ar", "العربية", True),
    ]
    sections = list(survey.sections.order_by("order"))
    assert [(s.kind, s.title.get("sv", "")) for s in sections] == [
        ("page", "Trygghet"),
        ("matrix", "Problem i området"),
        ("page", ""),
    ]
    questions = {question.key: question for question in survey_questions(survey)}
    assert list(questions) == [
        "otrygg_kvall",
        "otrygg_kvall_orsak",
        "skal",
        "skal_annat",
        "problem_klotter",
        "problem_belysning",
        "problem_hundbajs",
        "antal_ar",
        "avstand",
        "otrygg_plats",
        "tack",
    ]
    assert questions["otrygg_kvall"].required and questions["otrygg_plats"].required
    assert not questions["skal"].required
    assert questions["antal_ar"].item_version.constraints == {"integer": True, "min": 0, "max": 100}
    assert questions["skal_annat"].item_version.constraints == {"max_length": 500}
    assert questions["otrygg_kvall_orsak"].show_if == {
        "op": "in",
        "q": "otrygg_kvall",
        "values": ["gar_aldrig_ut"],
    }
    assert questions["skal"].show_if == {
        "op": "or",
        "args": [
            {"op": "in", "q": "otrygg_kvall", "values": ["ganska_otrygg"]},
            {"op": "in", "q": "otrygg_kvall", "values": ["mycket_otrygg"]},
        ],
    }
    assert questions["skal_annat"].show_if == {"op": "selected", "q": "skal", "value": "annat"}
    assert questions["avstand"].show_if == {
        "op": "and",
        "args": [
            {"op": "cmp", "q": "antal_ar", "cmp": ">=", "value": 1},
            {"op": "not_in", "q": "otrygg_kvall", "values": ["vet_ej"]},
        ],
    }
    own = questions["skal"].item_version
    assert own.item.organisation == cast.tjorn and own.item.code == "skal"
    assert own.help == {} and questions["otrygg_kvall"].item_version.item.is_standard


def test_bank_items_are_linked_when_the_choices_are_the_same(cast):
    importer, plan = run(cast, valid_form())
    questions = {q.key: q for q in survey_questions(importer.survey)}
    for code in ("otrygg_kvall", "otrygg_kvall_orsak", "problem_klotter", "problem_belysning"):
        version = questions[code].item_version
        assert version.item.is_standard and version == Item.objects.get(code=code).latest_version()
    # The point question of the bank has no choices: linked on its kind.
    assert questions["otrygg_plats"].item_version.item.is_standard
    # Not in the bank: own items of the organisation.
    for code in ("skal", "problem_hundbajs", "antal_ar", "tack"):
        assert questions[code].item_version.item.organisation == cast.tjorn
    assert questions["problem_hundbajs"].item_version.option_values() == [
        "mycket_stort",
        "ganska_stort",
        "ganska_litet",
        "inget",
        "vet_ej",
    ]
    vet_ej = questions["problem_hundbajs"].item_version.options[-1]
    assert vet_ej == {
        "value": "vet_ej",
        "label": {"sv": "Vet ej", "en": "Don't know", "ar": "لا أعرف"},
        "missing": True,
    }
    assert plan.counts() == {"survey": 1, "section": 3, "bank_question": 5, "own_question": 6}


def test_the_survey_agrees_with_pyxform(cast):
    content = valid_form()
    reference = pyxform_questions(content)
    importer, _plan = run(cast, content)
    ours = {q.key: q for q in survey_questions(importer.survey)}
    expected = [
        name
        for name, question in reference.items()
        if question["type"] not in ("start",) and not name.startswith(GENERATED)
    ]
    assert list(ours) == expected
    for name in expected:
        theirs, question = reference[name], ours[name]
        version = question.item_version
        assert KINDS[theirs["type"]] == version.item.kind, name
        if not version.item.is_standard:
            assert version.wording == by_language(theirs["label"]), name
        if "choices" in theirs:
            assert version.option_values() == [c["name"] for c in theirs["choices"]], name
            if not version.item.is_standard:
                labels = [by_language(c["label"]) for c in theirs["choices"]]
                assert [o["label"] for o in version.options] == labels, name
        required = theirs.get("bind", {}).get("required", "no")
        assert question.required == (required.lower() in ("yes", "true()")), name
        relevant = " ".join(
            r for r in (theirs["group_relevant"], theirs.get("bind", {}).get("relevant", "")) if r
        )
        assert conditions.referenced_keys(question.show_if) == set(
            re.findall(r"\$\{(\w+)\}", relevant)
        ), name
        quoted = set(re.findall(r"'([^']*)'", relevant))
        assert _values(question.show_if) == quoted, name
    assert pyxform_json(content)["title"] == importer.survey.title["sv"]


def _values(condition):
    if condition is None:
        return set()
    if condition["op"] in ("and", "or"):
        return set().union(*(_values(c) for c in condition["args"]))
    if condition["op"] == "not":
        return _values(condition["arg"])
    return set(condition.get("values", [])) | (
        {condition["value"]} if condition["op"] == "selected" else set()
    )


def test_the_preview_lists_what_will_be_created_and_stores_nothing(cast):
    importer = XLSFormImporter(organisation=cast.tjorn, user=cast.alice)
    plan = importer.plan(form_file(valid_form()))
    assert plan.can_apply and not Survey.objects.exists()
    survey, first_section, first_question = plan.changes[0], plan.changes[1], plan.changes[2]
    assert survey.description == "Ny undersökning ”Trygghetsmätning Tjörn” för Tjörn"
    fields = {f.label: f.after for f in survey.fields}
    assert fields["Språk"] == "Svenska (sv), English (en), العربية (ar, höger till vänster)"
    assert first_section.description == "Avsnitt 1: Trygghet (sida, 4 frågor)"
    assert first_section.row == 3
    fields = {f.label: f.after for f in first_question.fields}
    assert fields["Källa"].startswith("frågebanken: otrygg_kvall v1")
    orsak = next(c for c in plan.changes if c.description.startswith("otrygg_kvall_orsak"))
    fields = {f.label: f.after for f in orsak.fields}
    assert fields["Visas om"] == "otrygg_kvall är ”Går aldrig ut ensam sent på kvällen”"
    notes = [str(n) for n in plan.notes]
    assert any("Metadatafältet ”start” läses inte in" in n for n in notes)


def test_the_import_is_audited_and_the_file_is_not_imported_twice(cast):
    content = valid_form()
    importer, plan = run(cast, content)
    entry = AuditEntry.objects.get(action="survey.imported_xlsform")
    assert entry.actor == cast.alice and entry.after["file"] == "trygghet.xlsx"
    assert "otrygg_kvall ← otrygg_kvall v1" in entry.after["questions"]
    again, plan = run(cast, content, name="kopia.xlsx")
    assert plan.previous is not None and again.survey is None
    assert Survey.objects.count() == 1
    # Another municipality may import the same file.
    other, plan = run(cast, content, user=cast.charlie, organisation=cast.harryda)
    assert other.survey is not None and other.survey.municipality.code == "1401"


def test_choices_that_differ_from_the_bank_make_an_own_item_with_a_distinct_code(cast):
    choices = [c for c in SAFETY if c[1] != "vet_ej"] + YES_NO
    content = workbook(
        [q("select_one safety", "otrygg_kvall", "Hur trygg?", "How safe?", "؟")],
        choices,
        VALID_SETTINGS,
    )
    importer, plan = run(cast, content)
    assert not plan.errors
    version = Question.objects.get(survey=importer.survey).item_version
    assert version.item.code == "otrygg_kvall_tjorn" and version.item.organisation == cast.tjorn
    assert Question.objects.get(survey=importer.survey).key == "otrygg_kvall"
    note = next(str(n) for n in plan.notes if "samma namn" in str(n))
    assert "saknas i filen: vet_ej" in note and "otrygg_kvall_tjorn" in note
    assert note.startswith("Blad ”survey”, rad 2, kolumn ”name”")
    # Imported again (a changed file): the next free code.
    content = workbook(
        [q("select_one safety", "otrygg_kvall", "Hur trygg nu?", "How safe?", "؟")],
        choices,
        VALID_SETTINGS,
    )
    importer, plan = run(cast, content)
    version = Question.objects.get(survey=importer.survey).item_version
    assert version.item.code == "otrygg_kvall_tjorn_2"


def test_language_names_and_codes_are_read_in_their_common_forms(cast):
    header = [
        "type",
        "name",
        "label::svenska",
        "label::English",
        "label::Arabic (ar)",
        "label::Somali (so)",
    ]
    content = workbook(
        [["select_one ja_nej", "fraga", "Fråga", "Question", "سؤال", "Su'aal"]],
        [["ja_nej", "ja", "Ja", "Yes", "نعم", "Haa"], ["ja_nej", "nej", "Nej", "No", "لا", "Maya"]],
        [["form_title", "form_title::English", "default_language"], ["Titel", "Title", "svenska"]],
        survey_header=header,
        choices_header=["list_name", "name", *header[2:]],
    )
    importer, plan = run(cast, content)
    assert not plan.errors, [str(e) for e in plan.errors]
    assert list(importer.survey.languages.values_list("code", "rtl")) == [
        ("sv", False),
        ("en", False),
        ("ar", True),
        ("so", False),
    ]
    assert importer.survey.title == {"sv": "Titel", "en": "Title"}
    version = Question.objects.get(survey=importer.survey).item_version
    assert version.wording == {"sv": "Fråga", "en": "Question", "ar": "سؤال", "so": "Su'aal"}


def test_a_bare_label_column_is_swedish_with_a_note(cast):
    content = workbook(
        [["text", "forslag_egen", "Har du förslag?"]], survey_header=["type", "name", "label"]
    )
    importer, plan = run(cast, content, name="mitt_formular.xlsx")
    assert not plan.errors
    assert importer.survey.title == {"sv": "mitt formular"}
    notes = " ".join(str(n) for n in plan.notes)
    assert "läses som svenska" in notes and "saknar form_title" in notes
    pyxform_json(content)  # pyxform reads it too


def test_a_field_list_of_mixed_questions_is_a_page(cast):
    survey = [
        q("begin_group", "bakgrund", "Om dig", "About you", "عنك", appearance="field-list"),
        q("select_one ja_nej", "fraga_a", "A?", "A?", "أ"),
        q("integer", "fraga_b", "B?", "B?", "ب"),
        q("end_group"),
    ]
    importer, plan = run(cast, workbook(survey, YES_NO, VALID_SETTINGS))
    assert not plan.errors
    assert list(importer.survey.sections.values_list("kind", flat=True)) == [Section.Kind.PAGE]


def test_a_group_condition_is_carried_into_each_question(cast):
    survey = [
        q("select_one ja_nej", "bor_har", "Bor du här?", "Live here?", "؟"),
        q("begin_group", "omradet", "Området", "Area", "منطقة", relevant="${bor_har} = 'ja'"),
        q(
            "select_one ja_nej",
            "trivs",
            "Trivs du?",
            "Like it?",
            "؟",
            relevant="${bor_har} != 'nej'",
        ),
        q("text", "varfor", "Varför?", "Why?", "لماذا"),
        q("end_group"),
    ]
    content = workbook(survey, YES_NO, VALID_SETTINGS)
    importer, plan = run(cast, content)
    assert not plan.errors
    questions = {q.key: q for q in survey_questions(importer.survey)}
    group = {"op": "in", "q": "bor_har", "values": ["ja"]}
    assert questions["varfor"].show_if == group
    assert questions["trivs"].show_if == {
        "op": "and",
        "args": [group, {"op": "not_in", "q": "bor_har", "values": ["nej"]}],
    }
    assert pyxform_questions(content)["varfor"]["group_relevant"] == "${bor_har} = 'ja'"


def test_the_area_question_of_the_bank_is_linked_when_its_choices_are_the_areas(cast):
    from tests.survey_factories import area

    area("centrum", "Centrum")
    area("skarhamn", "Skärhamn")
    choices = [
        ["omr", "centrum", "Centrum", "Centre", "م"],
        ["omr", "skarhamn", "Skärhamn", "S", "س"],
    ]
    content = workbook(
        [q("select_one omr", "omrade", "Var bor du?", "Where?", "أين")], choices, VALID_SETTINGS
    )
    importer, plan = run(cast, content)
    version = Question.objects.get(survey=importer.survey).item_version
    assert version.item.code == "omrade" and version.item.is_standard


def test_hints_become_help_texts_and_notes_are_kept(cast):
    survey = [
        q(
            "text",
            "egna_ord",
            "Beskriv med egna ord",
            "In your own words",
            "بكلماتك",
            hint="Skriv inga namn.",
        ),
        q("note", "info", "Nu kommer några frågor om området.", "Some questions follow.", "أسئلة"),
    ]
    content = workbook(survey, settings=VALID_SETTINGS)
    importer, plan = run(cast, content)
    assert not plan.errors
    questions = {q.key: q for q in survey_questions(importer.survey)}
    assert questions["egna_ord"].item_version.help == {"sv": "Skriv inga namn."}
    assert questions["info"].item_version.item.kind == "note"
    assert pyxform_questions(content)["egna_ord"]["hint"] == {"Svenska (sv)": "Skriv inga namn."}
