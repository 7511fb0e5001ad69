from promises.models.activities import Activity, ActivityStatus, PlanRevision, ProgressUpdate
from promises.models.agreements import Agreement, GovernanceGroup
from promises.models.followups import (
    FollowUp,
    Indicator,
    IndicatorAssessment,
    Measurement,
    Verdict,
)
from promises.models.promises import (
    Commitment,
    FocusArea,
    Promise,
    PromiseRevision,
    PromiseStatus,
)

__all__ = [
    "Activity",
    "ActivityStatus",
    "Agreement",
    "Commitment",
    "FocusArea",
    "FollowUp",
    "GovernanceGroup",
    "Indicator",
    "IndicatorAssessment",
    "Measurement",
    "PlanRevision",
    "ProgressUpdate",
    "Promise",
    "PromiseRevision",
    "PromiseStatus",
    "Verdict",
]
