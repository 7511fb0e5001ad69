"""The survey list, a new survey (from the template or empty), the builder page, its texts."""

from django.urls import reverse

from organisations.models import AuditEntry
from surveys.bank_data import QUESTION_BANK
from surveys.models import Question, Section, Survey
from tests import survey_factories as sf


def create_data(cast, **overrides):
    return {
        "title": "Trygghetsundersökning Tjörn 2026",
        "organisation": cast.tjorn.pk,
        "municipality": cast.tjorn.municipality_id,
        "start": "standard",
        **overrides,
    }


def test_list_shows_own_surveys_only(client, cast):
    sf.survey(cast.tjorn, title={"sv": "Tjörns enkät"})
    sf.survey(cast.harryda, title={"sv": "Härrydas enkät"})
    client.force_login(cast.viewer)
    page = client.get(reverse("surveys_staff:survey_list")).content.decode()
    assert "Tjörns enkät" in page and "Härrydas enkät" not in page
    assert "Ny undersökning" not in page  # a viewer cannot create


def test_empty_list_explains_how_to_start(client, cast):
    client.force_login(cast.alice)
    page = client.get(reverse("surveys_staff:survey_list")).content.decode()
    assert "Inga undersökningar än" in page and "Ny undersökning" in page


def test_create_from_standard_template(client, cast):
    client.force_login(cast.alice)
    form = client.get(reverse("surveys_staff:survey_create")).content.decode()
    assert "Trygghetsundersökning Tjörn" in form  # title prefilled from the municipality
    response = client.post(reverse("surveys_staff:survey_create"), create_data(cast))
    survey = Survey.objects.get()
    assert response.status_code == 302 and response.url == f"/personal/undersokningar/{survey.pk}/"
    keys = set(survey.questions.values_list("key", flat=True))
    assert keys == {entry["code"] for entry in QUESTION_BANK}
    matrix = Section.objects.get(survey=survey, kind="matrix")
    assert set(matrix.questions.values_list("key", flat=True)) == {
        k for k in keys if k.startswith("problem_")
    }
    follow_up = Question.objects.get(survey=survey, key="otrygg_kvall_orsak")
    assert follow_up.show_if == {"op": "in", "q": "otrygg_kvall", "values": ["gar_aldrig_ut"]}
    assert list(survey.languages.values_list("code", "rtl")) == [
        ("sv", False),
        ("en", False),
        ("ar", True),
    ]
    assert survey.title["en"] == "Safety survey Tjörn"
    assert AuditEntry.objects.get(action="survey.created").parties.get() == cast.tjorn
    page = client.get(response.url).content.decode()
    assert "Visas bara om ”otrygg_kvall” är ”Går aldrig ut ensam sent på kvällen”" in page
    assert "Problem i ditt bostadsområde" in page and "Matris" in page


def test_create_empty_gives_one_section(client, cast):
    client.force_login(cast.alice)
    client.post(reverse("surveys_staff:survey_create"), create_data(cast, start="empty"))
    survey = Survey.objects.get()
    assert not survey.questions.exists()
    assert list(survey.sections.values_list("title", flat=True)) == [
        {"sv": "Frågor", "en": "Questions", "ar": "الأسئلة"}
    ]


def test_create_refuses_a_municipality_the_organisation_does_not_work_in(client, cast):
    client.force_login(cast.bob)  # LPO Södra Fyrbodal covers Tjörn and Orust, not Härryda
    response = client.post(
        reverse("surveys_staff:survey_create"),
        create_data(cast, organisation=cast.police.pk, municipality=cast.harryda.municipality_id),
    )
    assert response.status_code == 400
    assert not Survey.objects.exists()
    assert "Välj ett giltigt alternativ" in response.content.decode()


def test_create_needs_a_title(client, cast):
    client.force_login(cast.alice)
    response = client.post(reverse("surveys_staff:survey_create"), create_data(cast, title=""))
    assert response.status_code == 400
    assert "Något behöver rättas" in response.content.decode()
    assert not Survey.objects.exists()


def test_create_is_for_editors(client, cast):
    client.force_login(cast.viewer)
    assert client.get(reverse("surveys_staff:survey_create")).status_code == 403
    assert client.post(reverse("surveys_staff:survey_create"), create_data(cast)).status_code == 403
    assert not Survey.objects.exists()


def test_detail_of_another_tenant_is_404(client, cast):
    survey = sf.survey(cast.harryda)
    client.force_login(cast.alice)
    assert client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).status_code == 404


def test_viewer_reads_without_edit_buttons(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.viewer)
    page = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert "otrygg_kvall" in page and "Flytta upp" not in page and "Lägg till frågor" not in page


def test_detail_refuses_post(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.alice)
    assert client.post(reverse("surveys_staff:survey_detail", args=[survey.pk])).status_code == 405


def test_change_texts_keeps_other_languages(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.alice)
    url = reverse("surveys_staff:survey_texts", args=[survey.pk])
    data = {"title": "Trygghet på Tjörn", "intro": "Välkommen.", "thanks": ""}
    assert client.post(url, data).status_code == 302
    survey.refresh_from_db()
    assert survey.title == {
        "sv": "Trygghet på Tjörn",
        "en": "Safety survey",
        "ar": "استطلاع الأمان",
    }
    assert survey.intro == {"sv": "Välkommen."}
    assert AuditEntry.objects.filter(action="survey.texts_changed").count() == 1


def test_change_texts_needs_a_title_and_changes_nothing(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.alice)
    url = reverse("surveys_staff:survey_texts", args=[survey.pk])
    response = client.post(url, {"title": "", "intro": "Ny text"})
    assert response.status_code == 400
    survey.refresh_from_db()
    assert survey.intro == {}


def test_change_texts_access(client, cast):
    survey = sf.survey(cast.tjorn)
    url = reverse("surveys_staff:survey_texts", args=[survey.pk])
    client.force_login(cast.viewer)
    assert client.post(url, {"title": "X"}).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(url).status_code == 404
    client.force_login(cast.alice)
    assert client.delete(url).status_code == 405


def test_staff_navigation_links_to_surveys(client, cast):
    client.force_login(cast.alice)
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert 'href="/personal/undersokningar/"' in page
