"""Checking that a point is in Sweden and (roughly) in the municipality it is reported to."""

from surveys.validation import SWEDEN_BOUNDS

# A point this far (in degrees) outside the municipality's simplified boundary box is refused.
BOUNDARY_MARGIN = 0.05

Box = tuple[float, float, float, float]  # south, north, west, east


def boundary_box(geometry: dict | None) -> Box | None:
    """(south, north, west, east) of a GeoJSON Polygon or MultiPolygon."""
    if not geometry or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    points = [p for polygon in polygons for ring in polygon for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (min(lats), max(lats), min(lons), max(lons)) if points else None


def inside(box: Box, lat: float, lon: float, margin: float) -> bool:
    south, north, west, east = box
    return south - margin <= lat <= north + margin and west - margin <= lon <= east + margin


def in_sweden(lat: float, lon: float) -> bool:
    return inside(SWEDEN_BOUNDS, lat, lon, margin=0)


def in_municipality(geometry: dict | None, lat: float, lon: float) -> bool:
    """True also when the municipality has no boundary to check against."""
    box = boundary_box(geometry)
    return box is None or inside(box, lat, lon, BOUNDARY_MARGIN)


def parse_point(text: str) -> tuple[float, float] | None:
    """ "LAT,LON" as the map block writes it; None when it is not two numbers."""
    parts = text.split(",")
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if lat != lat or lon != lon:  # NaN
        return None
    return round(lat, 6), round(lon, 6)
