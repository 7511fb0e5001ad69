"""The EST observation form: reporters of an organisation submit places and situations, never
persons; text that looks like a personnummer is stopped before it is saved."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import Area, AuditEntry, Role
from situation.est.forms import ObservationForm
from situation.models import EstCategory, EstObservation
from tests.factories import PASSWORD, other_org, user

URL = reverse("est_staff:observation_create")
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[11.5, 57.9], [11.7, 57.9], [11.7, 58.1], [11.5, 58.1], [11.5, 57.9]]],
}


@pytest.fixture
def housing(cast):
    return other_org("Bostäder på Tjörn AB", "1419")


@pytest.fixture
def bovard(housing):
    return user("bovard", housing, Role.REPORTER, "Bovärd")


@pytest.fixture
def skarhamn(db):
    return Area.objects.create(
        municipality_id=_tjorn_id(), name="Skärhamn", code="skarhamn", boundary=SQUARE
    )


def _tjorn_id():
    from organisations.models import Municipality

    return Municipality.objects.get(code="1419").pk


def _login(client, u):
    client.login(username=u.username, password=PASSWORD)


def _post(client, org, **fields):
    data = {
        "organisation": org.pk,
        "kommun": "1419",
        "category": EstCategory.objects.get(code="klotter", organisation=None).pk,
        "observed_on": timezone.localdate().isoformat(),
        "time_of_day": "evening",
        "place": "",
        "place_text": "",
        "description": "Nytt klotter på busskuren.",
        **fields,
    }
    return client.post(URL, data)


def test_the_standard_checklist_is_loaded_by_migration(db):
    codes = set(EstCategory.objects.filter(organisation=None).values_list("code", flat=True))
    assert {"skadegorelse", "klotter", "nedskrapning", "narkotika", "belysning"} <= codes


def test_the_form_asks_nothing_about_persons():
    assert set(ObservationForm.base_fields) == {
        "category",
        "observed_on",
        "time_of_day",
        "place_text",
        "description",
        "place",
        "not_personal_number",
    }


def test_a_reporter_submits_an_observation_in_an_area(client, housing, bovard, skarhamn):
    _login(client, bovard)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Skärhamn" in page.content.decode() and "Skriv aldrig namn" in page.content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page.content.decode()
    response = _post(client, housing, place="skarhamn")
    assert response.status_code == 302
    observation = EstObservation.objects.get()
    assert (observation.organisation, observation.reporter) == (housing, bovard)
    assert observation.municipality.code == "1419" and observation.area == skarhamn
    assert observation.latitude is None and not observation.flagged_personal_number
    entry = AuditEntry.objects.get(action="est.observation_submitted")
    assert entry.object_id == str(observation.pk)
    assert list(entry.parties.all()) == [housing]


def test_a_point_on_the_map_is_placed_in_its_area(client, housing, bovard, skarhamn):
    _login(client, bovard)
    assert _post(client, housing, place="58.0,11.6").status_code == 302
    observation = EstObservation.objects.get()
    assert (observation.latitude, observation.longitude) == (58.0, 11.6)
    assert observation.area == skarhamn


def test_a_place_in_words_is_enough(client, housing, bovard):
    _login(client, bovard)
    assert _post(client, housing, place_text="Busskuren vid torget").status_code == 302
    assert EstObservation.objects.get().place_text == "Busskuren vid torget"


def test_without_a_place_nothing_is_saved(client, housing, bovard):
    _login(client, bovard)
    response = _post(client, housing)
    assert response.status_code == 400
    assert "Markera platsen på kartan" in response.content.decode()
    assert not EstObservation.objects.exists()


def test_a_future_date_is_refused(client, housing, bovard):
    _login(client, bovard)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = _post(client, housing, place_text="Torget", observed_on=tomorrow.isoformat())
    assert response.status_code == 400 and not EstObservation.objects.exists()


def test_a_personnummer_is_flagged_before_it_is_saved(client, housing, bovard):
    _login(client, bovard)
    response = _post(
        client, housing, place_text="Torget", description="Pojken 811228-9874 klottrade"
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "811228-9874" in text and "personnummer" in text
    assert 'name="not_personal_number"' not in text  # a likely one cannot be confirmed away
    assert not EstObservation.objects.exists()


def test_a_possible_personnummer_can_be_confirmed_away(client, housing, bovard):
    _login(client, bovard)
    text = "Skylt nr 811228-9875 nedsprayad"
    response = _post(client, housing, place_text="Torget", description=text)
    assert response.status_code == 400 and 'name="not_personal_number"' in response.content.decode()
    response = _post(
        client, housing, place_text="Torget", description=text, not_personal_number="on"
    )
    assert response.status_code == 302
    assert EstObservation.objects.get().flagged_personal_number


def test_submitting_for_an_organisation_one_is_not_in_is_forbidden(client, cast, housing, bovard):
    _login(client, bovard)
    response = _post(client, cast.tjorn, place_text="Torget")
    assert response.status_code == 403
    assert not EstObservation.objects.exists()


def test_a_viewer_is_no_reporter(client, cast):
    _login(client, cast.viewer)
    assert client.get(URL).status_code == 403
    assert _post(client, cast.tjorn, place_text="Torget").status_code == 403
    assert not EstObservation.objects.exists()


def test_a_municipality_the_organisation_does_not_work_in_is_refused(client, housing, bovard):
    _login(client, bovard)
    response = _post(client, housing, place_text="Torget", kommun="1401")
    assert response.status_code == 403 and not EstObservation.objects.exists()


def test_police_reporters_choose_among_the_covered_municipalities(client, cast):
    _login(client, cast.police_reporter)
    page = client.get(URL + "?kommun=1421").content.decode()
    assert 'value="1421" selected' in page
    assert _post(client, cast.police, place_text="Hamnen", kommun="1421").status_code == 302
    assert EstObservation.objects.get().municipality.code == "1421"


def test_own_checklist_items_are_offered_to_the_organisations_reporters_only(
    client, cast, housing, bovard
):
    editor = user("bostadschef", housing, Role.EDITOR)
    _login(client, editor)
    url = reverse("est_staff:category_create", args=[housing.pk])
    response = client.post(url, {"name": "Trasiga portlås", "order": 50, "is_active": "on"})
    assert response.status_code == 302
    item = EstCategory.objects.get(name="Trasiga portlås")
    assert item.organisation == housing and item.code == "trasiga-portlas"
    assert AuditEntry.objects.filter(action="est.category_added").exists()
    _login(client, bovard)
    assert "Trasiga portlås" in client.get(URL).content.decode()
    _login(client, cast.police_reporter)
    assert "Trasiga portlås" not in client.get(URL).content.decode()
    assert _post(client, cast.police, place_text="Torget", category=item.pk).status_code == 400


def test_the_checklist_is_managed_by_editors_of_the_organisation(client, cast, housing, bovard):
    url = reverse("est_staff:category_create", args=[housing.pk])
    _login(client, bovard)
    assert client.get(url).status_code == 403
    _login(client, cast.alice)
    assert client.get(url).status_code == 404
    assert client.get(reverse("est_staff:checklist", args=[cast.tjorn.pk])).status_code == 200


def test_the_start_page_lists_ones_own_observations(client, housing, bovard):
    _login(client, bovard)
    _post(client, housing, place_text="Busskuren vid torget")
    page = client.get(reverse("est_staff:index")).content.decode()
    assert "Busskuren vid torget" in page and "Rapportera en observation" in page
