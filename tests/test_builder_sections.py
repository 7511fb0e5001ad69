"""Sections in the builder: pages and matrices, order, removal."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.models import Section
from tests import survey_factories as sf


@pytest.fixture
def survey(cast):
    return sf.survey(cast.tjorn)


def titles(survey):
    return [s.title["sv"] for s in survey.sections.order_by("order")]


def test_add_section(client, cast, survey):
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:section_create", args=[survey.pk]),
        {"title": "Problem i området", "kind": "matrix", "intro": "Hur stort problem …?"},
    )
    assert response.status_code == 302
    section = survey.sections.get(kind="matrix")
    assert section.title == {"sv": "Problem i området"} and section.order == 1
    assert AuditEntry.objects.filter(action="survey.section_added").exists()


def test_add_section_needs_a_title(client, cast, survey):
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:section_create", args=[survey.pk]), {"title": "", "kind": "page"}
    )
    assert response.status_code == 400 and survey.sections.count() == 1


def test_change_to_matrix_refused_when_scales_differ(client, cast, survey):
    client.force_login(cast.alice)
    section = survey.sections.get()
    response = client.post(
        reverse("surveys_staff:section_edit", args=[section.pk]),
        {"title": "Trygghet", "kind": "matrix"},
    )
    assert response.status_code == 400
    assert "måste ha samma svarsalternativ" in response.content.decode()
    section.refresh_from_db()
    assert section.kind == "page"


def test_move_and_delete(client, cast, survey):
    second = Section.objects.create(survey=survey, order=1, title={"sv": "Bakgrund"})
    client.force_login(cast.alice)
    client.post(reverse("surveys_staff:section_move", args=[second.pk]), {"riktning": "upp"})
    assert titles(survey) == ["Bakgrund", "Trygghet"]
    response = client.post(
        reverse("surveys_staff:section_move", args=[second.pk]), {"riktning": "upp"}, follow=True
    )
    assert "Avsnittet står redan först." in response.content.decode()
    delete = reverse("surveys_staff:section_delete", args=[second.pk])
    assert "0 frågor tas bort" in client.get(delete).content.decode().replace("dess ", "")
    client.post(delete)
    assert titles(survey) == ["Trygghet"]
    assert AuditEntry.objects.filter(action="survey.section_deleted").exists()


def test_delete_refused_when_a_later_question_rests_on_it(client, cast, survey):
    section = survey.sections.get()
    later = Section.objects.create(survey=survey, order=1, title={"sv": "Uppföljning"})
    survey.questions.filter(key="otrygg_kvall_orsak").update(section=later)
    client.force_login(cast.alice)
    response = client.post(reverse("surveys_staff:section_delete", args=[section.pk]), follow=True)
    assert "frågan ”otrygg_kvall_orsak” visas bara beroende på svaret" in response.content.decode()
    assert survey.sections.count() == 2


def test_access(client, cast, survey):
    section = survey.sections.get()
    client.force_login(cast.viewer)
    assert client.get(reverse("surveys_staff:section_edit", args=[section.pk])).status_code == 403
    client.force_login(cast.charlie)
    assert (
        client.post(reverse("surveys_staff:section_delete", args=[section.pk])).status_code == 404
    )
    client.force_login(cast.alice)
    assert client.get(reverse("surveys_staff:section_move", args=[section.pk])).status_code == 405
    assert survey.sections.count() == 1
