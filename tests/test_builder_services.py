"""The builder's services and pure helpers, without HTTP."""

import pytest
from django.core.exceptions import ValidationError

from organisations.models import Municipality
from surveys.bank_data import QUESTION_BANK
from surveys.builder import BuilderError, template
from surveys.builder.areas import bounding_box, read_boundary
from surveys.builder.conditions_text import describe
from surveys.builder.items import option_code, parse_options
from surveys.builder.locks import LockState, questionnaire_lock
from surveys.builder.questions import move_question, move_section, set_show_if
from surveys.builder.structure import questionnaire_problems
from surveys.builder.surveys import create_survey
from surveys.builder.translations import FROM_BANK, IN_ITEM, ON_SURVEY, where_texts_live
from surveys.models import Item, ItemVersion, Question, Section
from surveys.services import open_wave
from tests import survey_factories as sf


def test_template_asks_every_bank_item_exactly_once():
    codes = [code for section in template.SECTIONS for code in section.codes]
    assert sorted(codes) == sorted(entry["code"] for entry in QUESTION_BANK)
    for key, condition in template.SHOW_IF.items():
        assert codes.index(condition["q"]) < codes.index(key)


def test_standard_survey_is_valid_and_in_order(cast):
    survey = create_survey(
        user=cast.alice,
        organisation=cast.tjorn,
        municipality=cast.tjorn.municipality,
        title="T",
        start=template.STANDARD_TEMPLATE,
    )
    assert questionnaire_problems(survey) == []
    first = survey.sections.order_by("order").first()
    assert [q.key for q in first.questions.order_by("order")] == [
        "otrygg_kvall",
        "otrygg_kvall_orsak",
        "trygghet_index",
    ]
    assert survey.questions.get(key="utsatt_hot_antal").show_if == {
        "op": "in",
        "q": "utsatt_hot",
        "values": ["ja"],
    }


def test_option_codes_from_swedish_text():
    assert option_code("Ganska ofta") == "ganska_ofta"
    assert option_code("Går aldrig ut") == "gar_aldrig_ut"
    assert option_code("Ja, ibland!") == "ja_ibland"


def test_parse_options_reports_lines():
    options, errors = parse_options("Ja\n\nnej = Nej\nOK = Okej\nja = Javisst\nx =", {"nej"})
    assert options == [
        {"value": "ja", "label": {"sv": "Ja"}},
        {"value": "nej", "label": {"sv": "Nej"}, "missing": True},
    ]
    assert errors == [
        "Rad 4: koden ”OK” får bara ha små bokstäver a–z, siffror, - och _.",
        "Rad 5: koden ”ja” finns redan på en tidigare rad.",
        "Rad 6: skriv alternativets text efter =.",
    ]


def test_lock_states(cast):
    survey = sf.survey(cast.tjorn)
    assert questionnaire_lock(survey).state is LockState.FREE
    wave = sf.wave(survey)
    open_wave(wave=wave, user=cast.alice, parties=[cast.tjorn.pk])
    lock = questionnaire_lock(survey)
    assert lock.state is LockState.OPEN and lock.is_locked
    assert survey.questions.get(key="kon").item_version_id in lock.asked_version_ids
    wave.status = wave.Status.CLOSED
    wave.save()
    assert questionnaire_lock(survey).state is LockState.FREE  # closed without answers
    sf.response(wave, {"kon": "man"})
    assert questionnaire_lock(survey).state is LockState.ANSWERED


def test_locked_survey_refuses_every_structural_change(cast):
    survey = sf.survey(cast.tjorn)
    open_wave(wave=sf.wave(survey), user=cast.alice, parties=[cast.tjorn.pk])
    question = survey.questions.get(key="kon")
    with pytest.raises(BuilderError, match="är öppen för svar"):
        move_question(survey=survey, user=cast.alice, question=question, step=-1)
    with pytest.raises(BuilderError):
        set_show_if(survey=survey, user=cast.alice, question=question, condition=None)
    with pytest.raises(BuilderError):
        move_section(survey=survey, user=cast.alice, section=question.section, step=1)


def test_section_move_that_breaks_a_condition_is_rolled_back(cast):
    survey = sf.survey(cast.tjorn)
    later = Section.objects.create(survey=survey, order=1, title={"sv": "Senare"})
    Question.objects.create(
        survey=survey,
        section=later,
        order=0,
        key="avstatt",
        item_version=Item.objects.get(code="avstatt").latest_version(),
        show_if={"op": "in", "q": "otrygg_kvall", "values": ["ganska_otrygg"]},
    )
    with pytest.raises(BuilderError, match="”avstatt” kan bara visas beroende på frågor"):
        move_section(survey=survey, user=cast.alice, section=later, step=-1)
    later.refresh_from_db()
    assert later.order == 1


def test_describe_every_kind_of_condition(cast):
    survey = sf.survey(cast.tjorn)
    questions = {q.key: q for q in survey.questions.all()}
    condition = {
        "op": "and",
        "args": [
            {"op": "not_in", "q": "kon", "values": ["annat"]},
            {"op": "not", "arg": {"op": "answered", "q": "alder"}},
            {"op": "cmp", "q": "antal", "cmp": ">=", "value": 2},
            {"op": "selected", "q": "kon", "value": "man"},
        ],
    }
    assert describe(condition, questions) == (
        "(”kon” är besvarad men inte ”Annat / vill inte svara” och inte ”alder” är besvarad "
        "och ”antal” ≥ 2 och ”kon” har ”Man” ikryssat)"
    )


def test_where_texts_live(cast):
    survey = sf.survey(cast.tjorn, codes=["kon"])
    question = survey.questions.get()
    assert where_texts_live(question, "en", locked=False) == FROM_BANK
    assert where_texts_live(question, "so", locked=False) == ON_SURVEY
    item = Item.objects.create(code="egen", organisation=cast.tjorn, kind="text")
    version = ItemVersion.objects.create(item=item, number=1, wording={"sv": "Egen?"})
    own = Question.objects.create(
        survey=survey, section=question.section, order=1, key="egen", item_version=version
    )
    assert where_texts_live(own, "en", locked=False) == IN_ITEM
    assert where_texts_live(own, "en", locked=True) == "locked"


def test_question_texts_fall_back_to_swedish(cast):
    survey = sf.survey(cast.tjorn, codes=["problem_klotter"])
    question = survey.questions.get()
    assert question.text("en").endswith("Graffiti")
    assert question.row_label("ar") == "الكتابة على الجدران"
    assert question.text("so") == question.text("sv")
    question.translations = {"so": {"help": "Qoraal derbiyada"}}
    assert question.row_label("so") == "Qoraal derbiyada"


def test_read_boundary_checks_the_municipality(db):
    tjorn = Municipality.objects.get(code="1419")
    box = bounding_box(tjorn.boundary)
    assert box is not None and 11.0 < box[0] < 12.0 and 57.5 < box[1] < 58.5
    inside = '{"type": "Polygon", "coordinates": [[[11.55, 57.99], [11.56, 57.99], [11.56, 58.0], [11.55, 57.99]]]}'
    assert read_boundary(inside, tjorn)["type"] == "Polygon"
    with pytest.raises(ValidationError, match="ligger inte i Tjörn"):
        read_boundary(inside.replace("11.5", "17.5"), tjorn)
