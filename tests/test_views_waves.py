"""A survey's waves: list, create, edit, open, close, delete; who may do what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import AuditEntry
from surveys.models import Margin, Question, ResponseDraft, Wave, WaveStatus
from tests.survey_factories import area, invitations, response, survey
from tests.wave_factories import current_wave, wave_data


def url(name, *args):
    return reverse(f"surveys_staff:{name}", args=args)


# The list


def test_list_shows_each_wave_with_status_and_counts(client, cast):
    s = survey(cast.tjorn)
    w = current_wave(s, status=WaveStatus.OPEN)
    invitations(w, 7)
    response(w, {"otrygg_kvall": "ganska_trygg"})
    response(w, {"otrygg_kvall": "mycket_trygg"}, mode="open", is_representative=False)
    client.force_login(cast.viewer)
    page = client.get(url("wave_list", s.pk)).content.decode()
    assert w.name in page
    assert "Öppen för svar" in page
    assert ">7<" in page
    assert "varav 1 representativa" in page
    assert "Ny omgång" not in page  # a viewer reads only


def test_list_empty_state_invites_the_first_wave(client, cast):
    s = survey(cast.tjorn)
    client.force_login(cast.alice)
    page = client.get(url("wave_list", s.pk)).content.decode()
    assert "Undersökningen har inga omgångar än." in page
    assert url("wave_create", s.pk) in page


def test_list_of_another_tenants_survey_is_404(client, cast):
    s = survey(cast.tjorn)
    client.force_login(cast.charlie)
    assert client.get(url("wave_list", s.pk)).status_code == 404


def test_list_wrong_method(client, cast):
    s = survey(cast.tjorn)
    client.force_login(cast.alice)
    assert client.post(url("wave_list", s.pk)).status_code == 405


# Create and edit


def test_editor_creates_a_wave(client, cast):
    s = survey(cast.tjorn)
    client.force_login(cast.alice)
    form = client.get(url("wave_create", s.pk)).content.decode()
    assert f"Trygghetsmätning {timezone.localdate().year}" in form  # a helpful default name
    r = client.post(url("wave_create", s.pk), wave_data(uses_open_link="on"))
    w = Wave.objects.get(survey=s)
    assert r.status_code == 302 and r.url == url("wave_detail", w.pk)
    assert (w.status, w.uses_sample, w.uses_paper, w.uses_open_link) == ("draft", True, True, True)
    assert w.created_by == cast.alice
    assert w.open_link_token is None  # made when the wave opens
    entry = AuditEntry.objects.get(action="wave.created")
    assert list(entry.parties.all()) == [cast.tjorn]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"uses_sample": None, "uses_paper": None}, "Välj minst ett sätt att svara"),
        ({"closes_on": "2020-01-01"}, "Omgången kan inte stänga innan den öppnar."),
        ({"trim_ratio": "1"}, "Ange ett tal mellan 1,5 och 20"),
        ({"year": "1999"}, "Ange ett år mellan 2000 och 2100"),
        ({"name": ""}, "Detta fält måste fyllas i."),
    ],
)
def test_bad_wave_input_is_refused_with_a_message(client, cast, overrides, message):
    s = survey(cast.tjorn)
    client.force_login(cast.alice)
    r = client.post(url("wave_create", s.pk), wave_data(**overrides))
    assert r.status_code == 400
    assert message in r.content.decode()
    assert not Wave.objects.exists()


def test_two_waves_of_one_survey_cannot_share_a_name(client, cast):
    s = survey(cast.tjorn)
    current_wave(s, name="Mätning 2025")
    client.force_login(cast.alice)
    r = client.post(url("wave_create", s.pk), wave_data(name="mätning 2025"))
    assert r.status_code == 400
    assert "har redan en omgång som heter" in r.content.decode()
    assert Wave.objects.count() == 1


@pytest.mark.parametrize("username", ["viewer", "reporter"])
def test_only_editors_create_waves(client, cast, username):
    s = survey(cast.tjorn)
    client.force_login(getattr(cast, username))
    assert client.get(url("wave_create", s.pk)).status_code == 403
    assert client.post(url("wave_create", s.pk), wave_data()).status_code == 403
    assert not Wave.objects.exists()


def test_another_tenant_cannot_create_a_wave(client, cast):
    s = survey(cast.tjorn)
    client.force_login(cast.charlie)
    assert client.post(url("wave_create", s.pk), wave_data()).status_code == 404
    assert not Wave.objects.exists()


def test_edit_a_draft_wave(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    r = client.post(url("wave_edit", w.pk), wave_data(name="Hösten", trim_ratio="4"))
    assert r.status_code == 302
    w.refresh_from_db()
    assert (w.name, w.trim_ratio) == ("Hösten", 4.0)
    entry = AuditEntry.objects.get(action="wave.changed")
    assert entry.before["name"] == "Trygghetsmätning 2025" and entry.after["name"] == "Hösten"


def test_an_open_wave_keeps_its_start_and_sample(client, cast):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    client.force_login(cast.alice)
    later = (w.closes_on + datetime.timedelta(days=10)).isoformat()
    data = wave_data(opens_on="2030-01-01", uses_sample=None, closes_on=later, uses_open_link="on")
    assert client.post(url("wave_edit", w.pk), data).status_code == 302
    w.refresh_from_db()
    assert w.opens_on == timezone.localdate() and w.uses_sample  # locked fields unchanged
    assert w.closes_on.isoformat() == later
    assert w.uses_open_link and w.open_link_token  # turned on while open: the link exists now


def test_a_closed_wave_cannot_be_edited(client, cast):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.CLOSED)
    client.force_login(cast.alice)
    r = client.post(url("wave_edit", w.pk), wave_data(name="Nytt"), follow=True)
    assert "En stängd omgång kan inte ändras" in r.content.decode()
    w.refresh_from_db()
    assert w.name == "Trygghetsmätning 2025"


def test_reporter_cannot_edit(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.reporter)
    assert client.post(url("wave_edit", w.pk), wave_data(name="X")).status_code == 403


# The overview


def test_overview_counts_per_area_and_response_rate(client, cast):
    s = survey(cast.tjorn)
    centrum, skarhamn = area("centrum", "Centrum"), area("skarhamn", "Skärhamn")
    w = current_wave(s, status=WaveStatus.OPEN, uses_open_link=True, open_link_token="tok123")
    invitations(w, 8, area=centrum)
    invitations(w, 4, area=skarhamn)
    response(w, {}, area=centrum)
    response(w, {}, area=centrum, mode="paper")
    response(w, {}, mode="open", is_representative=False)
    client.force_login(cast.viewer)
    r = client.get(url("wave_detail", w.pk))
    page = r.content.decode()
    assert r.status_code == 200
    assert "25,0 %" in page  # Centrum: 2 of 8
    assert "0,0 %" in page  # Skärhamn: 0 of 4
    assert "16,7 %" in page  # in all: 2 of 12
    assert "http://127.0.0.1:8000/enkat/oppen/tok123/" in page
    assert "<svg" in page  # the open link's QR code
    assert url("open_link_poster", w.pk) in page
    assert url("wave_close", w.pk) not in page  # viewers see no actions


def test_overview_of_another_tenant_is_404(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.charlie)
    assert client.get(url("wave_detail", w.pk)).status_code == 404


# Opening


def test_open_a_wave_after_confirmation(client, cast):
    w = current_wave(survey(cast.tjorn), uses_open_link=True)
    client.force_login(cast.alice)
    page = client.get(url("wave_open", w.pk)).content.decode()
    assert "Frågorna låses för omgången" in page
    w.refresh_from_db()
    assert w.status == WaveStatus.DRAFT  # GET changes nothing
    assert client.post(url("wave_open", w.pk)).status_code == 302
    w.refresh_from_db()
    assert w.status == WaveStatus.OPEN and w.open_link_token
    assert set(w.question_versions) == set(w.survey.questions.values_list("key", flat=True))
    assert AuditEntry.objects.filter(action="wave.opened").exists()


def test_a_survey_without_questions_cannot_open(client, cast):
    s = survey(cast.tjorn, codes=[])
    w = current_wave(s)
    client.force_login(cast.alice)
    r = client.post(url("wave_open", w.pk))
    assert r.status_code == 400
    assert "Undersökningen har inga frågor än." in r.content.decode()
    w.refresh_from_db()
    assert w.status == WaveStatus.DRAFT


def test_a_survey_without_swedish_texts_cannot_open(client, cast):
    s = survey(cast.tjorn, title={"en": "Safety survey"})
    question = Question.objects.get(survey=s, key="kon")
    version = question.item_version
    version.pk, version.number = None, version.number + 1
    version.wording = {"en": "Are you …"}
    version.options = [{"value": "kvinna", "label": {"en": "A woman"}}]
    version.save()
    question.item_version = version
    question.save()
    w = current_wave(s)
    client.force_login(cast.alice)
    page = client.post(url("wave_open", w.pk)).content.decode()
    assert "Undersökningen saknar rubrik på svenska." in page
    assert "Frågan ”kon” saknar text på svenska." in page
    assert "Svarsalternativet ”kvinna” i frågan ”kon” saknar text på svenska." in page
    w.refresh_from_db()
    assert w.status == WaveStatus.DRAFT


def test_a_wave_whose_close_date_passed_cannot_open(client, cast):
    w = current_wave(
        survey(cast.tjorn), opens_on=datetime.date(2020, 9, 1), closes_on=datetime.date(2020, 10, 1)
    )
    client.force_login(cast.alice)
    r = client.post(url("wave_open", w.pk))
    assert "Stängningsdatumet 1 oktober 2020 har redan passerat." in r.content.decode()
    w.refresh_from_db()
    assert w.status == WaveStatus.DRAFT


def test_only_one_wave_of_a_survey_is_open_at_a_time(client, cast):
    s = survey(cast.tjorn)
    current_wave(s, name="Våren", status=WaveStatus.OPEN)
    w = current_wave(s, name="Hösten")
    client.force_login(cast.alice)
    r = client.post(url("wave_open", w.pk))
    assert "Omgången ”Våren” är redan öppen." in r.content.decode()
    w.refresh_from_db()
    assert w.status == WaveStatus.DRAFT


def test_reporter_cannot_open(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.reporter)
    assert client.post(url("wave_open", w.pk)).status_code == 403
    w.refresh_from_db()
    assert w.status == WaveStatus.DRAFT


def test_another_tenant_cannot_open(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.charlie)
    assert client.post(url("wave_open", w.pk)).status_code == 404


# Closing


def _draft(w):
    return ResponseDraft.objects.create(
        wave=w, token_hash="x" * 64, answers={"kon": "man"}, updated_on=timezone.localdate()
    )


def test_close_after_confirmation_deletes_drafts(client, cast):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    _draft(w)
    response(w, {"kon": "man"})
    client.force_login(cast.alice)
    page = client.get(url("wave_close", w.pk)).content.decode()
    assert "1 svar har kommit in" in page and "1 påbörjade svar" in page
    assert ResponseDraft.objects.filter(wave=w).exists()  # GET changes nothing
    assert client.post(url("wave_close", w.pk)).status_code == 302
    w.refresh_from_db()
    assert w.status == WaveStatus.CLOSED and w.closed_at
    assert not ResponseDraft.objects.filter(wave=w).exists()
    assert w.responses.count() == 1
    assert AuditEntry.objects.get(action="wave.closed").after["deleted_drafts"] == 1


def test_closing_weights_the_answers_and_shows_the_results(client, cast):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    for sex in ["kvinna"] * 20 + ["man"] * 20:
        response(w, {"kon": sex, "alder": "30-44", "otrygg_kvall": "ganska_trygg"})
    Margin.objects.bulk_create(
        [
            Margin(wave=w, variable="kon", category="kvinna", population=600),
            Margin(wave=w, variable="kon", category="man", population=400),
        ]
    )
    client.force_login(cast.alice)
    r = client.post(url("wave_close", w.pk))
    assert r.status_code == 302 and r["Location"] == url("wave_results", w.pk)
    weights = sorted({round(x, 6) for x in w.responses.values_list("weight", flat=True)})
    assert weights == [20.0, 30.0]  # 400 / 20 men and 600 / 20 women
    page = client.get(r["Location"]).content.decode()
    assert "Svaren är viktade mot befolkningen." in page


def test_a_draft_wave_cannot_be_closed(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    r = client.post(url("wave_close", w.pk), follow=True)
    assert "Bara en öppen omgång kan stängas." in r.content.decode()
    w.refresh_from_db()
    assert w.status == WaveStatus.DRAFT


@pytest.mark.parametrize("username", ["viewer", "reporter"])
def test_only_editors_close(client, cast, username):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    client.force_login(getattr(cast, username))
    assert client.post(url("wave_close", w.pk)).status_code == 403
    w.refresh_from_db()
    assert w.status == WaveStatus.OPEN


def test_another_tenant_cannot_close(client, cast):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    client.force_login(cast.charlie)
    assert client.post(url("wave_close", w.pk)).status_code == 404


def test_close_wrong_method(client, cast):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    client.force_login(cast.alice)
    assert client.put(url("wave_close", w.pk)).status_code == 405


# Deleting


def test_delete_a_draft_wave_with_its_codes(client, cast):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 3)
    client.force_login(cast.alice)
    assert "3 inbjudningskoder" in client.get(url("wave_delete", w.pk)).content.decode()
    assert client.post(url("wave_delete", w.pk)).status_code == 302
    assert not Wave.objects.filter(pk=w.pk).exists()
    assert AuditEntry.objects.filter(action="wave.deleted").exists()


def test_an_opened_wave_cannot_be_deleted(client, cast):
    w = current_wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    client.force_login(cast.alice)
    r = client.post(url("wave_delete", w.pk), follow=True)
    assert "Bara en omgång som inte har öppnats kan tas bort." in r.content.decode()
    assert Wave.objects.filter(pk=w.pk).exists()
