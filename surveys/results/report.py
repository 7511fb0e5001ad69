"""A wave's results for staff, assembled in a fixed number of queries whatever the number of
responses: the answers loaded once (with those of the wave compared against), weights, one
table per question broken down by a chosen variable, indicators, the problem index, the
response rate per stratum and the changes since the earlier wave."""

from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from surveys.models import IndicatorRule, Invitation, Margin, Survey, Wave
from surveys.results.compare import Change, indicator_changes, question_changes
from surveys.results.data import AREA_KEY, Dimension, WaveData, load_waves
from surveys.results.rules import rules_for
from surveys.results.tables import (
    IndicatorResult,
    ProblemIndex,
    QuestionResult,
    indicator_result,
    problem_index,
    question_result,
)
from surveys.results.weighting import Weights, weights_for_results

DIMENSIONS = ("omrade", "kon", "alder")


@dataclass
class RateRow:
    label: str
    invited: int
    responded: int

    @property
    def rate(self) -> float | None:
        return 100 * self.responded / self.invited if self.invited else None


@dataclass
class WaveResults:
    """One wave's published results for one breakdown variable."""

    wave: Wave
    data: WaveData  # the respondents the results rest on
    weights: Weights
    dimension: Dimension | None
    questions: list[QuestionResult]
    indicators: list[IndicatorResult]
    problem: ProblemIndex | None


@dataclass
class WaveReport:
    current: WaveResults
    earlier: WaveResults | None
    respondents: int
    open_link: int
    rates: list[RateRow]
    rules_are_defaults: bool
    question_changes: dict[str, list[Change]] = field(default_factory=dict)
    indicator_changes: dict[str, list[Change]] = field(default_factory=dict)
    other_wording: set[str] = field(default_factory=set)


def earlier_waves(wave: Wave) -> list[Wave]:
    """Closed waves of the same survey that can be compared with, latest first."""
    return list(
        Wave.objects.filter(survey_id=wave.survey_id, status=Wave.Status.CLOSED)
        .exclude(pk=wave.pk)
        .filter(Q(year__lt=wave.year) | Q(year=wave.year, opens_on__lt=wave.opens_on))
        .order_by("-year", "-opens_on")
    )


def wave_results(
    wave: Wave,
    data: WaveData,
    margins: list[Margin],
    rules: list[IndicatorRule],
    dimension_key: str | None,
    *,
    open_link: bool = False,
) -> WaveResults:
    """Results of one wave from its loaded data. The representative respondents are weighted;
    with `open_link` the answers via the open link are shown instead, unweighted."""
    if open_link:
        sample = data.subset(~data.representative)
        weights = Weights(np.ones(sample.size), False, "")
    else:
        sample = data.subset(data.representative)
        weights = weights_for_results(wave, sample, margins)
    dimension = sample.dimensions.get(dimension_key) if dimension_key else None
    w = weights.weights
    return WaveResults(
        wave=wave,
        data=sample,
        weights=weights,
        dimension=dimension,
        questions=[question_result(q, sample, w, dimension) for q in sample.questions],
        indicators=[indicator_result(r, sample, w, dimension) for r in rules],
        problem=problem_index(sample, w, dimension, wave.survey.problem_index_weights),
    )


def survey_rules(survey: Survey, keys: set[str]) -> tuple[list[IndicatorRule], bool]:
    stored = list(IndicatorRule.objects.filter(survey=survey).order_by("pk"))
    return rules_for(survey, keys, stored), not stored


def build_report(
    wave: Wave,
    *,
    dimension_key: str | None = AREA_KEY,
    earlier: Wave | None = None,
    open_link: bool = False,
) -> WaveReport:
    waves = [wave] + ([earlier] if earlier else [])
    for w in waves:
        w.survey = wave.survey
    loaded = load_waves(waves)
    margins = list(Margin.objects.filter(wave__in=waves))
    data = loaded[wave.pk]
    rules, defaults = survey_rules(wave.survey, {q.key for q in data.questions})

    def results(w: Wave) -> WaveResults:
        own = [m for m in margins if m.wave_id == w.pk]
        return wave_results(w, loaded[w.pk], own, rules, dimension_key, open_link=open_link)

    current = results(wave)
    report = WaveReport(
        current=current,
        earlier=results(earlier) if earlier else None,
        respondents=int(data.representative.sum()),
        open_link=int((~data.representative).sum()),
        rates=response_rates(wave, data),
        rules_are_defaults=defaults,
    )
    if report.earlier is not None:
        _compare(report)
    return report


def _compare(report: WaveReport) -> None:
    later, earlier = report.current, report.earlier
    report.indicator_changes = indicator_changes(later.indicators, earlier.indicators)
    before = {q.question.key: q for q in earlier.questions}
    for result in later.questions:
        old = before.get(result.question.key)
        if old is None:
            continue
        report.question_changes[result.question.key] = question_changes(result, old)
        if old.question.version.pk != result.question.version.pk:
            report.other_wording.add(result.question.key)


def response_rates(wave: Wave, data: WaveData) -> list[RateRow]:
    """Invitations sent and representative responses per stratum (area). Staff figures about
    the fieldwork, not results: they are not suppressed, and never published."""
    invited = {
        row["area_id"]: row["n"]
        for row in Invitation.objects.filter(wave=wave).values("area_id").annotate(n=Count("id"))
    }
    area_dim = data.dimensions[AREA_KEY]
    codes = area_dim.codes[data.representative]
    counts = np.bincount(codes[codes >= 0], minlength=len(data.areas))
    rows = [
        RateRow(area.name, invited.get(area.pk, 0), int(counts[i]))
        for i, area in enumerate(data.areas)
        if invited.get(area.pk) or counts[i]
    ]
    without = int((codes < 0).sum())
    if invited.get(None) or without:
        rows.append(RateRow(_("Utan område"), invited.get(None, 0), without))
    return rows
