"""What the public pages show, assembled with a fixed number of queries whatever the data size.

Views call these; templates only lay the result out.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q, QuerySet

from core.privacy import PublicFigure, minimum_breakdown, minimum_cell, public_count
from organisations.models import Contact, Municipality, Organisation
from participation.public import heard_for_promise, municipality_voices
from participation.public_reports import municipality_reports_summary, report_map
from promises.analysis import share_of_target, traffic_light
from promises.models import (
    Activity,
    Agreement,
    Commitment,
    FollowUp,
    Indicator,
    IndicatorAssessment,
    Measurement,
    ProgressUpdate,
    Promise,
    Verdict,
)
from promises.models.promises import commitment_group_heading
from situation.models import SituationReport
from situation.public import measures_for_promise, public_action_plans
from surveys.results.charts import public_indicator_chart, trend_chart
from surveys.results.public import public_surveys


@dataclass
class ActivityView:
    activity: Activity
    done: PublicFigure
    target: PublicFigure
    percent: int | None


@dataclass
class CommitmentView:
    commitment: Commitment
    activities: list[ActivityView]
    percent: int | None
    shows_quantity: bool

    @property
    def hidden_activities(self) -> int:
        """Activities left out of a shortened list (see ACTIVITIES_ON_MUNICIPALITY_PAGE)."""
        return self.commitment.activity_count - len(self.activities)


@dataclass
class CommitmentGroup:
    heading: str
    commitments: list[CommitmentView] = field(default_factory=list)


@dataclass
class IndicatorView:
    indicator: Indicator
    measurements: list[tuple[Measurement, PublicFigure]]
    baseline: PublicFigure
    target: PublicFigure
    latest: PublicFigure
    light: str | None


@dataclass
class PromiseView:
    promise: Promise
    groups: list[CommitmentGroup]
    follow_ups: list[FollowUp]
    indicators: list[IndicatorView]
    activity_count: int
    activities_done: int
    municipality_count: int


_GROUP_ORDER = [Commitment.Giver.POLICE, Commitment.Giver.MUNICIPALITIES, Commitment.Giver.TOGETHER]


# The municipality page is an overview: per commitment the totals and the first few activities,
# with a link to the promise page that lists them all. The page then costs the same to render
# whether a promise has 5 activities or 500 (bench/bench_public_page.py).
ACTIVITIES_ON_MUNICIPALITY_PAGE = 3
UPDATES_ON_MUNICIPALITY_PAGE = 10


def public_promises(activities_per_commitment: int | None = None) -> QuerySet[Promise]:
    """Public promises with everything their page shows, prefetched in a constant number of
    queries. `activities_per_commitment` shortens the activity lists."""
    # The names the pages show are joined in as columns: a plan has hundreds of activities, and
    # building or prefetching an organisation per activity would cost per row.
    activities = Activity.objects.with_progress().annotate(
        responsible_name=F("responsible__name"), focus_area_name=F("focus_area__name")
    )
    if activities_per_commitment is not None:
        activities = activities.first_per_commitment(activities_per_commitment)
    commitments = (
        Commitment.objects.with_progress()
        .select_related("party", "focus_area")
        .prefetch_related(Prefetch("activities", queryset=activities))
    )
    follow_ups = FollowUp.objects.filter(is_published=True).prefetch_related(
        Prefetch("verdicts", queryset=Verdict.objects.select_related("commitment")),
        Prefetch(
            "assessments",
            queryset=IndicatorAssessment.objects.filter(indicator__is_public=True).select_related(
                "indicator"
            ),
        ),
    )
    indicators = Indicator.objects.filter(is_public=True).prefetch_related("measurements")
    parties = Organisation.objects.select_related("municipality", "police_area")
    return (
        Promise.objects.public()
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            "focus_areas",
            Prefetch("commitments", queryset=commitments),
            Prefetch("follow_ups", queryset=follow_ups, to_attr="published_follow_ups"),
            Prefetch("indicators", queryset=indicators, to_attr="public_indicators"),
            Prefetch(
                "situation_reports",
                queryset=SituationReport.objects.published().order_by("-period_end"),
                to_attr="published_situation_reports",
            ),
            "revisions",
        )
        .select_related("agreement", "successor")
    )


def _activity_view(activity: Activity) -> ActivityView:
    people = activity.counts_people
    return ActivityView(
        activity=activity,
        done=public_count(activity.done_quantity, counts_people=people),
        target=public_count(activity.target_quantity, counts_people=people),
        percent=None
        if people
        else share_of_target(activity.done_quantity, activity.target_quantity),
    )


def _commitment_view(commitment: Commitment) -> CommitmentView:
    counts_people = commitment.people_activity_count > 0
    return CommitmentView(
        commitment=commitment,
        activities=[_activity_view(a) for a in commitment.activities.all()],
        percent=share_of_target(commitment.done_quantity, commitment.target_quantity),
        shows_quantity=bool(commitment.target_quantity) and not counts_people,
    )


def _indicator_view(indicator: Indicator) -> IndicatorView:
    people = indicator.counts_people
    measurements = list(indicator.measurements.all())
    latest = measurements[-1].value if measurements else None
    return IndicatorView(
        indicator=indicator,
        measurements=[(m, public_count(m.value, counts_people=people)) for m in measurements],
        baseline=public_count(indicator.baseline, counts_people=people),
        target=public_count(indicator.target, counts_people=people),
        latest=public_count(latest, counts_people=people),
        light=traffic_light(
            baseline=indicator.baseline,
            target=indicator.target,
            latest=latest,
            higher_is_better=indicator.direction == Indicator.Direction.UP,
        ),
    )


def promise_view(promise: Promise) -> PromiseView:
    """Commitments grouped "Polisen lovar att …", "Kommunerna lovar att …", "Tillsammans …"."""
    parties = list(promise.parties.all())
    municipality_count = sum(1 for p in parties if p.is_municipality)
    groups: OrderedDict[str, CommitmentGroup] = OrderedDict()
    commitments = sorted(
        promise.commitments.all(),
        key=lambda c: (
            _GROUP_ORDER.index(c.group_key) if c.group_key in _GROUP_ORDER else 3,
            c.party.name if c.party else "",
            c.order,
            c.pk,
        ),
    )
    for commitment in commitments:
        key = commitment.group_key
        if key not in groups:
            name = commitment.party.name if commitment.party else ""
            groups[key] = CommitmentGroup(
                commitment_group_heading(commitment.group_key, municipality_count, name)
            )
        groups[key].commitments.append(_commitment_view(commitment))
    views = [cv for g in groups.values() for cv in g.commitments]
    return PromiseView(
        promise=promise,
        groups=list(groups.values()),
        follow_ups=promise.published_follow_ups,
        indicators=[_indicator_view(i) for i in promise.public_indicators],
        activity_count=sum(cv.commitment.activity_count for cv in views),
        activities_done=sum(cv.commitment.activities_done for cv in views),
        municipality_count=municipality_count,
    )


def public_updates(promise_ids: list[int], limit: int = 30) -> list[ProgressUpdate]:
    return list(
        ProgressUpdate.objects.published()
        .filter(activity__commitment__promise_id__in=promise_ids)
        .select_related(
            "activity__commitment__promise", "activity__responsible", "author_organisation"
        )
        .order_by("-date", "-id")[:limit]
    )


def contacts_for(municipality: Municipality) -> list[Contact]:
    """Contacts by role: the municipality's own organisations, and its police area's contacts
    that concern this municipality or the whole area."""
    return list(
        Contact.objects.filter(
            Q(organisation__municipality=municipality, municipality__isnull=True)
            | Q(municipality=municipality)
            | Q(organisation__police_area__municipalities=municipality, municipality__isnull=True)
        )
        .select_related("organisation")
        .distinct()
        .order_by("organisation__kind", "order", "role_title")
    )


def municipality_page(municipality: Municipality) -> dict:
    promises = list(
        public_promises(ACTIVITIES_ON_MUNICIPALITY_PAGE)
        .for_municipality(municipality.pk)
        .distinct()
    )
    current = [promise_view(p) for p in promises if p.status == Promise.Status.PUBLISHED]
    earlier = [p for p in promises if p.status != Promise.Status.PUBLISHED]
    agreements = list(
        Agreement.objects.public()
        .filter(parties__municipality=municipality, parties__kind=Organisation.Kind.MUNICIPALITY)
        .prefetch_related("parties", "groups")
        .distinct()
    )
    return {
        "municipality": municipality,
        "safety_surveys": public_surveys(municipality, trend=False),
        "police_areas": list(municipality.police_areas.all()),
        "current": current,
        "earlier": earlier,
        "updates": public_updates([v.promise.pk for v in current], UPDATES_ON_MUNICIPALITY_PAGE),
        "agreements": agreements,
        "contacts": contacts_for(municipality),
        "voices": municipality_voices(municipality),
        "action_plans": public_action_plans(municipality),
        "situation_reports": list(
            SituationReport.objects.published().of_municipality(municipality.pk)
        ),
        "reports": municipality_reports_summary(municipality),
        "report_map": report_map(municipality, block_id="kommun-karta"),
    }


def safety_survey_page(municipality: Municipality, wave_id: int | None) -> dict | None:
    """A municipality's safety survey results (surveys.results.public), None when there are
    none (or no such closed wave)."""
    surveys = public_surveys(municipality, wave_id=wave_id)
    if not surveys:
        return None
    for survey in surveys:
        survey.chart = public_indicator_chart(survey)
        for indicator in survey.indicators:
            if len(indicator.trend) > 1:
                indicator.chart = trend_chart(indicator)
    return {
        "municipality": municipality,
        "surveys": surveys,
        "min_cell": minimum_cell(),
        "min_breakdown": minimum_breakdown(),
    }


def promise_page(promise_id: int) -> dict | None:
    promise = public_promises().filter(pk=promise_id).first()
    if promise is None:
        return None
    return {
        "view": promise_view(promise),
        "promise": promise,
        "updates": public_updates([promise.pk]),
        "municipalities": [p.municipality for p in promise.parties.all() if p.is_municipality],
        "heard": heard_for_promise(promise),
        "action_plan_measures": measures_for_promise(promise),
    }
