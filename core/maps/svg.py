"""The same GeoJSON features as the map block, drawn as a static SVG: for print (PDF) and
anywhere a map must be readable without JavaScript. Places are numbered circles, so the table
beside the map (which every map has) can say what each number is; the background is the
municipality's boundary, and nothing is fetched from a tile server.
"""

import hashlib
import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 480.0
MARGIN = 14.0
INK = "#0b0c0c"
PLACE = "#b3261e"
CELL_FILLS = ("#f6d5d1", "#eba39b", "#d9695e")


def _coordinates(geometry: dict) -> list[list[list[list[float]]]]:
    """Polygons as lists of rings of [lon, lat]."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def svg_map(features: list[dict], *, title: str, width: float = WIDTH) -> SafeString:
    """Polygons (role "background" filled, "area" dashed, "cell" shaded by its level) and points (role "place") with the
    `number` property written in the circle. Fitted to the points when there are any (else to
    the polygons). Empty when there is nothing to draw."""
    points = [f for f in features if f["geometry"]["type"] == "Point"]
    shapes = [f for f in features if f["geometry"]["type"] != "Point"]
    lons, lats = [], []
    for f in points:
        lon, lat = f["geometry"]["coordinates"][:2]
        lons.append(lon)
        lats.append(lat)
    if not points:
        for f in shapes:
            for polygon in _coordinates(f["geometry"]):
                for ring in polygon:
                    lons += [p[0] for p in ring]
                    lats += [p[1] for p in ring]
    if not lons:
        return mark_safe("")
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    if points:  # fitted to the places, with room around them; the background is cut at the edge
        pad_lat = max((north - south) * 0.25, 0.01)
        pad_lon = max((east - west) * 0.25, 0.02)
        west, east, south, north = west - pad_lon, east + pad_lon, south - pad_lat, north + pad_lat
    stretch = math.cos(math.radians((south + north) / 2))
    span = max((east - west) * stretch, (north - south), 1e-4)
    scale = (width - 2 * MARGIN) / span
    height = (north - south) * scale + 2 * MARGIN

    def xy(lon: float, lat: float) -> str:
        return f"{MARGIN + (lon - west) * stretch * scale:.1f},{MARGIN + (north - lat) * scale:.1f}"

    parts = []
    for f in shapes:
        role = f["properties"].get("role")
        path = " ".join(
            "M" + " L".join(xy(p[0], p[1]) for p in ring) + " Z"
            for polygon in _coordinates(f["geometry"])
            for ring in polygon
        )
        if role == "background":
            style = 'fill="#e8eef5" stroke="#0b3b60" stroke-width="1.2"'
        elif role == "cell":  # a grid cell, darker the higher its `level` (1–3)
            level = int(f["properties"].get("level", 1))
            style = f'fill="{CELL_FILLS[min(max(level, 1), 3) - 1]}" stroke="{PLACE}" stroke-width="0.8"'
        else:
            style = 'fill="none" stroke="#1d4f91" stroke-width="1" stroke-dasharray="4 3"'
        parts.append(f'<path d="{path}" {style} fill-rule="evenodd"/>')
    for f in points:
        lon, lat = f["geometry"]["coordinates"][:2]
        x, y = xy(lon, lat).split(",")
        number = escape(str(f["properties"].get("number", "")))
        radius = 10.0
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="{radius:.1f}" fill="{PLACE}" stroke="#fff" '
            f'stroke-width="1.2"/><text x="{x}" y="{float(y) + 4:.1f}" text-anchor="middle" '
            f'font-size="11" font-weight="700" fill="#fff">{number}</text>'
        )
    label = escape(title)
    clip = "clip-" + hashlib.sha1("".join(parts).encode()).hexdigest()[:10]
    return mark_safe(
        f'<svg class="map-svg" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg" overflow="hidden">'
        f'<title>{label}</title><clipPath id="{clip}"><rect width="{width:.0f}" '
        f'height="{height:.0f}"/></clipPath><g clip-path="url(#{clip})">'
        + "".join(parts)
        + "</g></svg>"
    )
