"""Keying in paper questionnaires: the whole survey on one page, the shared validation, stored
as mode "paper" with the day only, audited as a count without the answers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import AuditEntry
from surveys.models import Response, WaveStatus
from tests.survey_factories import area, survey
from tests.wave_factories import current_wave

CODES = ["otrygg_kvall", "otrygg_kvall_orsak", "avstatt", "trygghet_index", "forslag", "kon"]


def url(w):
    return reverse("surveys_staff:paper_entry", args=[w.pk])


@pytest.fixture
def open_wave(cast):
    return current_wave(survey(cast.tjorn, codes=CODES), status=WaveStatus.OPEN)


def test_the_form_shows_every_question_compactly(client, cast, open_wave):
    area("centrum", "Centrum")
    client.force_login(cast.reporter)
    r = client.get(url(open_wave))
    page = r.content.decode()
    assert r.status_code == 200
    for key in CODES:
        assert f'name="q_{key}"' in page
    assert "Hur trygg eller otrygg känner du dig" in page
    assert 'type="radio" name="q_otrygg_kvall"' in page
    assert 'type="number" name="q_trygghet_index"' in page and 'min="1"' in page
    assert "1 = Inte alls, 10 = I mycket hög grad." in page
    assert "Besvaras bara vid vissa svar på fråga 1" in page  # the follow-up question
    assert "Centrum" in page and "Okänt område" in page
    assert "Spara och registrera nästa" in page
    assert "0</strong> pappersenkäter registrerade i dag" in page


def test_a_valid_questionnaire_is_stored_as_paper_with_the_day_only(client, cast, open_wave):
    centrum = area("centrum", "Centrum")
    client.force_login(cast.reporter)
    data = {
        "area": centrum.pk,
        "language": "ar",
        "q_otrygg_kvall": "gar_aldrig_ut",
        "q_otrygg_kvall_orsak": "ja",
        "q_trygghet_index": "3",
        "q_forslag": "Bättre belysning vid busshållplatsen.",
    }
    r = client.post(url(open_wave), data)
    assert r.status_code == 302
    assert r.url == url(open_wave) + f"?omrade={centrum.pk}&sprak=ar"  # kept for the next one
    stored = Response.objects.get()
    assert stored.mode == Response.Mode.PAPER and stored.is_representative
    assert stored.area == centrum and stored.language == "ar"
    assert stored.answers == {
        "otrygg_kvall": "gar_aldrig_ut",
        "otrygg_kvall_orsak": "ja",
        "trygghet_index": 3,
        "forslag": "Bättre belysning vid busshållplatsen.",
    }
    assert type(stored.submitted_on) is datetime.date
    assert stored.submitted_on == timezone.localdate()
    date_fields = [
        f.name for f in Response._meta.fields if f.get_internal_type() == "DateTimeField"
    ]
    assert date_fields == []  # nothing finer than the day is kept
    entry = AuditEntry.objects.get(action="survey.paper_entered")
    assert entry.object_id == str(open_wave.pk) and entry.after == {"antal": 1}
    assert "belysning" not in str(entry.before) + str(entry.after) + entry.object_repr
    assert entry.content_type.model == "wave"  # the wave, never the response


def test_the_next_form_keeps_area_and_language_and_counts(client, cast, open_wave):
    centrum = area("centrum", "Centrum")
    client.force_login(cast.reporter)
    for _ in range(2):
        client.post(url(open_wave), {"area": centrum.pk, "language": "sv", "q_kon": "man"})
    page = client.get(url(open_wave) + f"?omrade={centrum.pk}&sprak=sv").content.decode()
    assert "2</strong> pappersenkäter registrerade i dag" in page
    assert "(varav 2 av dig)" in page
    assert f'<option value="{centrum.pk}" selected>Centrum</option>' in page


def test_bad_answers_are_shown_next_to_the_question_and_everything_is_kept(client, cast, open_wave):
    client.force_login(cast.reporter)
    data = {
        "area": "",
        "language": "sv",
        "q_otrygg_kvall": "ganska_trygg",
        "q_avstatt": "kanske",
        "q_trygghet_index": "11",
        "q_forslag": "x" * 2001,
        "q_kon": "kvinna",
    }
    r = client.post(url(open_wave), data)
    page = r.content.decode()
    assert r.status_code == 400
    assert "Välj bland svarsalternativen." in page
    assert "Talet får inte vara större än 10." in page
    assert "Svaret är för långt: högst 2000 tecken, du har skrivit 2001." in page
    assert 'value="ganska_trygg" checked' in page  # what was typed is kept
    assert 'value="kvinna" checked' in page
    assert 'value="11"' in page and "x" * 2001 in page
    assert 'aria-invalid="true"' in page
    assert not Response.objects.exists()
    assert not AuditEntry.objects.filter(action="survey.paper_entered").exists()


def test_an_empty_questionnaire_is_refused(client, cast, open_wave):
    client.force_login(cast.reporter)
    r = client.post(url(open_wave), {"area": "", "language": "sv", "q_otrygg_kvall": ""})
    assert r.status_code == 400
    assert "Inga svar är ifyllda." in r.content.decode()
    assert not Response.objects.exists()


def test_required_questions_may_stay_blank_on_paper(client, cast, open_wave):
    client.force_login(cast.reporter)
    r = client.post(url(open_wave), {"language": "sv", "q_kon": "man"})
    assert r.status_code == 302
    assert Response.objects.get().answers == {"kon": "man"}


def test_an_answer_the_routing_skips_is_confirmed_before_it_is_left_out(client, cast, open_wave):
    client.force_login(cast.reporter)
    data = {"language": "sv", "q_otrygg_kvall": "mycket_trygg", "q_otrygg_kvall_orsak": "ja"}
    r = client.post(url(open_wave), data)
    page = r.content.decode()
    assert r.status_code == 400
    assert "Fråga 2 ska bara besvaras vid vissa svar på en tidigare fråga" in page
    assert not Response.objects.exists()
    r = client.post(url(open_wave), {**data, "utan_svar": "otrygg_kvall_orsak"})
    assert r.status_code == 302
    assert Response.objects.get().answers == {"otrygg_kvall": "mycket_trygg"}


def test_an_unknown_area_is_refused(client, cast, open_wave):
    foreign = area("landvetter", "Landvetter", municipality_code="1401")
    client.force_login(cast.reporter)
    r = client.post(url(open_wave), {"area": foreign.pk, "language": "sv", "q_kon": "man"})
    assert r.status_code == 400
    assert "Välj ett giltigt alternativ." in r.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"status": WaveStatus.DRAFT},
            "Pappersenkäter kan bara registreras medan omgången är öppen.",
        ),
        (
            {"status": WaveStatus.CLOSED},
            "Pappersenkäter kan bara registreras medan omgången är öppen.",
        ),
        (
            {"status": WaveStatus.OPEN, "uses_paper": False},
            "Omgången använder inte pappersenkäter.",
        ),
    ],
)
def test_no_entry_outside_an_open_wave_with_paper(client, cast, fields, message):
    w = current_wave(survey(cast.tjorn), **fields)
    client.force_login(cast.reporter)
    r = client.post(url(w), {"language": "sv", "q_kon": "man"}, follow=True)
    assert message in r.content.decode()
    assert not Response.objects.exists()


def test_a_viewer_cannot_key_in(client, cast, open_wave):
    client.force_login(cast.viewer)
    r = client.post(url(open_wave), {"language": "sv", "q_kon": "man"})
    assert r.status_code == 403
    assert "Pappersenkäter registreras av rapportörer" in r.content.decode()
    assert not Response.objects.exists()


def test_another_tenant_gets_404(client, cast, open_wave):
    client.force_login(cast.charlie)
    assert client.post(url(open_wave), {"language": "sv", "q_kon": "man"}).status_code == 404
    assert not Response.objects.exists()


def test_paper_entry_wrong_method(client, cast, open_wave):
    client.force_login(cast.reporter)
    assert client.put(url(open_wave)).status_code == 405


def test_login_is_required(client, open_wave):
    r = client.get(url(open_wave))
    assert r.status_code == 302 and "/logga-in/" in r.url
