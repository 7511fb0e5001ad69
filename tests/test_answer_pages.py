"""The survey's pages: one per section, progress, Back and Next, show-if evaluated on the
server, a matrix, every kind of question; what was typed is saved on every Next and Back and
shown again after a reload; bad answers are refused next to the question, keeping the others."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from surveys.builder.preview import preview
from surveys.models import Item, Question, ResponseDraft, Section, SurveyLanguage
from tests.answer_helpers import PROBLEMS, open_wave, start_with_code, tjorn_areas
from tests.survey_factories import area as area_factory
from tests.survey_factories import survey, wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def answering(client, cast):
    tjorn_areas()
    w = open_wave(cast.tjorn)
    start_with_code(client, w)
    return w


def test_intro_says_what_the_survey_is_and_that_it_is_anonymous(client, answering):
    html = client.get("/enkat/svar/").content.decode()
    assert "<h1>Trygghetsundersökning</h1>" in html
    assert "Dina svar är anonyma" in html
    assert "IP-adress" in html and "koden i brevet" in html
    assert "Det tar ungefär 5 minuter att svara." in html  # 13 questions of 20 s
    assert 'href="?sprak=en"' in html and 'href="?sprak=ar"' in html


def test_starting_goes_to_the_first_page_with_progress(client, answering):
    response = client.post("/enkat/svar/", {"sprak": "sv"})
    assert response["Location"] == "/enkat/svar/sida/1/?sprak=sv"
    html = client.get("/enkat/svar/sida/1/").content.decode()
    assert "Sida 1 av 5" in html
    assert "Hur trygg eller otrygg känner du dig" in html
    assert "(måste besvaras)" in html
    assert "Är det för att du känner dig otrygg" not in html, "the follow-up waits for its answer"


def test_a_required_question_left_empty_stays_on_the_page_with_the_error(client, answering):
    response = client.post("/enkat/svar/sida/1/", {"riktning": "nasta"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Något behöver rättas" in html
    assert 'href="#q-otrygg_kvall-0"' in html
    assert 'id="q-otrygg_kvall-error"' in html and "Frågan måste besvaras." in html


def test_show_if_puts_the_follow_up_on_the_next_page_only_when_it_holds(client, answering):
    response = client.post(
        "/enkat/svar/sida/1/", {"otrygg_kvall": "gar_aldrig_ut", "riktning": "nasta"}
    )
    assert response["Location"] == "/enkat/svar/sida/2/?sprak=sv"
    html = client.get("/enkat/svar/sida/2/").content.decode()
    assert "Är det för att du känner dig otrygg" in html
    client.post("/enkat/svar/sida/2/", {"otrygg_kvall_orsak": "ja", "riktning": "tillbaka"})
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "mycket_trygg", "riktning": "nasta"})
    html = client.get("/enkat/svar/sida/2/").content.decode()
    assert "Är det för att du känner dig otrygg" not in html
    assert "I vilken utsträckning oroar du dig" in html
    summary = client.get("/enkat/svar/granska/").content.decode()
    assert "Är det för att du känner dig otrygg" not in summary


def test_a_page_whose_questions_are_all_hidden_is_skipped(client, cast):
    s = survey(cast.tjorn, codes=["otrygg_kvall"])
    follow_up = Section.objects.create(survey=s, order=1, title={"sv": "Uppföljning"})
    Question.objects.create(
        survey=s,
        section=follow_up,
        order=1,
        key="otrygg_kvall_orsak",
        item_version=Item.objects.get(code="otrygg_kvall_orsak").latest_version(),
        show_if={"op": "in", "q": "otrygg_kvall", "values": ["gar_aldrig_ut"]},
    )
    start_with_code(client, wave(s, status="open"))
    response = client.post(
        "/enkat/svar/sida/1/", {"otrygg_kvall": "mycket_trygg", "riktning": "nasta"}
    )
    assert response["Location"] == "/enkat/svar/granska/?sprak=sv"
    assert client.get("/enkat/svar/sida/2/")["Location"] == "/enkat/svar/granska/?sprak=sv"
    html = client.get("/enkat/svar/sida/1/").content.decode()
    assert "Sida 1 av 1" in html and "Granska dina svar" in html


def test_answers_are_kept_when_the_page_is_reloaded(client, answering):
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "ganska_otrygg", "riktning": "nasta"})
    client.post(
        "/enkat/svar/sida/4/",
        {
            "trygghet_index": "7",
            "utsatt_inbrott_antal": "2",
            "forslag": "Mer ljus",
            "riktning": "nasta",
        },
    )
    draft = ResponseDraft.objects.get()
    assert draft.answers["otrygg_kvall"] == ["ganska_otrygg"]
    assert draft.answers["forslag"] == ["Mer ljus"]
    html = client.get("/enkat/svar/sida/1/").content.decode()
    assert 'value="ganska_otrygg" checked' in html
    html = client.get("/enkat/svar/sida/4/").content.decode()
    assert 'value="7" checked' in html
    assert 'value="2"' in html
    assert ">Mer ljus</textarea>" in html


def test_back_saves_what_was_typed_without_checking_it(client, answering):
    response = client.post(
        "/enkat/svar/sida/4/", {"utsatt_inbrott_antal": "500", "riktning": "tillbaka"}
    )
    assert response["Location"] == "/enkat/svar/sida/3/?sprak=sv"
    assert ResponseDraft.objects.get().answers["utsatt_inbrott_antal"] == ["500"]


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("trygghet_index", "11", "Talet får inte vara större än 10."),
        ("utsatt_inbrott_antal", "500", "Talet får inte vara större än 100."),
        ("utsatt_inbrott_antal", "tre", "Skriv ett tal, till exempel 3."),
        ("utsatt_inbrott_antal", "2,5", "Skriv ett heltal, utan decimaler."),  # a count
        (
            "forslag",
            "x" * 100_000,
            "Svaret är för långt: högst 2000 tecken, du har skrivit 100000.",
        ),
        ("omrade", "atlantis", "Välj ett av områdena i listan."),
        ("otrygg_plats", "40.7,-74.0", "Platsen ligger inte i Sverige."),
    ],
)
def test_an_answer_out_of_range_is_refused_next_to_it_keeping_the_others(
    client, answering, key, value, message
):
    typed = {
        "trygghet_index": "8",
        "utsatt_inbrott_antal": "3",
        "forslag": "Fler vuxna ute",
        "omrade": "centrum",
    }
    response = client.post("/enkat/svar/sida/4/", {**typed, key: value, "riktning": "nasta"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="q-{key}-error"' in html
    error_at = html.index(f'id="q-{key}-error"')
    assert message in html[error_at : error_at + 400]
    assert f'href="#q-{key}' in html, "the error summary links to the question"
    for other, other_value in typed.items():
        if other != key:
            assert other_value in html, f"{other} was lost"
    assert "Fler vuxna ute" in html or key == "forslag"


def test_a_choice_not_offered_is_refused(client, answering):
    response = client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "kanske", "riktning": "nasta"})
    assert response.status_code == 400
    assert "Välj bland svarsalternativen." in response.content.decode()


def test_a_matrix_is_one_fieldset_with_a_legend_per_item(client, answering):
    html = client.get("/enkat/svar/sida/3/").content.decode()
    assert 'class="matrix matrix-cols-5"' in html
    assert html.count('<fieldset id="q-problem_') == len(PROBLEMS)
    assert "Nedskräpning</legend>" in html
    assert 'aria-hidden="true"' in html, "the column heads are for sighted users only"
    for i in range(5):
        assert f'<label for="q-problem_klotter-{i}">' in html


def test_every_kind_of_question_is_rendered_with_labels(client, answering):
    html = client.get("/enkat/svar/sida/4/").content.decode()
    assert html.count('type="radio" name="trygghet_index"') == 10
    assert "1 betyder ”Inte alls” och 10 betyder ”I mycket hög grad”." in html
    assert 'inputmode="numeric"' in html and "Skriv ett tal från 1 till 100." in html  # a count
    assert "Skriv inte namn eller annat som kan peka ut någon." in html
    assert (
        "Du kan skriva högst 2\xa0000 tecken." in html
        or "Du kan skriva högst 2 000 tecken." in html
    )
    assert "data-map" in html and "maps/" not in html
    assert "Jag vill inte markera någon plats" in html
    assert 'value="kladesholmen"' in html and "Klädesholmen" in html
    assert "leaflet.js" in html


def test_a_point_marked_on_the_map_is_kept_and_offered_without_javascript(client, answering):
    client.post("/enkat/svar/sida/4/", {"otrygg_plats": "58.0123,11.6421", "riktning": "tillbaka"})
    html = client.get("/enkat/svar/sida/4/").content.decode()
    assert 'data-map-marker="58.0123,11.6421"' in html
    assert 'value="58.0123,11.6421" checked' in html


def test_a_page_costs_the_same_queries_whatever_the_number_of_questions(client, cast):
    counts = []
    for n in (1, 3):
        s = survey(cast.tjorn, codes=PROBLEMS[:n])
        client.cookies.clear()
        start_with_code(client, wave(s, status="open"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/enkat/svar/sida/1/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_without_a_draft_the_pages_say_so_kindly(client):
    response = client.get("/enkat/svar/sida/1/")
    assert response.status_code == 200
    assert "Dina påbörjade svar finns inte längre" in response.content.decode()


def test_a_saved_survey_reaches_the_answer_pages_at_once(client, answering):
    assert "Sida 1 av 5" in client.get("/enkat/svar/sida/1/").content.decode()
    survey = answering.survey
    extra = Section.objects.create(survey=survey, order=9, title={"sv": "Sist"})
    Question.objects.create(
        survey=survey,
        section=extra,
        order=99,
        key="avstatt",
        item_version=Item.objects.get(code="avstatt").latest_version(),
    )
    survey.save()  # the builder saves the survey with its questions
    assert "Sida 1 av 6" in client.get("/enkat/svar/sida/1/").content.decode()


def test_the_benchmarks_minimal_endpoint_is_not_mounted_in_production(client):
    assert client.get("/bench/minimal-submit/").status_code == 404


def test_coming_back_continues_on_the_page_where_the_resident_left(client, answering):
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "mycket_trygg", "riktning": "nasta"})
    client.post("/enkat/svar/sida/3/", {"problem_klotter": "inget", "riktning": "nasta"})
    html = client.get("/enkat/svar/").content.decode()
    assert "Fortsätt där du slutade" in html
    assert client.post("/enkat/svar/")["Location"] == "/enkat/svar/sida/3/?sprak=sv"


def test_the_builders_preview_shows_the_answer_pages_with_when_a_question_is_shown(cast):
    pages = preview(survey(cast.tjorn), SurveyLanguage(code="sv", name="Svenska"))["pages"]
    # The follow-up starts a page of its own, as on the answer pages.
    assert [[q.view.key for q in p.questions] for p in pages][:2] == [
        ["otrygg_kvall"],
        ["otrygg_kvall_orsak", "oro_samhalle", "fortroende_polis", "kon", "alder"],
    ]
    assert pages[0].progress == "Sida 1 av 2" and pages[-1].is_last
    follow_up = pages[1].questions[0]
    assert follow_up.condition == "”otrygg_kvall” är ”Går aldrig ut ensam sent på kvällen”"
    assert all(not c.checked for p in pages for q in p.questions for c in q.view.choices)


def test_multiple_choice_and_a_long_area_list(client, cast):
    s = survey(cast.tjorn, codes=["otrygg_kvall"])
    own = Item.objects.create(code="platser_otrygga", kind="multiple", organisation=cast.tjorn)
    version = own.versions.create(
        number=1,
        wording={"sv": "Var känner du dig otrygg?"},
        options=[
            {"value": "busshallplats", "label": {"sv": "Vid busshållplatsen"}},
            {"value": "park", "label": {"sv": "I parken"}},
            {"value": "centrum", "label": {"sv": "I centrum"}},
        ],
    )
    section = Section.objects.create(survey=s, order=1, title={"sv": "Platser"})
    Question.objects.create(
        survey=s, section=section, order=1, key="platser_otrygga", item_version=version
    )
    Question.objects.create(
        survey=s,
        section=section,
        order=2,
        key="omrade",
        item_version=Item.objects.get(code="omrade").latest_version(),
    )
    for i in range(15):
        area_factory(f"omrade{i:02}", f"Område {i:02}")
    start_with_code(client, wave(s, status="open"))
    html = client.get("/enkat/svar/sida/2/").content.decode()
    assert html.count('type="checkbox" name="platser_otrygga"') == 3
    assert '<select name="omrade" id="q-omrade"' in html and "Välj område" in html
    client.post(
        "/enkat/svar/sida/2/",
        {"platser_otrygga": ["park", "busshallplats"], "omrade": "omrade03", "riktning": "nasta"},
    )
    html = client.get("/enkat/svar/sida/2/").content.decode()
    assert 'value="park" checked' in html and 'value="busshallplats" checked' in html
    assert '<option value="omrade03" selected>' in html
    client.post("/enkat/svar/sida/2/", {"riktning": "nasta"})  # all unticked
    assert ResponseDraft.objects.get().answers["platser_otrygga"] == []
