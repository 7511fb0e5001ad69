"""The open link /enkat/oppen/<token>/: anyone may answer without a code; the answers are
stored as mode "open", marked not representative, and the resident is told nothing about it."""

import pytest

from surveys.answering import DRAFT_COOKIE
from surveys.models import Response, ResponseDraft, WaveStatus
from tests.answer_helpers import open_wave, tjorn_areas

pytestmark = pytest.mark.django_db
TOKEN = "en-oppen-lank-till-enkaten"


@pytest.fixture
def linked(cast):
    tjorn_areas()
    return open_wave(cast.tjorn, uses_open_link=True, open_link_token=TOKEN)


def test_the_open_link_shows_the_intro_without_asking_for_a_code(client, linked):
    response = client.get(f"/enkat/oppen/{TOKEN}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dina svar är anonyma" in html
    assert "kod" not in html.lower().split("<main")[1].split("</main>")[0]
    assert "representativ" not in html
    assert not ResponseDraft.objects.exists()


def test_answering_through_the_open_link_is_stored_as_not_representative(client, linked):
    response = client.post(f"/enkat/oppen/{TOKEN}/", {"sprak": "en"})
    assert response.status_code == 302 and DRAFT_COOKIE in response.cookies
    assert ResponseDraft.objects.get().invitation_code == ""
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "ganska_trygg", "riktning": "nasta"})
    client.post("/enkat/svar/sida/4/", {"omrade": "kladesholmen", "riktning": "nasta"})
    assert client.post("/enkat/svar/granska/").status_code == 302
    stored = Response.objects.get()
    assert stored.mode == "open" and not stored.is_representative
    assert stored.language == "en"
    assert stored.area.code == "kladesholmen", "the area the resident chose"
    assert not ResponseDraft.objects.exists()


def test_coming_back_to_the_open_link_goes_on_with_the_draft(client, linked):
    client.post(f"/enkat/oppen/{TOKEN}/")
    response = client.get(f"/enkat/oppen/{TOKEN}/")
    assert response["Location"] == "/enkat/svar/"
    assert ResponseDraft.objects.count() == 1


def test_an_unknown_or_disabled_open_link_is_not_found(client, linked):
    assert client.get("/enkat/oppen/fel-lank/").status_code == 404
    linked.uses_open_link = False
    linked.save()
    response = client.get(f"/enkat/oppen/{TOKEN}/")
    assert response.status_code == 404
    assert "Vi hittar inte undersökningen" in response.content.decode()


@pytest.mark.parametrize(
    "status, title",
    [(WaveStatus.CLOSED, "Undersökningen är stängd"), (WaveStatus.DRAFT, "inte öppnat än")],
)
def test_an_open_link_of_a_wave_not_open_says_so_and_stores_nothing(client, linked, status, title):
    linked.status = status
    linked.save()
    for response in (client.get(f"/enkat/oppen/{TOKEN}/"), client.post(f"/enkat/oppen/{TOKEN}/")):
        assert title in response.content.decode()
    assert not ResponseDraft.objects.exists() and not Response.objects.exists()
