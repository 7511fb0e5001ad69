from participation.models.dialogues import Dialogue, DialogueRemark
from participation.models.reports import (
    Moderation,
    Open311Key,
    PhotoState,
    ReportCategory,
    ReportContact,
    ReportStatus,
    ReportUpdate,
    ResidentReport,
    ResponseTemplate,
)
from participation.models.walks import SafetyWalk, WalkAction, WalkStop

__all__ = [
    "Dialogue",
    "DialogueRemark",
    "Moderation",
    "Open311Key",
    "PhotoState",
    "ReportCategory",
    "ReportContact",
    "ReportStatus",
    "ReportUpdate",
    "ResidentReport",
    "ResponseTemplate",
    "SafetyWalk",
    "WalkAction",
    "WalkStop",
]
