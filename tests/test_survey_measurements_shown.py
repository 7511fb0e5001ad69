"""A promise's indicator measured by a safety survey: the follow-up page shows the measurement
with its interval next to the activity progress; the public promise page and the API too."""

import pytest
from django.urls import reverse

from promises.models import Measurement, Promise
from surveys.models import SurveyIndicator
from surveys.results import on_wave_closed
from surveys.results.services import save_default_rules
from tests import factories as f
from tests import results_factories as rf


@pytest.fixture
def measured(cast, world):
    waves = rf.TwoWaves(cast.tjorn)
    rule = save_default_rules(survey=waves.survey, user=cast.alice)[0]
    SurveyIndicator.objects.create(indicator=world.indicator, rule=rule)
    on_wave_closed(waves.later)
    return Measurement.objects.get(indicator=world.indicator)


def words(m: Measurement) -> str:
    return f"mellan {round(m.low)} och {round(m.high)} procent"


def test_follow_up_shows_the_interval_next_to_activity_progress(client, cast, world, measured):
    f.progress(world.police_activity, 3)
    client.login(username="bra_member", password=f.PASSWORD)
    body = client.get(reverse("staff:follow_up_detail", args=[world.follow_up.pk])).content.decode()
    assert "Aktiviteternas framsteg och indikatorernas mätvärden" in body
    assert "0 av 1 aktivitet genomförd" in body
    assert words(measured) in body and "automatiskt" in body


def test_public_promise_page_and_api_give_the_interval(client, world, measured):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    body = client.get(reverse("public:promise", args=[world.promise.pk])).content.decode()
    assert words(measured) in body
    data = client.get(f"/api/v1/promises/{world.promise.pk}").json()
    shown = data["indicators"][0]["measurements"][0]
    assert shown["low"] == pytest.approx(float(measured.low))
    assert shown["high"] == pytest.approx(float(measured.high))


def test_staff_promise_page_lists_the_interval(client, cast, world, measured):
    client.login(username="alice", password=f.PASSWORD)
    body = client.get(world.promise.get_staff_url()).content.decode()
    assert words(measured) in body


def test_open_data_measurements_carry_the_interval(client, world, measured):
    import csv
    import io

    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    response = client.get("/oppna-data/sverige/measurements.csv")
    body = b"".join(response.streaming_content).decode()
    row = next(csv.DictReader(io.StringIO(body)))
    assert row["value_state"] == "shown"
    assert float(row["low"]) == pytest.approx(float(measured.low))
    assert float(row["high"]) == pytest.approx(float(measured.high))
