"""A language a translator adds in the builder reaches the residents: what the translator's page
offers (the answer pages' texts, the survey's own translation of a standard question) is what
the answer pages and the builder's preview show, read from one set of texts
(surveys.answer_texts)."""

import pytest
from django.test import Client
from django.urls import reverse

from surveys.models import Item, SurveyLanguage, WaveStatus
from tests import survey_factories as sf
from tests.answer_helpers import start_with_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(cast):
    s = sf.survey(cast.tjorn, codes=["otrygg_kvall", "kon"])
    SurveyLanguage.objects.create(survey=s, code="so", name="Soomaali", order=3)
    return s


def _translation(survey, **ui):
    question = survey.questions.get(key="otrygg_kvall")
    return {
        "survey_title": "Sahan badbaadada",
        "survey_intro": "",
        "survey_thanks": "",
        f"section_{survey.sections.get().pk}_title": "Badbaado",
        f"q{question.pk}_wording": "Intee ayaad ammaan dareentaa?",
        "option_0": "Aad u ammaan",  # "Mycket trygg"
        **{f"ui_{key}": text for key, text in ui.items()},
    }


def _translate(client, cast, survey, **ui):
    client.force_login(cast.alice)
    url = reverse("surveys_staff:translate", args=[survey.pk, "so"])
    return client.post(url, _translation(survey, **ui))


def test_what_the_translator_writes_is_on_the_answer_page(client, cast, survey):
    response = _translate(
        client, cast, survey, back="Dib u noqo", next="Xiga", progress="Bogga %(page)s/%(total)s"
    )
    assert response.status_code == 302
    resident = Client()
    start_with_code(resident, sf.wave(survey, status=WaveStatus.OPEN))
    html = resident.get("/enkat/svar/sida/1/?sprak=so").content.decode()
    assert 'lang="so"' in html
    assert "Intee ayaad ammaan dareentaa?" in html  # the survey's own translation
    assert "Aad u ammaan" in html
    assert ">Dib u noqo<" in html
    assert "Bogga 1/" in html
    # An option nobody translated falls back to Swedish; so does an untranslated question,
    # marked as Swedish for screen readers.
    assert "Ganska trygg" in html
    kon = Item.objects.get(code="kon").latest_version().text("sv")
    assert f'<span lang="sv">{kon}</span>' in html


def test_the_preview_shows_what_the_answer_page_shows(client, cast, survey):
    _translate(client, cast, survey, back="Dib u noqo")
    page = client.get(
        reverse("surveys_staff:survey_preview", args=[survey.pk, "so"])
    ).content.decode()
    assert "Intee ayaad ammaan dareentaa?" in page and ">Dib u noqo<" in page
    # The answer pages' markup: a fieldset per question with the choices' ids.
    assert '<fieldset id="q-otrygg_kvall"' in page and 'id="q-otrygg_kvall-0"' in page
    kon = Item.objects.get(code="kon").latest_version().text("sv")
    assert f'<span lang="sv">{kon}</span>' in page


@pytest.mark.parametrize(
    "progress", ["Bogga %(page)s ee %(pages)s", "Bogga %(page)s", "100% %(page)s %(total)s"]
)
def test_a_text_whose_placeholders_differ_is_refused_next_to_it(client, cast, survey, progress):
    response = _translate(client, cast, survey, progress=progress)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Behåll platshållarna %(page)s, %(total)s precis som i originalet" in html
    assert survey.languages.get(code="so").ui == {}
    survey.refresh_from_db()
    assert "so" not in survey.title
