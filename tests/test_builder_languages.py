"""Languages of a survey and the translator's page: survey texts, sections, questions (the
bank's texts where the bank has the language, the survey's own otherwise, an own item's in its
version) and the answer page's texts for a language the platform does not ship."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.answer_texts import ui_texts
from surveys.models import Item, ItemVersion, Question, SurveyLanguage
from surveys.services import open_wave
from tests import survey_factories as sf


@pytest.fixture
def survey(cast):
    return sf.survey(cast.tjorn, codes=["otrygg_kvall", "trygghet_index", "kon"])


def add_somali(survey):
    return SurveyLanguage.objects.create(survey=survey, code="so", name="Soomaali", order=3)


def test_language_list(client, cast, survey):
    client.force_login(cast.viewer)
    page = client.get(reverse("surveys_staff:language_list", args=[survey.pk])).content.decode()
    assert "العربية" in page and "Höger till vänster" in page and "Lägg till språket" not in page


def test_add_language(client, cast, survey):
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:language_add", args=[survey.pk]),
        {"code": "fa", "name": "فارسی", "rtl": "on"},
    )
    assert response.status_code == 302
    assert response.url == reverse("surveys_staff:translate", args=[survey.pk, "fa"])
    assert survey.languages.get(code="fa").rtl
    assert AuditEntry.objects.filter(action="survey.language_added").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"code": "ar", "name": "Arabiska"}, "Undersökningen finns redan på det språket."),
        ({"code": "Somali", "name": "Soomaali"}, "Ange en språkkod"),
        ({"code": "so", "name": ""}, "Språkets namn på språket självt"),
    ],
)
def test_add_language_errors(client, cast, survey, data, message):
    client.force_login(cast.alice)
    response = client.post(reverse("surveys_staff:language_add", args=[survey.pk]), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert survey.languages.count() == 3


def test_remove_language_but_never_swedish(client, cast, survey):
    add_somali(survey)
    client.force_login(cast.alice)
    url = reverse("surveys_staff:language_remove", args=[survey.pk, "so"])
    assert "Ta bort Soomaali?" in client.get(url).content.decode()
    client.post(url)
    assert not survey.languages.filter(code="so").exists()
    response = client.post(
        reverse("surveys_staff:language_remove", args=[survey.pk, "sv"]), follow=True
    )
    assert "Svenska kan inte tas bort" in response.content.decode()
    assert survey.languages.filter(code="sv").exists()


def test_translate_swedish_is_not_a_translation(client, cast, survey):
    client.force_login(cast.alice)
    assert client.get(reverse("surveys_staff:translate", args=[survey.pk, "sv"])).status_code == 404


def test_english_question_texts_come_from_the_bank(client, cast, survey):
    client.force_login(cast.alice)
    page = client.get(reverse("surveys_staff:translate", args=[survey.pk, "en"])).content.decode()
    assert "Texten kommer från frågebanken" in page
    assert "How safe or unsafe do you feel" in page
    question = survey.questions.get(key="otrygg_kvall")
    assert f'name="q{question.pk}_wording"' not in page
    assert "Texter på svarssidan" not in page  # English ships with the platform


def translation_data(survey, **extra):
    q = {x.key: x for x in survey.questions.all()}
    section = survey.sections.get()
    return {
        "survey_title": "Sahan badbaadada",
        "survey_intro": "",
        "survey_thanks": "Mahadsanid!",
        f"section_{section.pk}_title": "Badbaado",
        f"q{q['otrygg_kvall'].pk}_wording": "Intee ayaad ammaan dareentaa?",
        "option_0": "Aad u ammaan",  # "Mycket trygg", the first option of the survey
        f"q{q['trygghet_index'].pk}_min_label": "Gabi ahaanba maya",
        "ui_next": "Xiga",
        "ui_submit": "Dir jawaabaha",
        **extra,
    }


def test_translate_into_a_new_language(client, cast, survey):
    add_somali(survey)
    client.force_login(cast.alice)
    url = reverse("surveys_staff:translate", args=[survey.pk, "so"])
    page = client.get(url).content.decode()
    assert 'value="Next"' in page  # the answer page's texts, prefilled with English
    assert 'lang="so"' in page
    assert client.post(url, translation_data(survey)).status_code == 302
    survey.refresh_from_db()
    assert survey.title["so"] == "Sahan badbaadada" and survey.thanks["so"] == "Mahadsanid!"
    assert survey.sections.get().title["so"] == "Badbaado"
    question = survey.questions.get(key="otrygg_kvall")
    assert question.translations == {
        "so": {
            "wording": "Intee ayaad ammaan dareentaa?",
            "options": {"mycket_trygg": "Aad u ammaan"},
        }
    }
    assert question.text("so") == "Intee ayaad ammaan dareentaa?"
    assert question.option_label("mycket_trygg", "so") == "Aad u ammaan"
    assert question.option_label("ganska_trygg", "so") == "Ganska trygg"  # falls back to Swedish
    assert "so" not in question.item_version.wording  # the shared bank is untouched
    scale = survey.questions.get(key="trygghet_index")
    assert scale.scale_label("min_label", "so") == "Gabi ahaanba maya"
    language = survey.languages.get(code="so")
    texts = ui_texts("so", language)
    assert texts["next"] == "Xiga" and texts["back"] == "Tillbaka"  # not translated: Swedish
    entry = AuditEntry.objects.get(action="survey.translated")
    assert entry.after["language"] == "so" and "otrygg_kvall" in entry.after["changed"]


def test_own_item_translation_lives_in_its_version(client, cast, survey):
    item = Item.objects.create(code="otrygg_hamnen", organisation=cast.tjorn, kind="text")
    version = ItemVersion.objects.create(
        item=item, number=1, wording={"sv": "Vad gör hamnen otrygg?"}
    )
    question = Question.objects.create(
        survey=survey,
        section=survey.sections.get(),
        order=9,
        key="otrygg_hamnen",
        item_version=version,
    )
    client.force_login(cast.alice)
    url = reverse("surveys_staff:translate", args=[survey.pk, "en"])
    client.post(url, {f"q{question.pk}_wording": "What makes the harbour unsafe?"})
    version.refresh_from_db()
    assert version.wording == {
        "sv": "Vad gör hamnen otrygg?",
        "en": "What makes the harbour unsafe?",
    }
    assert AuditEntry.objects.filter(action="survey_item.changed").exists()


def test_asked_own_item_translation_becomes_a_new_version(client, cast, survey):
    item = Item.objects.create(code="otrygg_hamnen", organisation=cast.tjorn, kind="text")
    version = ItemVersion.objects.create(
        item=item, number=1, wording={"sv": "Vad gör hamnen otrygg?"}
    )
    question = Question.objects.create(
        survey=survey,
        section=survey.sections.get(),
        order=9,
        key="otrygg_hamnen",
        item_version=version,
    )
    wave = sf.wave(survey)
    open_wave(wave=wave, user=cast.alice, parties=[cast.tjorn.pk])
    wave.status = wave.Status.CLOSED
    wave.save()
    client.force_login(cast.alice)
    client.post(
        reverse("surveys_staff:translate", args=[survey.pk, "en"]),
        {f"q{question.pk}_wording": "What makes the harbour unsafe?"},
    )
    question.refresh_from_db()
    assert question.item_version.number == 2
    assert question.item_version.wording["en"] == "What makes the harbour unsafe?"
    version.refresh_from_db()
    assert version.wording == {"sv": "Vad gör hamnen otrygg?"}  # what the wave asked


def test_question_texts_are_locked_while_a_wave_is_open(client, cast, survey):
    add_somali(survey)
    open_wave(wave=sf.wave(survey), user=cast.alice, parties=[cast.tjorn.pk])
    client.force_login(cast.alice)
    url = reverse("surveys_staff:translate", args=[survey.pk, "so"])
    assert "frågornas texter kan inte ändras just nu" in client.get(url).content.decode()
    client.post(url, translation_data(survey))
    assert survey.questions.get(key="otrygg_kvall").translations == {}
    survey.refresh_from_db()
    assert survey.title["so"] == "Sahan badbaadada"  # the survey's own texts may still change


def test_translate_access(client, cast, survey):
    url = reverse("surveys_staff:translate", args=[survey.pk, "en"])
    client.force_login(cast.viewer)
    assert client.get(url).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(url).status_code == 404
    client.force_login(cast.alice)
    assert client.delete(url).status_code == 405
    assert client.get(reverse("surveys_staff:translate", args=[survey.pk, "xx"])).status_code == 404


def test_too_long_text_is_refused(client, cast, survey):
    client.force_login(cast.alice)
    url = reverse("surveys_staff:translate", args=[survey.pk, "en"])
    response = client.post(url, {"survey_title": "x" * 5000})
    assert response.status_code == 400
    survey.refresh_from_db()
    assert survey.title["en"] == "Safety survey"


def test_a_repeated_option_is_translated_once(client, cast):
    survey = sf.survey(cast.tjorn, codes=["problem_klotter", "problem_belysning"])
    add_somali(survey)
    client.force_login(cast.alice)
    url = reverse("surveys_staff:translate", args=[survey.pk, "so"])
    page = client.get(url).content.decode()
    assert page.count(">Ett mycket stort problem</span></label>") == 1
    client.post(url, {"option_0": "Dhibaato aad u weyn"})
    for question in survey.questions.all():
        assert question.option_label("mycket_stort", "so") == "Dhibaato aad u weyn"
