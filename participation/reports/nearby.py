"""Published reports like the one being written, near the same place: "Har någon redan
rapporterat det här?". Only public data is used – the moderated text and the public (coarsened
unless approved) point, also for the distance – so the step reveals nothing the map does not."""

import math
from dataclasses import dataclass

from django.conf import settings

from core.privacy import METRES_PER_DEGREE, PublicPoint, public_point
from participation.models import ResidentReport

# At most this many are listed, nearest first.
NEARBY_SHOWN = 5


@dataclass(frozen=True)
class NearbyReport:
    report: ResidentReport
    point: PublicPoint | None
    metres: int | None

    @property
    def text(self) -> str:
        return self.report.public_text


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance: exact enough for a few hundred metres."""
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * METRES_PER_DEGREE
    dx = (a[1] - b[1]) * METRES_PER_DEGREE * math.cos(mean_lat)
    return math.hypot(dx, dy)


def _candidates(municipality_id: int, category_id: int):
    return (
        ResidentReport.objects.public()
        .of_municipality(municipality_id)
        .filter(category_id=category_id)
        .select_related("category", "area")
        .only(
            "id",
            "public_text",
            "latitude",
            "longitude",
            "precise_approved",
            "place_text",
            "status",
            "supporters",
            "created_at",
            "category__name",
            "category__code",
            "area__name",
        )
    )


def nearby_reports(
    *,
    municipality_id: int,
    category_id: int,
    point: tuple[float, float] | None,
    area_id: int | None,
) -> list[NearbyReport]:
    """One query. With a point: reports whose public point lies within REPORT_NEARBY_METRES;
    without one: reports in the same area."""
    reach = settings.REPORT_NEARBY_METRES
    reports = _candidates(municipality_id, category_id)
    if point is None:
        if area_id is None:
            return []
        found = reports.filter(area_id=area_id)[:NEARBY_SHOWN]
        return [
            NearbyReport(
                r, public_point(r.latitude, r.longitude, precise_approved=r.precise_approved), None
            )
            for r in found
        ]
    # A box wide enough for the public point to be within reach: the reach plus a grid cell.
    margin = (reach + settings.PUBLIC_POINT_GRID_METRES) / METRES_PER_DEGREE
    lon_margin = margin / max(math.cos(math.radians(point[0])), 0.01)
    boxed = reports.filter(
        latitude__range=(point[0] - margin, point[0] + margin),
        longitude__range=(point[1] - lon_margin, point[1] + lon_margin),
    )[:200]
    found = []
    for r in boxed:
        shown = public_point(r.latitude, r.longitude, precise_approved=r.precise_approved)
        distance = metres_between(point, (shown.lat, shown.lon))
        if distance <= reach:
            found.append(NearbyReport(r, shown, round(distance / 10) * 10))
    found.sort(key=lambda n: n.metres)
    return found[:NEARBY_SHOWN]
