"""A small outline map of a municipality and its areas' boundaries, as SVG paths for the
staff page (no tile server, no JavaScript). The list of areas beside it is the text
alternative."""

import math
from dataclasses import dataclass

from organisations.models import Area, Municipality
from organisations.models.areas import boundary_geometry

WIDTH = 400
COLOURS = ["#1d70b8", "#00703c", "#d4351c", "#912b88", "#f47738", "#28a197", "#b58840"]


@dataclass
class MapShape:
    name: str
    path: str
    colour: str


@dataclass
class OutlineMap:
    view_box: str
    outline: str
    shapes: list[MapShape]


def _polygons(geometry: dict | None) -> list:
    geometry = boundary_geometry(geometry)
    if geometry is None:
        return []
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def areas_map(municipality: Municipality, areas: list[Area]) -> OutlineMap | None:
    """None when there is nothing to draw."""
    drawn = [a for a in areas if a.boundary]
    outline = _polygons(municipality.boundary)
    everything = outline + [p for a in drawn for p in _polygons(a.boundary)]
    points = [pt for polygon in everything for ring in polygon for pt in ring]
    if not points or not drawn:
        return None
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    stretch = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / max((east - west) * stretch, 1e-9)
    height = max((north - south) * scale, 1.0)

    def path(polygons: list) -> str:
        parts = []
        for polygon in polygons:
            for ring in polygon:
                coords = [
                    f"{(lon - west) * stretch * scale:.1f},{(north - lat) * scale:.1f}"
                    for lon, lat, *_ in ring
                ]
                parts.append("M" + " L".join(coords) + " Z")
        return " ".join(parts)

    return OutlineMap(
        view_box=f"-4 -4 {WIDTH + 8} {height + 8:.1f}",
        outline=path(outline),
        shapes=[
            MapShape(a.name, path(_polygons(a.boundary)), COLOURS[i % len(COLOURS)])
            for i, a in enumerate(drawn)
        ],
    )
