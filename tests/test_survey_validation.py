"""One respondent's answers checked against the questionnaire (web, paper and import alike)."""

from surveys.validation import QuestionSpec, clean_answers

SAFETY = QuestionSpec(
    "otrygg_kvall",
    "single",
    required=True,
    options=("mycket_trygg", "ganska_trygg", "gar_aldrig_ut", "vet_ej"),
)
REASON = QuestionSpec(
    "orsak",
    "single",
    options=("ja", "nej"),
    required=True,
    show_if={"op": "in", "q": "otrygg_kvall", "values": ["gar_aldrig_ut"]},
)
PLACES = QuestionSpec("platser", "multiple", options=("torg", "park", "station"))
TIMES = QuestionSpec("antal", "number", minimum=1, maximum=100, integer=True)
SCALE = QuestionSpec("skala", "scale", minimum=1, maximum=10)
TEXT = QuestionSpec("forslag", "text", max_length=2000)
POINT = QuestionSpec("plats", "point", area_codes=("centrum", "hamnen"))
AREA = QuestionSpec("omrade", "area", area_codes=("centrum", "hamnen"))
SPECS = [SAFETY, REASON, PLACES, TIMES, SCALE, TEXT, POINT, AREA]


def test_valid_answers_are_typed():
    result = clean_answers(
        SPECS,
        {
            "otrygg_kvall": ["ganska_trygg"],
            "platser": ["station", "torg", "torg"],
            "antal": ["3"],
            "skala": ["7"],
            "forslag": ["  Mer belysning vid stationen.  "],
            "plats": ["57.8945, 11.6589"],
            "omrade": ["hamnen"],
        },
    )
    assert result.errors == {}
    assert result.answers == {
        "otrygg_kvall": "ganska_trygg",
        "platser": ["torg", "station"],
        "antal": 3,
        "skala": 7,
        "forslag": "Mer belysning vid stationen.",
        "plats": {"lat": 57.8945, "lon": 11.6589},
        "omrade": "hamnen",
    }


def test_hidden_question_is_not_required_and_its_answer_dropped():
    result = clean_answers([SAFETY, REASON], {"otrygg_kvall": ["mycket_trygg"], "orsak": ["ja"]})
    assert result.is_valid
    assert result.answers == {"otrygg_kvall": "mycket_trygg"}
    assert result.shown == ["otrygg_kvall"]


def test_shown_follow_up_is_required():
    result = clean_answers([SAFETY, REASON], {"otrygg_kvall": ["gar_aldrig_ut"]})
    assert result.errors == {"orsak": "Frågan måste besvaras."}


def test_out_of_range_answers_are_refused_next_to_their_question_keeping_the_rest():
    result = clean_answers(
        SPECS,
        {
            "otrygg_kvall": ["ganska_otrygg_finns_inte"],
            "antal": ["1000"],
            "skala": ["7,5"],
            "forslag": ["x" * 100_000],
            "plats": ["40.7, -74.0"],
            "omrade": ["manhattan"],
            "platser": ["park"],
        },
    )
    assert set(result.errors) == {"otrygg_kvall", "antal", "skala", "forslag", "plats", "omrade"}
    assert "2000" in result.errors["forslag"] and "100000" in result.errors["forslag"]
    assert "100" in result.errors["antal"]
    assert result.answers == {"platser": ["park"]}


def test_two_answers_to_a_single_choice_are_refused():
    result = clean_answers([SAFETY], {"otrygg_kvall": ["mycket_trygg", "ganska_trygg"]})
    assert "otrygg_kvall" in result.errors


def test_point_may_fall_back_to_an_area():
    result = clean_answers([POINT], {"plats": ["centrum"]})
    assert result.answers == {"plats": "centrum"}


def test_swedish_decimal_comma_and_not_a_number():
    decimal = QuestionSpec("tal", "number")
    assert clean_answers([decimal], {"tal": ["2,5"]}).answers == {"tal": 2.5}
    assert "tal" in clean_answers([decimal], {"tal": ["två"]}).errors
    assert "tal" in clean_answers([decimal], {"tal": ["nan"]}).errors
