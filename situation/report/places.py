"""Points as the lägesbild may show them: each through core.privacy.public_point (coarsened
unless a moderator approved the precise place), then counted per public place."""

from collections import Counter

from django.conf import settings

from core.privacy import public_count, public_point
from situation.report.figures import MapCell


def public_places(
    points: list[tuple[float, float, bool]], *, counts_people: bool = True
) -> list[MapCell]:
    """(lat, lon, precise approved) → one MapCell per public place with its count, most first."""
    places: Counter = Counter()
    for lat, lon, precise in points:
        public = public_point(lat, lon, precise_approved=precise)
        places[(public.lat, public.lon, public.precise)] += 1
    size = float(settings.PUBLIC_POINT_GRID_METRES)
    return [
        MapCell(lat, lon, public_count(n, counts_people=counts_people), 0.0 if precise else size)
        for (lat, lon, precise), n in sorted(places.items(), key=lambda i: (-i[1], i[0]))
    ]
