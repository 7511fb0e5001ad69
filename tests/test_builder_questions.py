"""Questions in the builder: from the bank, own ones, required and section, order, newer
versions, removal; and the lock while a wave is open."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.models import Item, ItemVersion, Question, Section
from surveys.services import open_wave
from tests import survey_factories as sf


@pytest.fixture
def survey(cast):
    return sf.survey(cast.tjorn)


def keys(survey):
    return [
        q.key for q in Question.objects.filter(survey=survey).order_by("section__order", "order")
    ]


def test_bank_page_lists_items_not_yet_asked(client, cast, survey):
    client.force_login(cast.alice)
    url = reverse("surveys_staff:question_add_from_bank", args=[survey.pk])
    page = client.get(url).content.decode()
    assert (
        "problem_klotter" in page
        and f'id="fraga-{Item.objects.get(code="otrygg_kvall").pk}"' not in page
    )
    page = client.get(url, {"amne": "problem", "sok": "klotter"}).content.decode()
    assert "problem_klotter" in page and "problem_belysning" not in page


def test_add_from_bank(client, cast, survey):
    client.force_login(cast.alice)
    section = survey.sections.get()
    items = Item.objects.filter(code__in=["problem_klotter", "avstatt"])
    response = client.post(
        reverse("surveys_staff:question_add_from_bank", args=[survey.pk]),
        {"fraga": [i.pk for i in items], "avsnitt": section.pk},
    )
    assert response.status_code == 302
    assert keys(survey)[-2:] == ["avstatt", "problem_klotter"]
    assert AuditEntry.objects.filter(action="survey.question_added").count() == 2


def test_add_from_bank_without_choice_says_so(client, cast, survey):
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:question_add_from_bank", args=[survey.pk]),
        {"avsnitt": survey.sections.get().pk},
    )
    assert response.status_code == 400
    assert "Kryssa i minst en fråga" in response.content.decode()
    assert len(keys(survey)) == len(sf.BASIC)


def test_add_to_a_matrix_needs_the_same_scale(client, cast, survey):
    client.force_login(cast.alice)
    matrix = Section.objects.create(survey=survey, order=1, kind="matrix", title={"sv": "Problem"})
    items = Item.objects.filter(code__in=["problem_klotter", "avstatt"])
    response = client.post(
        reverse("surveys_staff:question_add_from_bank", args=[survey.pk]),
        {"fraga": [i.pk for i in items], "avsnitt": matrix.pk},
    )
    assert response.status_code == 400
    assert "måste ha samma svarsalternativ" in response.content.decode()
    assert not matrix.questions.exists()


def test_others_cannot_add(client, cast, survey):
    url = reverse("surveys_staff:question_add_from_bank", args=[survey.pk])
    client.force_login(cast.viewer)
    assert client.get(url).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(url).status_code == 404
    client.force_login(cast.alice)
    assert client.put(url).status_code == 405


def own_data(section, **overrides):
    return {
        "code": "otrygg_hamnen",
        "kind": "single",
        "topic": "platser",
        "wording": "Känner du dig otrygg vid hamnen i Skärhamn?",
        "options": "Ja\nNej\nvet_ej = Vet inte",
        "missing": "vet_ej",
        "section": section.pk,
        **overrides,
    }


def test_add_own_question(client, cast, survey):
    client.force_login(cast.alice)
    section = survey.sections.get()
    response = client.post(
        reverse("surveys_staff:question_add_own", args=[survey.pk]), own_data(section)
    )
    assert response.status_code == 302
    item = Item.objects.get(code="otrygg_hamnen")
    assert item.organisation == cast.tjorn
    assert item.latest_version().options == [
        {"value": "ja", "label": {"sv": "Ja"}},
        {"value": "nej", "label": {"sv": "Nej"}},
        {"value": "vet_ej", "label": {"sv": "Vet inte"}, "missing": True},
    ]
    assert keys(survey)[-1] == "otrygg_hamnen"
    assert AuditEntry.objects.filter(action="survey_item.created").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"code": "Otrygg Hamn"}, "Koden får bara innehålla små bokstäver"),
        ({"code": "otrygg_kvall"}, "finns redan i standardbanken"),
        ({"options": "Ja", "missing": ""}, "Skriv minst två svarsalternativ"),
        ({"options": "ja = Ja\nja = Javisst"}, "Rad 2: koden ”ja” finns redan"),
        ({"missing": "kanske"}, "”kanske” står inte bland svarsalternativen"),
        ({"kind": "scale", "options": ""}, "En skala behöver både minsta och största värde"),
    ],
)
def test_own_question_errors_change_nothing(client, cast, survey, overrides, message):
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:question_add_own", args=[survey.pk]),
        own_data(survey.sections.get(), **overrides),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Item.objects.filter(organisation=cast.tjorn).exists()
    assert len(keys(survey)) == len(sf.BASIC)


def test_own_code_of_another_organisation_is_refused(client, cast, survey):
    Item.objects.create(code="otrygg_hamnen", organisation=cast.harryda, kind="text")
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:question_add_own", args=[survey.pk]),
        own_data(survey.sections.get()),
    )
    assert "används redan av en egen fråga hos Härryda kommun" in response.content.decode()


def test_edit_required_and_section(client, cast, survey):
    other = Section.objects.create(survey=survey, order=1, title={"sv": "Bakgrund"})
    question = survey.questions.get(key="kon")
    client.force_login(cast.alice)
    url = reverse("surveys_staff:question_edit", args=[question.pk])
    assert client.post(url, {"section": other.pk, "required": "on"}).status_code == 302
    question.refresh_from_db()
    assert question.section == other and question.required
    assert AuditEntry.objects.get(action="survey.question_changed").after["required"] is True


def test_edit_refuses_a_move_that_breaks_a_condition(client, cast, survey):
    survey.sections.update(order=1)
    before = Section.objects.create(survey=survey, order=0, title={"sv": "Först"})
    question = survey.questions.get(key="otrygg_kvall_orsak")
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:question_edit", args=[question.pk]), {"section": before.pk}
    )
    assert response.status_code == 400
    assert "kan bara visas beroende på frågor som kommer före den" in response.content.decode()
    question.refresh_from_db()
    assert question.section_id != before.pk


def test_edit_access(client, cast, survey):
    url = reverse("surveys_staff:question_edit", args=[survey.questions.first().pk])
    client.force_login(cast.viewer)
    assert client.get(url).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(url).status_code == 404


def test_move_up_and_down(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="fortroende_polis")
    url = reverse("surveys_staff:question_move", args=[question.pk])
    assert client.post(url, {"riktning": "upp"}).status_code == 302
    assert keys(survey)[2:4] == ["fortroende_polis", "oro_samhalle"]
    client.post(url, {"riktning": "ner"})
    assert keys(survey) == sf.BASIC
    assert AuditEntry.objects.filter(action="survey.question_moved").count() == 2


def test_move_refused_above_the_question_its_condition_needs(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="otrygg_kvall_orsak")
    response = client.post(
        reverse("surveys_staff:question_move", args=[question.pk]),
        {"riktning": "upp"},
        follow=True,
    )
    assert "kan bara visas beroende på frågor som kommer före den" in response.content.decode()
    assert keys(survey) == sf.BASIC


def test_move_past_the_end_enters_the_next_section(client, cast, survey):
    nxt = Section.objects.create(survey=survey, order=1, title={"sv": "Bakgrund"})
    client.force_login(cast.alice)
    question = survey.questions.get(key="alder")
    client.post(reverse("surveys_staff:question_move", args=[question.pk]), {"riktning": "ner"})
    question.refresh_from_db()
    assert question.section == nxt


def test_move_is_post_only_and_for_editors(client, cast, survey):
    url = reverse("surveys_staff:question_move", args=[survey.questions.first().pk])
    client.force_login(cast.alice)
    assert client.get(url).status_code == 405
    client.force_login(cast.viewer)
    assert client.post(url, {"riktning": "ner"}).status_code == 403


def test_remove_with_confirmation(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="fortroende_polis")
    url = reverse("surveys_staff:question_remove", args=[question.pk])
    assert "Ta bort frågan ”fortroende_polis”?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert "fortroende_polis" not in keys(survey)
    assert (
        AuditEntry.objects.get(action="survey.question_removed").before["key"] == "fortroende_polis"
    )


def test_remove_refused_while_another_question_rests_on_it(client, cast, survey):
    client.force_login(cast.alice)
    question = survey.questions.get(key="otrygg_kvall")
    response = client.post(
        reverse("surveys_staff:question_remove", args=[question.pk]), follow=True
    )
    assert "frågan ”otrygg_kvall_orsak” visas bara beroende på svaret" in response.content.decode()
    assert "otrygg_kvall" in keys(survey)


def test_use_latest_version(client, cast, survey):
    question = survey.questions.get(key="kon")
    old = question.item_version
    newer = ItemVersion.objects.create(
        item=old.item, number=2, wording={"sv": "Vilket kön har du?"}, options=old.options
    )
    client.force_login(cast.alice)
    page = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert "Version 2 av frågan finns i frågebanken." in page
    client.post(reverse("surveys_staff:question_use_latest", args=[question.pk]))
    question.refresh_from_db()
    assert question.item_version == newer


def test_open_wave_locks_the_questions(client, cast, survey):
    open_wave(wave=sf.wave(survey), user=cast.alice, parties=[cast.tjorn.pk])
    client.force_login(cast.alice)
    page = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert "Frågorna är låsta medan omgången är öppen" in page and "Flytta upp" not in page
    question = survey.questions.get(key="fortroende_polis")
    response = client.post(
        reverse("surveys_staff:question_remove", args=[question.pk]), follow=True
    )
    assert (
        "kan inte ändras medan omgången ”Trygghetsmätning 2025” är öppen"
        in response.content.decode()
    )
    assert "fortroende_polis" in keys(survey)
    response = client.post(
        reverse("surveys_staff:question_add_from_bank", args=[survey.pk]),
        {"fraga": [Item.objects.get(code="avstatt").pk], "avsnitt": survey.sections.get().pk},
    )
    assert response.status_code == 400 and "avstatt" not in keys(survey)


def test_closed_wave_with_answers_explains_new_versions(client, cast, survey):
    wave = sf.wave(survey)
    open_wave(wave=wave, user=cast.alice, parties=[cast.tjorn.pk])
    sf.response(wave, {"otrygg_kvall": "mycket_trygg"})
    wave.status = wave.Status.CLOSED
    wave.save()
    client.force_login(cast.alice)
    page = client.get(reverse("surveys_staff:survey_detail", args=[survey.pk])).content.decode()
    assert "Tidigare omgångar har svar" in page and "Ställd i en omgång" in page
    question = survey.questions.get(key="fortroende_polis")
    client.post(reverse("surveys_staff:question_move", args=[question.pk]), {"riktning": "upp"})
    assert keys(survey).index("fortroende_polis") == 2  # changes for the next wave are allowed
