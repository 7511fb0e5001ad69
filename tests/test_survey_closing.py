"""Closing a wave (surveys.results.on_wave_closed): weights stored, linked indicators measured
with their interval, idempotent; margins that cannot be reproduced leave the wave unweighted
with a reason that names the cell, never with silently wrong weights."""

import numpy as np
import pytest

from promises.models import Measurement
from surveys.analysis import rake
from surveys.models import Margin, Response, SurveyIndicator
from surveys.results import on_wave_closed
from surveys.results.services import save_default_rules
from tests import results_factories as rf
from tests import survey_factories as sf


@pytest.fixture
def waves(cast):
    return rf.TwoWaves(cast.tjorn)


def test_weights_are_stored_and_reproduce_the_margins(waves):
    responses = list(Response.objects.filter(wave=waves.later).select_related("area"))
    weights = np.array([r.weight for r in responses])
    assert not np.isnan(weights.astype(float)).any()
    assert weights.sum() == pytest.approx(4500)
    for area, population in zip(waves.areas, [3000, 900, 600], strict=True):
        assert sum(r.weight for r in responses if r.area_id == area.pk) == pytest.approx(population)


def test_stored_weights_equal_raking_by_hand(cast):
    # Two areas, a=2 and b=2 respondents, margins a=30 b=10: weights 15 and 5, by hand.
    s, areas = rf.results_survey(cast.tjorn, codes=["otrygg_kvall"])
    wave = rf.closed_wave(s, 2025)
    for area in (areas[0], areas[0], areas[1], areas[1]):
        sf.response(wave, {"otrygg_kvall": "ganska_trygg"}, area=area)
    Margin.objects.create(wave=wave, variable="area", category=areas[0].code, population=30)
    Margin.objects.create(wave=wave, variable="area", category=areas[1].code, population=10)
    report = on_wave_closed(wave)
    # Kish: n Σw² / (Σw)² = 4 · (15² + 15² + 5² + 5²) / 40² = 1.25
    assert report.weighted and report.design_effect == pytest.approx(1.25)
    weights = sorted(Response.objects.filter(wave=wave).values_list("weight", flat=True))
    assert weights == pytest.approx([5, 5, 15, 15])
    assert weights == pytest.approx(
        sorted(rake({"area": ["a", "a", "b", "b"]}, {"area": {"a": 30, "b": 10}}))
    )


def test_open_link_answers_are_never_weighted(cast, waves):
    sf.response(waves.later, {"otrygg_kvall": "mycket_trygg"}, mode="open", is_representative=False)
    on_wave_closed(waves.later)
    assert Response.objects.get(wave=waves.later, is_representative=False).weight is None


def test_linked_indicator_gets_its_measurement_with_interval_once(cast, world, waves):
    rules = save_default_rules(survey=waves.survey, user=cast.alice)
    rule = next(r for r in rules if r.code == "otrygg_ute_sen_kvall")
    SurveyIndicator.objects.create(indicator=world.indicator, rule=rule)
    first = on_wave_closed(waves.later)
    again = on_wave_closed(waves.later)
    assert first.measurements == again.measurements == [world.indicator.name]
    measurement = Measurement.objects.get(indicator=world.indicator)
    assert measurement.source_key == f"survey-wave:{waves.later.pk}"
    assert measurement.date == waves.later.closes_on
    assert measurement.low < measurement.value < measurement.high
    assert measurement.low > 0 and measurement.high < 100
    assert "viktat" in measurement.note and "oviktat" not in measurement.note
    on_wave_closed(waves.earlier)
    assert Measurement.objects.filter(indicator=world.indicator).count() == 2


def test_a_manual_measurement_is_left_alone(cast, world, waves):
    Measurement.objects.create(indicator=world.indicator, date=sf.D(2023, 11, 1), value=30)
    rule = save_default_rules(survey=waves.survey, user=cast.alice)[0]
    SurveyIndicator.objects.create(indicator=world.indicator, rule=rule)
    on_wave_closed(waves.later)
    on_wave_closed(waves.later)
    assert sorted(world.indicator.measurements.values_list("source_key", flat=True)) == [
        "",
        f"survey-wave:{waves.later.pk}",
    ]


def test_margin_missing_an_area_leaves_the_wave_unweighted_and_says_which(waves):
    Margin.objects.filter(wave=waves.later, variable="area", category="ronnang").delete()
    Margin.objects.filter(wave=waves.later, variable="area", category="skarhamn").update(
        population=3600
    )
    report = on_wave_closed(waves.later)
    assert not report.weighted
    assert "Område=Rönnäng" in report.problem and "saknas i populationsmarginalen" in report.problem
    assert not Response.objects.filter(wave=waves.later, weight__isnull=False).exists()


def test_margins_that_disagree_on_the_total_are_named(waves):
    Margin.objects.filter(wave=waves.later, variable="kon", category="man").update(population=10)
    report = on_wave_closed(waves.later)
    assert not report.weighted and "summerar inte" in report.problem


def test_no_margins_means_unweighted_with_the_reason(cast):
    s, areas = rf.results_survey(cast.tjorn)
    wave = rf.closed_wave(s, 2025)
    rf.fill(wave, areas, [40, 0, 0])
    report = on_wave_closed(wave)
    assert not report.weighted and "Inga populationsmarginaler" in report.problem


def test_suppressed_share_writes_no_measurement(cast, world):
    s, areas = rf.results_survey(cast.tjorn)
    wave = rf.closed_wave(s, 2025)
    rf.fill(wave, areas, [20, 0, 0])  # 20 respondents: too few to publish anything
    rule = save_default_rules(survey=s, user=cast.alice)[0]
    SurveyIndicator.objects.create(indicator=world.indicator, rule=rule)
    report = on_wave_closed(wave)
    assert report.not_measured == [world.indicator.name]
    assert not Measurement.objects.filter(indicator=world.indicator).exists()


def test_respondents_without_sex_are_weighted_fractionally(cast):
    s, areas = rf.results_survey(cast.tjorn, codes=["otrygg_kvall", "kon"])
    wave = rf.closed_wave(s, 2025)
    for sex in ["kvinna", "kvinna", "man", "annat"]:
        sf.response(wave, {"otrygg_kvall": "ganska_trygg", "kon": sex}, area=areas[0])
    Margin.objects.create(wave=wave, variable="kon", category="kvinna", population=60)
    Margin.objects.create(wave=wave, variable="kon", category="man", population=40)
    assert on_wave_closed(wave).weighted
    by_sex = dict(Response.objects.filter(wave=wave).values_list("answers__kon", "weight"))
    woman, man = 60 / 2.6, 40 / 1.4
    assert by_sex["kvinna"] == pytest.approx(woman) and by_sex["man"] == pytest.approx(man)
    assert by_sex["annat"] == pytest.approx(0.6 * woman + 0.4 * man)
