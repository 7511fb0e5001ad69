"""The show-if editor: "Visa bara om [fråga] är [ett av alternativen]"."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.models import Item, ItemVersion, Question
from tests import survey_factories as sf


@pytest.fixture
def survey(cast):
    return sf.survey(cast.tjorn)


def url(question):
    return reverse("surveys_staff:question_show_if", args=[question.pk])


def test_step_one_offers_earlier_choice_questions_only(client, cast, survey):
    client.force_login(cast.alice)
    page = client.get(url(survey.questions.get(key="fortroende_polis"))).content.decode()
    assert 'value="oro_samhalle"' in page and 'value="kon"' not in page


def test_step_two_shows_the_options(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="fortroende_polis")
    page = client.get(url(question), {"q": "otrygg_kvall"}).content.decode()
    assert "Visa bara om ”otrygg_kvall” är ett av alternativen" in page
    assert "Går aldrig ut ensam sent på kvällen" in page


def test_set_condition(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="fortroende_polis")
    data = {"q": "otrygg_kvall", "values": ["ganska_otrygg", "mycket_otrygg"]}
    assert client.post(url(question), data).status_code == 302
    question.refresh_from_db()
    assert question.show_if == {
        "op": "in",
        "q": "otrygg_kvall",
        "values": ["ganska_otrygg", "mycket_otrygg"],
    }
    assert AuditEntry.objects.filter(action="survey.question_condition_set").exists()
    page = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert "Visas bara om ”otrygg_kvall” är ”Ganska otrygg” eller ”Mycket otrygg”." in page


def test_condition_on_multiple_choice_uses_selected(client, cast, survey):
    item = Item.objects.create(code="hinder", organisation=cast.tjorn, kind="multiple")
    version = ItemVersion.objects.create(
        item=item,
        number=1,
        wording={"sv": "Vad hindrar dig?"},
        options=[
            {"value": "morker", "label": {"sv": "Mörker"}},
            {"value": "gang", "label": {"sv": "Gäng"}},
        ],
    )
    Question.objects.filter(survey=survey).update(order=10)
    Question.objects.create(
        survey=survey, section=survey.sections.get(), order=0, key="hinder", item_version=version
    )
    client.force_login(cast.alice)
    question = survey.questions.get(key="kon")
    client.post(url(question), {"q": "hinder", "values": ["morker", "gang"]})
    question.refresh_from_db()
    assert question.show_if == {
        "op": "or",
        "args": [
            {"op": "selected", "q": "hinder", "value": "morker"},
            {"op": "selected", "q": "hinder", "value": "gang"},
        ],
    }


def test_condition_on_a_later_question_is_refused(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="otrygg_kvall")
    response = client.post(url(question), {"q": "kon", "values": ["kvinna"]})
    assert response.status_code == 400
    assert "”otrygg_kvall” kan bara visas beroende på frågor som kommer före den" in (
        response.content.decode()
    )
    question.refresh_from_db()
    assert question.show_if is None


def test_unknown_option_is_refused(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="fortroende_polis")
    response = client.post(url(question), {"q": "otrygg_kvall", "values": ["kanske"]})
    assert response.status_code == 400
    assert "Frågan ”otrygg_kvall” har inget svarsalternativ ”kanske”." in response.content.decode()
    question.refresh_from_db()
    assert question.show_if is None


def test_no_option_ticked(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="fortroende_polis")
    response = client.post(url(question), {"q": "otrygg_kvall"})
    assert response.status_code == 400 and "Kryssa i minst ett svarsalternativ." in (
        response.content.decode()
    )


def test_remove_condition(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="otrygg_kvall_orsak")
    assert "Nu visas frågan bara om" in client.get(url(question)).content.decode()
    client.post(url(question), {"atgard": "ta-bort"})
    question.refresh_from_db()
    assert question.show_if is None
    assert AuditEntry.objects.filter(action="survey.question_condition_removed").exists()


def test_access(client, cast, survey):
    question = survey.questions.get(key="fortroende_polis")
    client.force_login(cast.viewer)
    assert client.post(url(question), {"q": "otrygg_kvall", "values": ["ja"]}).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(url(question)).status_code == 404
    client.force_login(cast.alice)
    assert client.delete(url(question)).status_code == 405
