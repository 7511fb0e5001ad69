"""The one place where small numbers are suppressed before they are published (DOMAIN.md §7).

Every public figure that counts people (respondents, individuals reached) goes through
`public_count`; templates show the result with `{% public_figure %}`, which renders suppressed,
missing and zero differently.
"""

from dataclasses import dataclass
from enum import Enum

from django.conf import settings


class FigureState(Enum):
    SHOWN = "shown"
    SUPPRESSED = "suppressed"
    MISSING = "missing"


@dataclass(frozen=True)
class PublicFigure:
    state: FigureState
    value: float | int | None = None

    def as_dict(self) -> dict:
        """The figure as published in machine-readable outputs (API, open data): the value only
        when it is shown, always with its state, so suppressed, missing and zero stay distinct."""
        shown = self.state is FigureState.SHOWN
        value = self.value
        if shown and value is not None and not isinstance(value, int) and value == int(value):
            value = int(value)
        return {"state": self.state.value, "value": value if shown else None}


def public_count(value: float | int | None, *, counts_people: bool) -> PublicFigure:
    """A figure safe to publish: a count of people below the minimum cell size is suppressed.

    Zero is a real figure and is shown as 0; only 1..minimum-1 is suppressed, so zero, missing
    and suppressed stay distinct.
    """
    if value is None:
        return PublicFigure(FigureState.MISSING)
    if counts_people and 0 < value < settings.PRIVACY_MIN_CELL:
        return PublicFigure(FigureState.SUPPRESSED)
    return PublicFigure(FigureState.SHOWN, value)
