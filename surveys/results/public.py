"""Public results of a municipality's safety surveys: the latest closed wave's headline figures
(indicators for all and per area, the problem index) and each indicator over the waves.

A wave's results become public when it closes. Everything here comes from the same tables as
the staff pages (surveys.results.tables), so the same cells are suppressed; weights are the ones
stored at closing. A fixed number of queries whatever the number of waves or responses, and only
the questions the headline needs are read.
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import get_language

from core.privacy import MISSING
from organisations.models import Municipality
from surveys.conditions import referenced_keys
from surveys.models import IndicatorRule, ItemVersion, Survey, Wave
from surveys.results.compare import Change, estimate_change
from surveys.results.data import AREA_KEY, WaveData, load_waves
from surveys.results.rules import DEFAULT_RULES, rules_for
from surveys.results.tables import (
    Estimate,
    IndicatorResult,
    ProblemIndex,
    indicator_result,
    problem_index,
)


@dataclass
class TrendPoint:
    wave: Wave
    estimate: Estimate


@dataclass
class PublicIndicator:
    latest: IndicatorResult  # for all and per area
    trend: list[TrendPoint] = field(default_factory=list)  # oldest first
    change: Change | None = None  # since the wave before the latest
    chart: object = None  # the trend chart, set by the page

    @property
    def name(self) -> str:
        return self.latest.name

    @property
    def rule(self) -> IndicatorRule:
        return self.latest.rule


@dataclass
class PublicSurvey:
    survey: Survey
    wave: Wave  # the wave shown
    waves: list[Wave]  # every closed wave, oldest first
    respondents: int
    weighted: bool
    indicators: list[PublicIndicator]
    problem: ProblemIndex | None
    chart: object = None  # the headline chart, set by the page

    @property
    def by_area(self) -> list[tuple[str, bool, list[Estimate]]]:
        """Rows of (area, is the whole municipality, each indicator's estimate)."""
        if not self.indicators:
            return []
        rows = self.indicators[0].latest.breakdown.rows
        return [
            (
                row.label,
                row.is_total,
                [i.latest.breakdown.rows[n].cells[0] for i in self.indicators],
            )
            for n, row in enumerate(rows)
        ]

    @property
    def title(self) -> str:
        return self.survey.title_in(get_language() or "sv")

    @property
    def previous(self) -> Wave | None:
        index = self.waves.index(self.wave)
        return self.waves[index - 1] if index > 0 else None


def closed_waves(municipality: Municipality) -> list[Wave]:
    return list(
        Wave.objects.filter(survey__municipality=municipality, status=Wave.Status.CLOSED)
        .select_related("survey", "survey__municipality")
        .order_by("survey_id", "year", "opens_on", "id")
    )


def _needed(rules_by_survey: dict[int, list[IndicatorRule]]) -> set[str]:
    keys = {key for rules in rules_by_survey.values() for r in rules for key in _rule_keys(r)}
    for _code, _sv, _en, counts, base, _better in DEFAULT_RULES:
        keys |= referenced_keys(counts) | {base}
    return keys


def _rule_keys(rule: IndicatorRule) -> set[str]:
    return referenced_keys(rule.counts) | {rule.base_key}


def public_surveys(
    municipality: Municipality, *, wave_id: int | None = None, trend: bool = True
) -> list[PublicSurvey]:
    """The municipality's surveys with closed waves, each showing its latest wave (or the wave
    `wave_id`), with the trend over the waves when asked for."""
    waves = closed_waves(municipality)
    if not waves:
        return []
    stored: dict[int, list[IndicatorRule]] = {}
    for rule in IndicatorRule.objects.filter(survey_id__in={w.survey_id for w in waves}).order_by(
        "pk"
    ):
        stored.setdefault(rule.survey_id, []).append(rule)
    keys = _needed(stored)
    shown = {w.survey_id: w for w in waves}  # the latest per survey
    if wave_id is not None:
        chosen = [w for w in waves if w.pk == wave_id]
        if not chosen:
            return []
        shown = {chosen[0].survey_id: chosen[0]}
    load = waves if trend else [w for w in waves if shown.get(w.survey_id) == w]

    def select(key: str, version: ItemVersion) -> bool:
        return key in keys or version.item.topic == "problem"

    loaded = load_waves(load, select)
    out = []
    for survey_id, wave in shown.items():
        own = [w for w in waves if w.survey_id == survey_id]
        out.append(_public_survey(wave, own, loaded, stored.get(survey_id, []), trend))
    return out


def _sample(data: WaveData) -> tuple[WaveData, np.ndarray, bool]:
    sample = data.subset(data.representative)
    stored = sample.stored_weights
    if sample.size and not np.isnan(stored).any():
        return sample, stored, True
    return sample, np.ones(sample.size), False


def _public_survey(
    wave: Wave,
    waves: list[Wave],
    loaded: dict[int, WaveData],
    stored: list[IndicatorRule],
    trend: bool,
) -> PublicSurvey:
    sample, weights, weighted = _sample(loaded[wave.pk])
    rules = rules_for(wave.survey, {q.key for q in sample.questions}, stored)
    areas = sample.dimensions[AREA_KEY]
    indicators = [PublicIndicator(indicator_result(r, sample, weights, areas)) for r in rules]
    if trend:
        for w in waves:
            if w.pk not in loaded:
                continue
            other, other_weights, _weighted = _sample(loaded[w.pk])
            for indicator in indicators:
                asked = other.question(indicator.rule.base_key) is not None
                estimate = (
                    indicator_result(indicator.rule, other, other_weights, None).total
                    if asked
                    else Estimate(MISSING)
                )
                indicator.trend.append(TrendPoint(w, estimate))
        index = waves.index(wave)
        for indicator in indicators:
            if index > 0:
                earlier = indicator.trend[index - 1].estimate
                indicator.change = estimate_change("", indicator.latest.total, earlier, "share")
    return PublicSurvey(
        survey=wave.survey,
        wave=wave,
        waves=waves,
        respondents=int(sample.size),
        weighted=weighted,
        indicators=indicators,
        problem=problem_index(sample, weights, areas, wave.survey.problem_index_weights),
    )
