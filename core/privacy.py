"""The one place where small numbers are suppressed before they are published (DOMAIN.md §7).

Every public figure that counts people (respondents, individuals reached) goes through
`public_count`; templates show the result with `{% public_figure %}`, which renders suppressed,
missing and zero differently.
"""

import math
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


# Public map points (DOMAIN.md §7): every point shown publicly passes through `public_point`.
# A precise point is published only when a moderator has approved it; otherwise it is moved to
# the centre of its cell in a grid of PUBLIC_POINT_GRID_METRES (default 200 m).
METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class PublicPoint:
    lat: float
    lon: float
    precise: bool


def coarsen_point(lat: float, lon: float, grid_metres: float | None = None) -> tuple[float, float]:
    """The centre of the grid cell the point lies in. Rows are `grid_metres` of latitude; each
    row is cut into cells `grid_metres` wide at the row's centre latitude, so cells stay square
    from Skåne to Norrbotten and a point always lands on the same public centre."""
    size = float(grid_metres or settings.PUBLIC_POINT_GRID_METRES)
    step_lat = size / METRES_PER_DEGREE
    row = math.floor(lat / step_lat)
    centre_lat = (row + 0.5) * step_lat
    step_lon = size / (METRES_PER_DEGREE * math.cos(math.radians(centre_lat)))
    column = math.floor(lon / step_lon)
    return (round(centre_lat, 6), round((column + 0.5) * step_lon, 6))


def public_point(
    lat: float | None, lon: float | None, *, precise_approved: bool
) -> PublicPoint | None:
    """The point as it may be published: precise only with a moderator's approval."""
    if lat is None or lon is None:
        return None
    if precise_approved:
        return PublicPoint(round(lat, 6), round(lon, 6), precise=True)
    c_lat, c_lon = coarsen_point(lat, lon)
    return PublicPoint(c_lat, c_lon, precise=False)
