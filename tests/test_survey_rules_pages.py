"""Indicator rules of a survey: the standard ones until saved, own rules from the form, and the
link to a promise's indicator, which then gets a measurement from every closed wave."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import Measurement
from surveys.models import IndicatorRule, SurveyIndicator
from surveys.results.services import save_default_rules
from tests import results_factories as rf
from tests.factories import PASSWORD


@pytest.fixture
def waves(cast):
    return rf.TwoWaves(cast.tjorn)


def login(client, username="alice"):
    client.login(username=username, password=PASSWORD)


def test_list_shows_the_standard_rules_in_words(client, cast, waves):
    login(client, "viewer")
    body = client.get(reverse("surveys_staff:rule_list", args=[waves.survey.pk])).content.decode()
    assert "standardindikatorer" in body
    assert "”Ganska otrygg” eller ”Mycket otrygg”" in body
    assert "Spara standardindikatorerna" not in body  # a viewer cannot


def test_editor_saves_the_standard_rules_once(client, cast, waves):
    login(client)
    target = reverse("surveys_staff:rules_from_defaults", args=[waves.survey.pk])
    client.post(target)
    client.post(target)
    assert IndicatorRule.objects.filter(survey=waves.survey).count() == 5
    assert AuditEntry.objects.filter(action="indicator_rule.created").count() == 5


def test_create_own_rule_from_the_form(client, cast, waves):
    login(client)
    target = reverse("surveys_staff:rule_create", args=[waves.survey.pk])
    response = client.post(
        target,
        {
            "name_sv": "Litet förtroende för polisen",
            "code": "litet_fortroende",
            "base_key": "fortroende_polis",
            "counts__fortroende_polis": ["ganska_litet", "mycket_litet"],
        },
    )
    assert response.status_code == 302
    rule = IndicatorRule.objects.get(code="litet_fortroende")
    assert rule.counts == {
        "op": "in",
        "q": "fortroende_polis",
        "values": ["ganska_litet", "mycket_litet"],
    }
    body = client.get(reverse("surveys_staff:wave_results", args=[waves.later.pk])).content
    assert "Litet förtroende för polisen" in body.decode()


def test_rule_without_any_counted_answer_is_refused(client, cast, waves):
    login(client)
    target = reverse("surveys_staff:rule_create", args=[waves.survey.pk])
    response = client.post(target, {"name_sv": "X", "code": "x", "base_key": "avstatt"})
    assert response.status_code == 400 and "Kryssa i minst ett svar" in response.content.decode()
    assert not IndicatorRule.objects.exists()


def test_duplicate_code_is_refused(client, cast, waves):
    save_default_rules(survey=waves.survey, user=cast.alice)
    login(client)
    target = reverse("surveys_staff:rule_create", args=[waves.survey.pk])
    data = {
        "name_sv": "X",
        "code": "avstatt_pga_oro",
        "base_key": "avstatt",
        "counts__avstatt": ["nej"],
    }
    response = client.post(target, data)
    assert response.status_code == 400 and "redan en indikator" in response.content.decode()


def test_link_gives_the_indicator_a_measurement_per_closed_wave(client, cast, world, waves):
    rule = save_default_rules(survey=waves.survey, user=cast.alice)[0]
    login(client)
    target = reverse("surveys_staff:rule_link", args=[rule.pk])
    assert world.indicator.name in client.get(target).content.decode()
    response = client.post(target, {"indicator": world.indicator.pk}, follow=True)
    assert "2 omgångar hittills" in response.content.decode()
    assert Measurement.objects.filter(indicator=world.indicator).count() == 2
    assert AuditEntry.objects.filter(action="indicator.linked_to_survey").exists()
    # Changing the rule recomputes the linked measurements.
    edit = reverse("surveys_staff:rule_edit", args=[rule.pk])
    before = Measurement.objects.get(indicator=world.indicator, date__year=2025).value
    client.post(
        edit,
        {
            "name_sv": "Mycket otrygga",
            "code": rule.code,
            "base_key": "otrygg_kvall",
            "counts__otrygg_kvall": ["mycket_otrygg"],
        },
    )
    after = Measurement.objects.get(indicator=world.indicator, date__year=2025).value
    assert after < before


def test_linked_rule_cannot_be_deleted_until_unlinked(client, cast, world, waves):
    rule = save_default_rules(survey=waves.survey, user=cast.alice)[0]
    link = SurveyIndicator.objects.create(indicator=world.indicator, rule=rule)
    login(client)
    delete = reverse("surveys_staff:rule_delete", args=[rule.pk])
    client.post(delete)
    assert IndicatorRule.objects.filter(pk=rule.pk).exists()
    client.post(reverse("surveys_staff:rule_unlink", args=[link.pk]))
    client.post(delete)
    assert not IndicatorRule.objects.filter(pk=rule.pk).exists()


def test_other_tenants_indicator_cannot_be_linked(client, cast, world, waves):
    rule = save_default_rules(survey=waves.survey, user=cast.alice)[0]
    login(client)
    response = client.post(
        reverse("surveys_staff:rule_link", args=[rule.pk]), {"indicator": world.other_indicator.pk}
    )
    assert response.status_code == 400 and not SurveyIndicator.objects.exists()


def test_problem_index_weights(client, cast, waves):
    login(client)
    target = reverse("surveys_staff:problem_weights", args=[waves.survey.pk])
    bad = {"mycket_stort": 2, "ganska_stort": 4, "ganska_litet": 1, "inget": 0}
    assert client.post(target, bad).status_code == 400
    client.post(target, {"mycket_stort": 6, "ganska_stort": 3, "ganska_litet": 1, "inget": 0})
    waves.survey.refresh_from_db()
    assert waves.survey.problem_index_weights["ganska_stort"] == 3
    assert AuditEntry.objects.filter(action="survey.problem_index_changed").exists()


def test_viewer_cannot_change_rules(client, cast, waves):
    login(client, "viewer")
    assert (
        client.post(
            reverse("surveys_staff:rules_from_defaults", args=[waves.survey.pk])
        ).status_code
        == 403
    )
    assert (
        client.get(reverse("surveys_staff:rule_create", args=[waves.survey.pk])).status_code == 403
    )
