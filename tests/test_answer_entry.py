"""The entry page /enkat/: the code from the letter (typed, from ?kod= or the letter's link
/enkat/kod/<CODE>/), and the kind messages for codes that cannot answer. Nothing is stored
for a code that cannot answer."""

import pytest

from surveys.answering import DRAFT_COOKIE
from surveys.models import Invitation, Response, ResponseDraft, WaveStatus
from surveys.services import draft_hash
from tests.answer_helpers import open_wave, start_with_code
from tests.survey_factories import invitations, survey, wave

pytestmark = pytest.mark.django_db


def test_entry_page_asks_for_the_code_in_swedish(client):
    response = client.get("/enkat/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv" dir="ltr">' in html
    assert "Koden i brevet" in html
    assert 'name="kod"' in html and "csrfmiddlewaretoken" in html
    assert response["Cache-Control"] == "no-store"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_code_is_prefilled_from_the_query_and_from_the_letters_link(client):
    assert 'value="ABCDEFGH23"' in client.get("/enkat/?kod=ABCDEFGH23").content.decode()
    response = client.get("/enkat/kod/ABCDEFGH23/")
    assert response.status_code == 200
    assert 'value="ABCDEFGH23"' in response.content.decode()
    assert not ResponseDraft.objects.exists(), "a GET (a mail scanner) must start nothing"


def test_a_valid_code_starts_a_draft_in_an_httponly_cookie(client, cast):
    w = open_wave(cast.tjorn)
    (invitation,) = invitations(w, 1)
    typed = invitation.code.lower()[:4] + " " + invitation.code.lower()[4:]
    response = client.post("/enkat/", {"kod": typed})
    assert response.status_code == 302
    assert response["Location"] == "/enkat/svar/"
    cookie = response.cookies[DRAFT_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/enkat/"
    draft = ResponseDraft.objects.get()
    assert draft.token_hash == draft_hash(cookie.value) and cookie.value not in draft.token_hash
    assert draft.invitation_code == invitation.code
    assert draft.wave == w
    invitation.refresh_from_db()
    assert not invitation.consumed, "the code is consumed only when the answers are stored"


def test_opening_the_same_code_again_in_the_same_browser_goes_on_with_the_draft(client, cast):
    w = open_wave(cast.tjorn)
    code = start_with_code(client, w)
    response = client.post("/enkat/", {"kod": code})
    assert response.status_code == 302
    assert ResponseDraft.objects.count() == 1


@pytest.mark.parametrize("typed", ["", "   ", "ABC", "ZZZZZZZZZZ", "x" * 500])
def test_an_unknown_code_is_refused_next_to_the_field_and_stores_nothing(client, cast, typed):
    open_wave(cast.tjorn)
    response = client.post("/enkat/", {"kod": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Något behöver rättas" in html and 'href="#id_kod"' in html
    assert "Skriv koden som står i brevet." in html or "Vi hittar ingen inbjudan" in html
    assert 'aria-invalid="true"' in html
    assert not ResponseDraft.objects.exists() and not Response.objects.exists()


def test_a_used_code_gets_a_kind_message(client, cast):
    w = open_wave(cast.tjorn)
    (invitation,) = invitations(w, 1)
    Invitation.objects.filter(pk=invitation.pk).update(consumed=True)
    response = client.post("/enkat/", {"kod": invitation.code})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Koden har redan använts" in html
    assert "tack för din hjälp" in html
    assert not ResponseDraft.objects.exists()


def test_a_code_of_a_closed_wave_gets_a_kind_message(client, cast):
    w = open_wave(cast.tjorn)
    (invitation,) = invitations(w, 1)
    w.status = WaveStatus.CLOSED
    w.save()
    html = client.post("/enkat/", {"kod": invitation.code}).content.decode()
    assert "Undersökningen är stängd" in html
    assert not ResponseDraft.objects.exists()


def test_a_code_of_a_wave_not_yet_open_says_when_it_opens(client, cast):
    w = wave(survey(cast.tjorn))
    (invitation,) = invitations(w, 1)
    html = client.post("/enkat/", {"kod": invitation.code}).content.decode()
    assert "Undersökningen har inte öppnat än" in html
    assert "1 september 2025" in html
    assert not ResponseDraft.objects.exists()


def test_the_entry_page_in_arabic_is_right_to_left(client):
    html = client.get("/enkat/?sprak=ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الرمز الموجود في الرسالة" in html
    assert 'lang="sv"' in html and 'lang="en"' in html, "links to the other languages"


def test_a_draft_in_progress_is_offered_on_the_entry_page(client, cast):
    start_with_code(client, open_wave(cast.tjorn))
    html = client.get("/enkat/").content.decode()
    assert "Fortsätt där du slutade" in html


def test_other_methods_are_refused(client):
    assert client.put("/enkat/").status_code == 405
    assert client.post("/enkat/kod/ABCDEFGH23/").status_code == 405
