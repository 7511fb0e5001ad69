"""The summary page and the submission: the response is stored with the code consumed and the
draft deleted in one transaction; a refused submission stores nothing; nothing stored or
logged holds an IP address, a user agent, a time finer than the day, or the code."""

import datetime
import logging
import re

import pytest
from django.db import connection
from django.db.models import DateTimeField
from django.test import Client

from surveys.answering import DRAFT_COOKIE, forget_drafts
from surveys.models import Invitation, Response, ResponseDraft
from tests.answer_helpers import open_wave, start_with_code, tjorn_areas

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"
AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) UniqueAgent/9.9"
BROWSER = {"REMOTE_ADDR": IP, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": IP}


@pytest.fixture
def areas():
    return tjorn_areas()


def answer_everything(client) -> None:
    pages = {
        1: {"otrygg_kvall": "gar_aldrig_ut"},
        2: {"otrygg_kvall_orsak": "ja", "oro_samhalle": "ganska_stor"},
        3: {"problem_nedskrapning": "ganska_stort", "problem_klotter": "inget"},
        4: {
            "trygghet_index": "4",
            "utsatt_inbrott_antal": "2",
            "otrygg_plats": "58.0012,11.6543",
            "omrade": "kladesholmen",
            "forslag": "Bättre belysning vid hamnen.",
        },
        5: {"kon": "kvinna", "alder": "30-44"},
    }
    client.post("/enkat/svar/", {"sprak": "sv"}, **BROWSER)
    for number, answers in pages.items():
        response = client.post(
            f"/enkat/svar/sida/{number}/", {**answers, "riktning": "nasta"}, **BROWSER
        )
        assert response.status_code == 302, (number, response.content.decode()[:3000])


def test_the_summary_reads_every_answer_back_with_links_to_change_it(client, cast, areas):
    start_with_code(client, open_wave(cast.tjorn))
    answer_everything(client)
    html = client.get("/enkat/svar/granska/").content.decode()
    assert "Går aldrig ut ensam sent på kvällen" in html
    assert "Ett ganska stort problem" in html
    assert "Klädesholmen" in html and "En plats på kartan" in html
    assert "Bättre belysning vid hamnen." in html
    assert 'href="/enkat/svar/sida/4/?sprak=sv#q-forslag"' in html
    assert "Inte besvarad" in html  # problem_belysning was skipped
    assert "Skicka svaren" in html


def test_submitting_stores_the_response_consumes_the_code_and_deletes_the_draft(
    client, cast, areas
):
    w = open_wave(cast.tjorn)
    code = start_with_code(client, w, area=areas[0])
    answer_everything(client)
    response = client.post("/enkat/svar/granska/", **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == f"/enkat/tack/{w.pk}/?sprak=sv"
    assert response.cookies[DRAFT_COOKIE].value == "", "the draft cookie is cleared"
    stored = Response.objects.get()
    assert stored.answers == {
        "otrygg_kvall": "gar_aldrig_ut",
        "otrygg_kvall_orsak": "ja",
        "oro_samhalle": "ganska_stor",
        "problem_nedskrapning": "ganska_stort",
        "problem_klotter": "inget",
        "trygghet_index": 4,
        "utsatt_inbrott_antal": 2,
        "otrygg_plats": {"lat": 58.0012, "lon": 11.6543},
        "omrade": "kladesholmen",
        "forslag": "Bättre belysning vid hamnen.",
        "kon": "kvinna",
        "alder": "30-44",
    }
    assert stored.mode == "sample" and stored.is_representative
    assert stored.area == areas[0], "the stratum the code was drawn in"
    assert stored.language == "sv"
    assert Invitation.objects.get(code=code).consumed
    assert not ResponseDraft.objects.exists()
    thanks = client.get(response["Location"]).content.decode()
    assert "Tack för dina svar!" in thanks


def test_nothing_stored_holds_an_ip_a_user_agent_a_time_or_the_code(client, cast, areas):
    w = open_wave(cast.tjorn)
    code = start_with_code(client, w)
    answer_everything(client)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ResponseDraft._meta.db_table}")
        draft_rows = repr(cursor.fetchall())
    assert IP not in draft_rows and "UniqueAgent" not in draft_rows
    client.post("/enkat/svar/granska/", **BROWSER)
    for model in (Response, Invitation, ResponseDraft):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")
            rows = cursor.fetchall()
            columns = [c[0] for c in cursor.description]
        text = repr(rows)
        assert IP not in text and "UniqueAgent" not in text and "Pixel" not in text, model
        if model is Response:
            assert code not in text
            (row,) = rows
            for name, value in zip(columns, row, strict=True):
                assert not isinstance(value, datetime.datetime), f"{name} is a timestamp"
                assert not re.search(r"\d\d:\d\d", str(value)), f"{name} holds a time"
            assert not any(c == "ip" or "agent" in c or "invitation" in c for c in columns)
            assert not any(isinstance(f, DateTimeField) for f in Response._meta.concrete_fields)


def test_logs_of_refused_requests_hold_no_ip_or_user_agent(client, cast, caplog):
    start_with_code(client, open_wave(cast.tjorn))
    with caplog.at_level(logging.DEBUG):
        client.post("/enkat/", {"kod": "ZZZZZZZZZZ"}, **BROWSER)
        client.post("/enkat/svar/sida/1/", {"riktning": "nasta"}, **BROWSER)
        client.get("/enkat/oppen/finns-inte/", **BROWSER)
    assert caplog.records, "Django logs 4xx responses"
    formatter = logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
    for record in caplog.records:
        logged = formatter.format(record) + repr(record.__dict__)
        assert IP not in logged and "UniqueAgent" not in logged


def test_missing_required_answers_at_submit_store_nothing(client, cast, areas):
    w = open_wave(cast.tjorn)
    code = start_with_code(client, w)
    client.post("/enkat/svar/sida/3/", {"problem_klotter": "inget", "riktning": "nasta"})
    response = client.post("/enkat/svar/granska/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Något behöver rättas" in html
    assert 'href="/enkat/svar/sida/1/?sprak=sv#q-otrygg_kvall"' in html
    assert not Response.objects.exists()
    assert not Invitation.objects.get(code=code).consumed
    assert ResponseDraft.objects.get().answers["problem_klotter"] == ["inget"]


def test_a_bad_answer_left_in_the_draft_is_refused_at_submit(client, cast, areas):
    start_with_code(client, open_wave(cast.tjorn))
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "mycket_trygg", "riktning": "nasta"})
    client.post("/enkat/svar/sida/4/", {"utsatt_inbrott_antal": "500", "riktning": "tillbaka"})
    response = client.post("/enkat/svar/granska/")
    assert response.status_code == 400
    assert "Talet får inte vara större än 100." in response.content.decode()
    assert not Response.objects.exists()


