"""Preview of a survey in each of its languages."""

from django.urls import reverse

from surveys.models import SurveyLanguage
from tests import survey_factories as sf


def test_preview_in_swedish(client, cast):
    survey = sf.survey(
        cast.tjorn,
        codes=["otrygg_kvall", "otrygg_kvall_orsak", "trygghet_index", "forslag", "omrade"],
    )
    sf.area("skarhamn", "Skärhamn")
    client.force_login(cast.viewer)
    page = client.get(
        reverse("surveys_staff:survey_preview", args=[survey.pk, "sv"])
    ).content.decode()
    assert 'dir="ltr"' in page and "Hur trygg eller otrygg känner du dig" in page
    assert (
        "Förhandsgranskning: visas bara om ”otrygg_kvall” är ”Går aldrig ut ensam sent på kvällen”"
        in page
    )
    assert "Skärhamn" in page and "I mycket hög grad" in page and "Skicka svaren" in page


def test_preview_in_arabic_is_right_to_left(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.alice)
    page = client.get(
        reverse("surveys_staff:survey_preview", args=[survey.pk, "ar"])
    ).content.decode()
    assert '<div class="preview answer-column" lang="ar" dir="rtl">' in page
    assert "ما مدى شعورك بالأمان أو عدم الأمان" in page and "استطلاع الأمان" in page


def test_preview_of_a_matrix(client, cast):
    survey = sf.survey(cast.tjorn, codes=["problem_klotter", "problem_belysning"])
    survey.sections.update(kind="matrix", intro={"sv": "Hur stort problem …?"})
    client.force_login(cast.alice)
    page = client.get(
        reverse("surveys_staff:survey_preview", args=[survey.pk, "en"])
    ).content.decode()
    # The answer pages' matrix: one fieldset per item, the scale's labels as the columns.
    assert '<div class="matrix matrix-cols-' in page and "Graffiti" in page
    assert "A very big problem" in page


def test_preview_uses_the_translators_answer_page_texts(client, cast):
    survey = sf.survey(cast.tjorn)
    SurveyLanguage.objects.create(
        survey=survey, code="so", name="Soomaali", ui={"submit": "Dir", "back": "Dib"}
    )
    client.force_login(cast.alice)
    page = client.get(
        reverse("surveys_staff:survey_preview", args=[survey.pk, "so"])
    ).content.decode()
    assert ">Dir<" in page and ">Dib<" in page
    assert ">Nästa<" in page  # not translated yet: Swedish, as on the answer pages


def test_preview_access(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.charlie)
    assert (
        client.get(reverse("surveys_staff:survey_preview", args=[survey.pk, "sv"])).status_code
        == 404
    )
    client.force_login(cast.alice)
    assert (
        client.post(reverse("surveys_staff:survey_preview", args=[survey.pk, "sv"])).status_code
        == 405
    )
    assert (
        client.get(reverse("surveys_staff:survey_preview", args=[survey.pk, "xx"])).status_code
        == 404
    )


def test_preview_counts_what_is_not_translated(client, cast):
    survey = sf.survey(cast.tjorn, codes=["kon", "alder"])
    SurveyLanguage.objects.create(survey=survey, code="so", name="Soomaali")
    client.force_login(cast.alice)
    page = client.get(
        reverse("surveys_staff:survey_preview", args=[survey.pk, "so"])
    ).content.decode()
    assert "2 frågor saknar text på språket och visas på svenska." in page
    assert '<span lang="sv">Hur gammal är du?</span>' in page
    page = client.get(
        reverse("surveys_staff:survey_preview", args=[survey.pk, "en"])
    ).content.decode()
    assert "saknar text på språket" not in page
