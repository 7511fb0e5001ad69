"""The yearly follow-up of a promise as a report to kommunfullmäktige (law 2023:196: the
municipality's board reports continuously to the council).

`council_report(follow_up)` gathers what the report says – verdicts per commitment, activity
progress ("9 av 15 genomförda"), indicators with their measurements, what changes next period,
and the åtgärdsplan measures the promise carries out – with a fixed number of queries. Every
figure has passed core.privacy before it reaches a chart or a table, and every chart comes
with its table (core.charts). The same template is the staff page and, through core.pdf, the
PDF.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.charts import Chart, Point, Series, bar_chart, interval_chart, line_chart
from core.privacy import PublicFigure, public_count
from promises.analysis import share_of_target
from promises.models import Activity, Commitment, FollowUp, Indicator, Measurement, Promise, Verdict
from promises.models.followups import VerdictChoice
from situation.models import ActionPlanMeasure


@dataclass
class ActivityRow:
    activity: Activity
    done: PublicFigure
    target: PublicFigure


@dataclass
class CommitmentProgress:
    commitment: Commitment
    verdict: Verdict | None
    activities: list[ActivityRow]
    done: int
    total: int

    @property
    def done_text(self) -> str:
        return ngettext(
            "%(done)s av %(n)s aktivitet genomförd",
            "%(done)s av %(n)s aktiviteter genomförda",
            self.total,
        ) % {"done": self.done, "n": self.total}


@dataclass
class IndicatorSection:
    indicator: Indicator
    light: str
    light_label: str
    comment: str
    baseline: PublicFigure
    target: PublicFigure
    chart: Chart | None
    measurements: list[tuple[Measurement, PublicFigure]] = field(default_factory=list)


@dataclass
class CouncilReport:
    follow_up: FollowUp
    municipalities: list[str]
    police_areas: list[str]
    commitments: list[CommitmentProgress]
    verdict_chart: Chart | None
    progress_chart: Chart | None
    indicators: list[IndicatorSection]
    action_plan_measures: list[ActionPlanMeasure]
    activity_count: int
    activities_done: int

    @property
    def promise(self) -> Promise:
        return self.follow_up.promise

    @property
    def charts(self) -> list[Chart]:
        found = [self.verdict_chart, self.progress_chart]
        found += [i.chart for i in self.indicators]
        return [c for c in found if c is not None]


def _activity_row(activity: Activity) -> ActivityRow:
    people = activity.counts_people
    return ActivityRow(
        activity=activity,
        done=public_count(activity.done_quantity, counts_people=people),
        target=public_count(activity.target_quantity, counts_people=people),
    )


def _verdict_chart(commitments: list[CommitmentProgress]) -> Chart | None:
    verdicts = [c.verdict.verdict for c in commitments if c.verdict is not None]
    if not verdicts:
        return None
    choices = list(VerdictChoice)
    return bar_chart(
        _("Åtagandena efter bedömning (antal åtaganden)"),
        [str(choice.label) for choice in choices],
        [Point(public_count(verdicts.count(c.value), counts_people=False)) for c in choices],
        label_heading=_("Bedömning"),
        whole_numbers=True,
    )


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _progress_chart(commitments: list[CommitmentProgress]) -> Chart | None:
    planned = [c for c in commitments if c.total]
    if not planned:
        return None
    chart = interval_chart(
        _("Andel genomförda aktiviteter per åtagande (procent)"),
        [f"{n}. {_short(c.commitment.text)}" for n, c in enumerate(planned, start=1)],
        [
            Point(public_count(share_of_target(c.done, c.total), counts_people=False))
            for c in planned
        ],
        label_heading=_("Åtagande"),
    )
    # The table says what the chart shows the way the report says it: "9 av 15".
    chart.table.columns = [_("Åtagande"), _("Genomförda aktiviteter"), _("Andel")]
    chart.table.rows = [
        [row[0], c.done_text, row[1]] for row, c in zip(chart.table.rows, planned, strict=True)
    ]
    return chart


def _indicator_section(indicator: Indicator, assessments: dict) -> IndicatorSection:
    people = indicator.counts_people
    measurements = list(indicator.measurements.all())
    figures = [(m, public_count(m.value, counts_people=people)) for m in measurements]
    assessment = assessments.get(indicator.pk)
    chart = None
    if measurements:
        points = [
            Point(
                fig,
                float(m.low) if m.low is not None and fig.shown else None,
                float(m.high) if m.high is not None and fig.shown else None,
            )
            for m, fig in figures
        ]
        unit = indicator.unit or ""
        chart = line_chart(
            _("%(name)s: mätvärden") % {"name": indicator.name},
            [formats.date_format(m.date, "j b Y") for m in measurements],
            [Series(indicator.name, points)],
            unit=unit,
            decimals=1,
            axis_max=100 if unit.strip() == "%" else None,
            x_heading=_("Mätdatum"),
        )
    return IndicatorSection(
        indicator=indicator,
        light=assessment.light if assessment else "",
        light_label=str(assessment.get_light_display()) if assessment else "",
        comment=assessment.comment if assessment else "",
        baseline=public_count(indicator.baseline, counts_people=people),
        target=public_count(indicator.target, counts_people=people),
        chart=chart,
        measurements=figures,
    )


def council_report(follow_up: FollowUp) -> CouncilReport:
    promise = follow_up.promise
    activities = (
        Activity.objects.with_progress().select_related("responsible").order_by("start", "id")
    )
    commitments = list(
        Commitment.objects.with_progress()
        .filter(promise=promise)
        .select_related("party")
        .prefetch_related(Prefetch("activities", queryset=activities))
        .order_by("order", "id")
    )
    verdicts = {v.commitment_id: v for v in follow_up.verdicts.all()}
    rows = [
        CommitmentProgress(
            commitment=c,
            verdict=verdicts.get(c.pk),
            activities=[_activity_row(a) for a in c.activities.all()],
            done=c.activities_done,
            total=c.activity_count,
        )
        for c in commitments
    ]
    assessments = {a.indicator_id: a for a in follow_up.assessments.all()}
    indicators = [
        _indicator_section(i, assessments)
        for i in promise.indicators.prefetch_related("measurements").order_by("name")
    ]
    parties = list(promise.parties.select_related("municipality"))
    return CouncilReport(
        follow_up=follow_up,
        municipalities=[p.name for p in parties if p.is_municipality],
        police_areas=[p.name for p in parties if not p.is_municipality],
        commitments=rows,
        verdict_chart=_verdict_chart(rows),
        progress_chart=_progress_chart(rows),
        indicators=indicators,
        action_plan_measures=_action_plan_measures(promise),
        activity_count=sum(r.total for r in rows),
        activities_done=sum(r.done for r in rows),
    )


def _action_plan_measures(promise: Promise) -> list[ActionPlanMeasure]:
    return list(
        ActionPlanMeasure.objects.filter(promises=promise)
        .select_related("plan__municipality", "responsible")
        .order_by("plan__municipality__name", "plan_id", "order", "id")
        .distinct()
    )
