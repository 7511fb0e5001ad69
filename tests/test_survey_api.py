"""The safety survey part of the public API: the same figures as the public pages, each with
its state (shown, suppressed, missing), only closed waves."""

import pytest

from surveys.models import Wave
from tests import results_factories as rf


@pytest.fixture
def waves(cast):
    return rf.TwoWaves(cast.tjorn)


def test_list_filters_by_municipality(client, waves):
    body = client.get("/api/v1/safety-surveys?kommunkod=1419").json()
    assert body["count"] == 1
    survey = body["items"][0]
    assert survey["kommunkod"] == "1419"
    assert [w["year"] for w in survey["waves"]] == [2024, 2025]
    assert survey["url"] == "/kommun/tjorn/trygghet/"
    assert client.get("/api/v1/safety-surveys?kommunkod=1401").json()["count"] == 0
    assert client.get("/api/v1/safety-surveys?kommunkod=14").status_code == 422


def test_survey_detail_gives_the_trend_with_intervals(client, waves):
    body = client.get(f"/api/v1/safety-surveys/{waves.survey.pk}").json()
    indicator = next(i for i in body["indicators"] if i["code"] == "otrygg_ute_sen_kvall")
    assert [p["year"] for p in indicator["trend"]] == [2024, 2025]
    for point in indicator["trend"]:
        estimate = point["estimate"]
        assert (
            estimate["state"] == "shown" and estimate["low"] < estimate["value"] < estimate["high"]
        )


def test_wave_results_suppress_like_the_page(client, waves):
    response = client.get(f"/api/v1/safety-survey-waves/{waves.later.pk}")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["weighted"] is True and body["respondents"] == 415
    indicator = body["indicators"][0]
    areas = {a["group"]: a for a in indicator["areas"]}
    assert areas["Skärhamn"]["estimate"]["state"] == "shown"
    assert areas["Rönnäng"]["estimate"] == {
        "state": "suppressed",
        "value": None,
        "low": None,
        "high": None,
    }
    assert areas["Rönnäng"]["respondents"] == {"state": "suppressed", "value": None}
    assert body["problem_index"][-1]["code"] == ""
    assert body["problem_index"][0]["total"]["estimate"]["state"] == "shown"


def test_question_not_asked_in_a_wave_is_missing_not_zero(client, cast, waves):
    # The earlier wave never asked about confidence in the police.
    earlier = Wave.objects.get(pk=waves.earlier.pk)
    earlier.question_versions = {
        k: v for k, v in earlier.question_versions.items() if k != "fortroende_polis"
    }
    earlier.save()
    body = client.get(f"/api/v1/safety-surveys/{waves.survey.pk}").json()
    trend = next(i for i in body["indicators"] if i["code"] == "fortroende_polisen")["trend"]
    assert trend[0]["estimate"] == {"state": "missing", "value": None, "low": None, "high": None}
    assert trend[1]["estimate"]["state"] == "shown"


def test_open_and_unknown_waves_are_404(client, waves):
    Wave.objects.filter(pk=waves.later.pk).update(status=Wave.Status.OPEN)
    assert client.get(f"/api/v1/safety-survey-waves/{waves.later.pk}").status_code == 404
    assert client.get("/api/v1/safety-survey-waves/999999").status_code == 404
    assert client.get("/api/v1/safety-surveys/999999").json()["error"]["status"] == 404
