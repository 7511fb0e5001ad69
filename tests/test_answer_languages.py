"""The answer pages in the survey's languages: Swedish, English and Arabic from the gettext
catalogues (Arabic right to left), a translator-added language from the survey's own `ui`
texts, and the question texts from the item versions (falling back to Swedish)."""

import pytest

from surveys.answer_texts import UI_TEXTS, ui_texts
from surveys.models import SurveyLanguage
from tests.answer_helpers import open_wave, start_with_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(client, cast):
    w = open_wave(cast.tjorn)
    start_with_code(client, w)
    return w


def test_arabic_pages_are_right_to_left_with_the_arabic_wording(client, wave):
    response = client.get("/enkat/svar/sida/1/?sprak=ar")
    html = response.content.decode()
    assert response["Content-Language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in html
    assert "ما مدى شعورك بالأمان" in html  # the item version's Arabic wording
    assert "آمن جدًا" in html
    assert "التالي" in html and "الصفحة 1 من 5" in html
    assert 'lang="sv"' in html and ">Svenska<" in html


def test_english_pages_use_the_english_catalogue(client, wave):
    html = client.get("/enkat/svar/sida/1/?sprak=en").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "How safe or unsafe do you feel" in html
    assert ">Next<" in html and "Page 1 of 5" in html


def test_the_chosen_language_is_kept_in_the_draft(client, wave):
    client.post("/enkat/svar/", {"sprak": "ar"})
    html = client.get("/enkat/svar/sida/1/").content.decode()
    assert 'lang="ar"' in html


def test_validation_messages_come_in_the_respondents_language(client, wave):
    response = client.post("/enkat/svar/sida/1/", {"sprak": "ar", "riktning": "nasta"})
    assert "يجب الإجابة على هذا السؤال." in response.content.decode()


def test_a_translator_added_language_uses_the_surveys_own_texts(client, wave):
    SurveyLanguage.objects.create(
        survey=wave.survey, code="so", name="Soomaali", order=5, ui={"next": "Xiga", "back": "Dib"}
    )
    response = client.get("/enkat/svar/sida/1/?sprak=so")
    html = response.content.decode()
    assert '<html lang="so" dir="ltr">' in html
    assert ">Xiga<" in html and ">Dib<" in html
    assert "Sida 1 av 5" in html, "a text not yet translated falls back to Swedish"
    assert "Hur trygg eller otrygg" in html, "so is the question's wording"


def test_a_right_to_left_language_added_by_a_translator_is_right_to_left(client, wave):
    SurveyLanguage.objects.create(survey=wave.survey, code="fa", name="فارسی", rtl=True, order=6)
    html = client.get("/enkat/svar/sida/1/?sprak=fa").content.decode()
    assert '<html lang="fa" dir="rtl">' in html


def test_a_language_the_survey_does_not_offer_falls_back_to_swedish(client, wave):
    html = client.get("/enkat/svar/sida/1/?sprak=de").content.decode()
    assert '<html lang="sv" dir="ltr">' in html


def test_every_answer_page_text_has_an_english_and_an_arabic_translation():
    swedish, english, arabic = ui_texts("sv"), ui_texts("en"), ui_texts("ar")
    assert set(swedish) == set(UI_TEXTS)
    untranslated = [key for key in UI_TEXTS if english[key] == swedish[key] and key != "site_name"]
    assert not untranslated, untranslated
    assert not [key for key in UI_TEXTS if arabic[key] == swedish[key]]
