"""Plain factories for the lägesbild: police events, crime statistics, EST, lägesbilder and
åtgärdsplaner."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from organisations.models import Municipality, Organisation
from situation.models import (
    ActionPlan,
    ActionPlanMeasure,
    CrimeCategory,
    CrimeStatistic,
    EstCategory,
    EstObservation,
    PoliceEvent,
    SituationReport,
    SuggestedFocusArea,
    WeeklyCompilation,
)

D = datetime.date


def municipality(code: str = "1419") -> Municipality:
    return Municipality.objects.get(code=code)


def police_event(police_id: int, code: str | None = "1419", **fields: object) -> PoliceEvent:
    m = municipality(code) if code else None
    published = timezone.make_aware(datetime.datetime(2025, 6, 7, 6, 38))
    defaults = {
        "published_at": published,
        "occurred_on": published.date(),
        "occurred_time": datetime.time(6, 32),
        "name": f"07 juni 06.32, Misshandel, {m.name if m else 'Västra Götalands län'}",
        "summary": "Man gripen.",
        "url": f"https://polisen.se/aktuellt/handelser/2025/juni/7/{police_id}/",
        "type": "Misshandel",
        "location_name": m.name if m else "Västra Götalands län",
        "municipality": m,
        "county": m.county if m else None,
    }
    return PoliceEvent.objects.create(police_id=police_id, **{**defaults, **fields})


def crime_category(code: str = "samtliga", name: str = "Samtliga brott", **fields: object):
    # Brå's categories are reference data (situation/data/bra_categories.csv): reuse them.
    return CrimeCategory.objects.update_or_create(code=code, defaults={"name": name, **fields})[0]


def crime_statistic(
    category: CrimeCategory, code: str = "1419", year: int = 2024, **fields: object
) -> CrimeStatistic:
    defaults = {"value": Decimal(120), "source": "Brå, anmälda brott"}
    if fields.get("marker"):
        defaults["value"] = None
    return CrimeStatistic.objects.create(
        municipality=municipality(code), year=year, category=category, **{**defaults, **fields}
    )


def est_category(
    code: str = "klotter", name: str = "Klotter", organisation: Organisation | None = None
) -> EstCategory:
    """The checklist item, made when it is not there (the standard items come by migration)."""
    return EstCategory.objects.get_or_create(
        code=code, organisation=organisation, defaults={"name": name}
    )[0]


def observation(
    organisation: Organisation,
    category: EstCategory,
    reporter: AbstractBaseUser | None = None,
    **fields: object,
) -> EstObservation:
    defaults = {
        "municipality": organisation.municipality or municipality(),
        "observed_on": D(2025, 5, 12),
        "time_of_day": EstObservation.TimeOfDay.EVENING,
        "description": "Nytt klotter på busskuren.",
    }
    return EstObservation.objects.create(
        organisation=organisation, category=category, reporter=reporter, **{**defaults, **fields}
    )


def compilation(organisation: Organisation, **fields: object) -> WeeklyCompilation:
    defaults = {
        "municipality": organisation.municipality or municipality(),
        "iso_year": 2025,
        "iso_week": 20,
        "decided_actions": "Extra städning vid torget.",
    }
    return WeeklyCompilation.objects.create(organisation=organisation, **{**defaults, **fields})


def situation_report(
    organisation: Organisation, municipalities: list[Municipality], **fields: object
) -> SituationReport:
    defaults = {
        "title": "Lägesbild 2024",
        "period_start": D(2024, 1, 1),
        "period_end": D(2024, 12, 31),
    }
    if fields.get("status") == SituationReport.Status.PUBLISHED:
        defaults["published_at"] = timezone.now()
    report = SituationReport.objects.create(organisation=organisation, **{**defaults, **fields})
    report.municipalities.set(municipalities)
    return report


def focus_area(report: SituationReport, **fields: object) -> SuggestedFocusArea:
    defaults = {"title": "Trafiksäkerhet", "place_situation": "Centrumvägen kvällstid"}
    return SuggestedFocusArea.objects.create(report=report, **{**defaults, **fields})


def action_plan(code: str = "1419", **fields: object) -> ActionPlan:
    defaults = {
        "title": "Åtgärdsplan mot brott 2024–2025",
        "decision_body": "Kommunfullmäktige",
        "decided_on": D(2024, 6, 17),
        "paragraph": "§ 87",
    }
    return ActionPlan.objects.create(municipality=municipality(code), **{**defaults, **fields})


def measure(plan: ActionPlan, text: str = "Bättre belysning i centrum", **fields: object):
    return ActionPlanMeasure.objects.create(plan=plan, text=text, **fields)
