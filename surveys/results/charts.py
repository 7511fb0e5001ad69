"""The charts of the results pages (core.charts), from published figures only."""

from django.utils.translation import gettext as _

from core.charts import Chart, Point, Series, interval_chart, line_chart
from surveys.results.public import PublicIndicator, PublicSurvey
from surveys.results.report import WaveResults
from surveys.results.tables import Estimate


def point(estimate: Estimate) -> Point:
    return Point(estimate.figure, estimate.low, estimate.high)


def indicator_chart(results: WaveResults) -> Chart | None:
    if not results.indicators:
        return None
    return interval_chart(
        _("Indikatorer, %(wave)s (andel i procent, med 95 %% konfidensintervall)")
        % {"wave": results.wave.name},
        [i.name for i in results.indicators],
        [point(i.total) for i in results.indicators],
        label_heading=_("Indikator"),
    )


def problem_chart(results: WaveResults) -> Chart | None:
    """The problem index of each problem item among all respondents, 0–6."""
    if results.problem is None:
        return None
    return interval_chart(
        _("Problemindex per problem, %(wave)s (0–6, med 95 %% konfidensintervall)")
        % {"wave": results.wave.name},
        [q.short_text for q, _breakdown in results.problem.items],
        [point(b.total.cells[0]) for _q, b in results.problem.items],
        unit="",
        decimals=1,
        axis_max=6,
        label_heading=_("Problem"),
    )


def public_indicator_chart(public: PublicSurvey) -> Chart | None:
    """The latest wave's indicators for all respondents, whole percent."""
    if not public.indicators:
        return None
    return interval_chart(
        _("%(wave)s: andel av invånarna, i procent") % {"wave": public.wave.name},
        [i.name for i in public.indicators],
        [point(i.latest.total) for i in public.indicators],
        label_heading=_("Andel som"),
    )


def trend_chart(indicator: PublicIndicator) -> Chart:
    """One indicator over the waves, with its interval as a band."""
    return line_chart(
        _("%(name)s, andel i procent per mätning") % {"name": indicator.name},
        [str(p.wave.year) for p in indicator.trend],
        [Series(indicator.name, [point(p.estimate) for p in indicator.trend])],
        x_heading=_("Mätning"),
    )
