from surveys.models.bank import Item, ItemKind, ItemVersion, translated
from surveys.models.rules import IndicatorRule, SurveyIndicator
from surveys.models.surveys import Question, Section, Survey, SurveyLanguage
from surveys.models.waves import (
    Invitation,
    Margin,
    Response,
    ResponseDraft,
    ResponseMode,
    Wave,
    WaveStatus,
)

__all__ = [
    "IndicatorRule",
    "Invitation",
    "Item",
    "ItemKind",
    "ItemVersion",
    "Margin",
    "Question",
    "Response",
    "ResponseDraft",
    "ResponseMode",
    "Section",
    "Survey",
    "SurveyIndicator",
    "SurveyLanguage",
    "Wave",
    "WaveStatus",
    "translated",
]