def test_a_code_used_meanwhile_in_another_browser_says_so_and_stores_nothing(client, cast, areas):
    w = open_wave(cast.tjorn)
    code = start_with_code(client, w)
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "mycket_trygg", "riktning": "nasta"})
    Invitation.objects.filter(code=code).update(consumed=True)  # answered on another phone
    response = client.post("/enkat/svar/granska/")
    assert response.status_code == 200
    assert "Koden har redan använts" in response.content.decode()
    assert not Response.objects.exists()
    assert not ResponseDraft.objects.exists()
    assert response.cookies[DRAFT_COOKIE].value == ""


def test_the_wave_closing_while_answering_says_so_and_deletes_the_draft(client, cast, areas):
    w = open_wave(cast.tjorn)
    start_with_code(client, w)
    w.status = "closed"
    w.save()
    response = client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "mycket_trygg"})
    assert "Undersökningen är stängd" in response.content.decode()
    assert not ResponseDraft.objects.exists() and not Response.objects.exists()


def test_a_second_submit_of_the_same_draft_stores_nothing_more(client, cast, areas):
    start_with_code(client, open_wave(cast.tjorn))
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "mycket_trygg", "riktning": "nasta"})
    cookie = client.cookies[DRAFT_COOKIE].value
    client.post("/enkat/svar/granska/")
    client.cookies[DRAFT_COOKIE] = cookie  # the back button, a second tab
    response = client.post("/enkat/svar/granska/")
    assert "Dina påbörjade svar finns inte längre" in response.content.decode()
    assert Response.objects.count() == 1


def test_closing_a_wave_can_forget_its_unfinished_drafts(client, cast):
    w = open_wave(cast.tjorn)
    start_with_code(client, w)
    other = open_wave(cast.tjorn)
    start_with_code(Client(), other)
    assert forget_drafts(w) == 1
    assert list(ResponseDraft.objects.values_list("wave", flat=True)) == [other.pk]
