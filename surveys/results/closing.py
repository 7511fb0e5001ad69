"""What happens when a wave closes (called by the waves pages): the weights are computed and
stored, and every promise indicator linked to one of the survey's rules gets this wave's
measurement, with its interval. Idempotent: running it again replaces what it wrote.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from promises.models import Measurement
from surveys.models import Margin, SurveyIndicator, Wave
from surveys.results.data import WaveData, load_waves
from surveys.results.tables import indicator_result
from surveys.results.weighting import Weights, compute_weights, store_weights, weights_for_results


@dataclass
class ClosingReport:
    """What closing did, for the page that closed the wave to tell the coordinator."""

    weighted: bool
    problem: str = ""
    design_effect: float | None = None
    measurements: list[str] = field(default_factory=list)  # indicator names updated
    not_measured: list[str] = field(default_factory=list)  # too few respondents to publish


def source_key(wave: Wave) -> str:
    return f"survey-wave:{wave.pk}"


def measured_on(wave: Wave) -> datetime.date:
    return wave.closes_on


@transaction.atomic
def on_wave_closed(wave: Wave) -> ClosingReport:
    """Weights and indicator measurements for a closed wave. Never silently wrong: when the
    margins cannot be reproduced the weights are left empty (the results say "oviktat" with
    the reason, returned here too) and the measurements are written unweighted, saying so."""
    data = load_waves([wave])[wave.pk]
    sample = data.subset(data.representative)
    weights = compute_weights(sample, list(Margin.objects.filter(wave=wave)), wave.trim_ratio)
    store_weights(wave, sample, weights)
    report = ClosingReport(
        weighted=weights.weighted,
        problem=weights.problem,
        design_effect=weights.design_effect if weights.weighted else None,
    )
    links = SurveyIndicator.objects.filter(rule__survey_id=wave.survey_id).select_related(
        "rule", "indicator"
    )
    for link in links:
        if write_measurement(link, wave, sample, weights):
            report.measurements.append(link.indicator.name)
        else:
            report.not_measured.append(link.indicator.name)
    return report


def write_measurement(
    link: SurveyIndicator, wave: Wave, sample: WaveData, weights: Weights
) -> bool:
    """This wave's value of the linked indicator, in percent with its 95 % interval, replacing
    what an earlier run wrote. Nothing is written when the share is suppressed."""
    result = indicator_result(link.rule, sample, weights.weights, None)
    estimate = result.total
    key = source_key(wave)
    if not estimate.figure.shown:
        Measurement.objects.filter(indicator=link.indicator, source_key=key).delete()
        return False
    n = result.breakdown.total.base.value
    if weights.weighted:
        note = _("%(wave)s, %(n)s svarande, viktat") % {"wave": wave.name, "n": n}
    else:
        note = _("%(wave)s, %(n)s svarande, oviktat") % {"wave": wave.name, "n": n}
    Measurement.objects.update_or_create(
        indicator=link.indicator,
        source_key=key,
        defaults={
            "date": measured_on(wave),
            "value": _percent(estimate.figure.value),
            "low": _percent(estimate.low),
            "high": _percent(estimate.high),
            "note": note[:200],
        },
    )
    return True


def _percent(value: float) -> Decimal:
    return Decimal(str(round(value, 1)))


@transaction.atomic
def measure_linked_indicator(link: SurveyIndicator) -> int:
    """Measurements for a newly linked indicator from every closed wave of its survey (their
    stored weights); returns how many were written."""
    waves = list(
        Wave.objects.filter(
            survey_id=link.rule.survey_id, status=Wave.Status.CLOSED
        ).select_related("survey")
    )
    loaded = load_waves(waves)
    margins = list(Margin.objects.filter(wave__in=waves))
    written = 0
    for wave in waves:
        data = loaded[wave.pk]
        sample = data.subset(data.representative)
        own = [m for m in margins if m.wave_id == wave.pk]
        written += write_measurement(link, wave, sample, weights_for_results(wave, sample, own))
    return written
