"""Points as the lägesbild may show them: counted per cell of a grid of LAGESBILD_MAP_GRID_METRES
(default 500 m, coarser than the public map's points, so that a count says something), through
core.privacy's one coarsening function, with counts of people suppressed when small."""

from collections import Counter

from django.conf import settings

from core.privacy import coarsen_point, public_count
from situation.report.figures import MapCell


def public_places(
    points: list[tuple[float, float, bool]], *, counts_people: bool = True
) -> list[MapCell]:
    """(lat, lon, precise approved) → one MapCell per grid cell with its count, most first.
    A moderator's approval of a precise point does not matter here: every point is counted in
    its cell."""
    size = float(getattr(settings, "LAGESBILD_MAP_GRID_METRES", 500))
    cells = Counter(coarsen_point(lat, lon, size) for lat, lon, _precise in points)
    return [
        MapCell(lat, lon, public_count(n, counts_people=counts_people), size)
        for (lat, lon), n in sorted(cells.items(), key=lambda i: (-i[1], i[0]))
    ]
