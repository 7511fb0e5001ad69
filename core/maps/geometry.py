"""Which area a point lies in: point-in-polygon on GeoJSON geometries (WGS84, lon/lat), for
placing a marked point in one of a municipality's areas. Planar ray casting, good enough for
areas the size of a town; a point exactly on a border may fall on either side."""

from collections.abc import Iterable, Sequence

from organisations.models.areas import boundary_geometry


def _in_ring(lon: float, lat: float, ring: Sequence[Sequence[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, list(ring[1:]) + [ring[0]], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _in_polygon(lon: float, lat: float, rings: Sequence) -> bool:
    """Inside the outer ring and in none of the holes."""
    if not rings or not _in_ring(lon, lat, [p[:2] for p in rings[0]]):
        return False
    return not any(_in_ring(lon, lat, [p[:2] for p in hole]) for hole in rings[1:])


def contains(boundary: object, lat: float, lon: float) -> bool:
    """Whether a boundary (a Polygon or MultiPolygon, bare or as a Feature) holds the point."""
    geometry = boundary_geometry(boundary)
    if geometry is None:
        return False
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return any(_in_polygon(lon, lat, rings) for rings in polygons)


def area_at(areas: Iterable[object], lat: float, lon: float) -> object | None:
    """The first area whose boundary holds the point (areas without a boundary never do)."""
    return next((a for a in areas if a.boundary and contains(a.boundary, lat, lon)), None)
