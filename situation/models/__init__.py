from situation.models.est import EstCategory, EstObservation, TimeOfDay, WeeklyCompilation
from situation.models.events import PoliceApiCall, PoliceEvent
from situation.models.plans import ActionPlan, ActionPlanMeasure
from situation.models.reports import SituationReport, SuggestedFocusArea
from situation.models.statistics import CrimeCategory, CrimeStatistic

__all__ = [
    "ActionPlan",
    "ActionPlanMeasure",
    "CrimeCategory",
    "CrimeStatistic",
    "EstCategory",
    "EstObservation",
    "PoliceApiCall",
    "PoliceEvent",
    "SituationReport",
    "SuggestedFocusArea",
    "TimeOfDay",
    "WeeklyCompilation",
]
