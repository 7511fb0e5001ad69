"""The shared map block: a Leaflet map drawn from GeoJSON that the view gives.

A view builds a `MapBlock` and the template includes "maps/map.html" with it (and
"maps/assets.html" once in the page's head). The map needs JavaScript; it is hidden without it,
so every page that uses it must offer a list alternative (areas to choose, a table of places).

Background: with no tile server configured (MAP_TILE_URL empty, the default) nothing is fetched
from outside; the municipality's boundary and its areas are drawn instead and the map is fitted
to them. Features carry a `role` property that the script styles: "background" (the boundary),
"area" (a named area, labelled with its name), "place" (a marker with a popup text, shown as
text, and an optional link `href` named `link`). With `data_url` the script fetches the features
from that URL instead of reading them from the page. In input mode the map writes "LAT,LON" into
the form element `input_id` (checking it when it is a radio button), which is how
surveys.validation reads a point.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings

from organisations.models import Area, Municipality
from organisations.models.areas import boundary_geometry


def feature(geometry: dict, **properties: object) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def point_feature(lat: float, lon: float, **properties: object) -> dict:
    """A place; GeoJSON orders coordinates longitude first."""
    return feature({"type": "Point", "coordinates": [lon, lat]}, role="place", **properties)


def feature_collection(features: Iterable[dict]) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def municipality_background(municipality: Municipality, areas: Iterable[Area] = ()) -> list[dict]:
    """The municipality's boundary and the areas that have one, as background features."""
    features = []
    outline = boundary_geometry(municipality.boundary) if municipality.boundary else None
    if outline:
        features.append(feature(outline, role="background", name=municipality.name))
    for area in areas:
        geometry = boundary_geometry(area.boundary) if area.boundary else None
        if geometry:
            features.append(feature(geometry, role="area", name=area.name, code=area.code))
    return features


@dataclass(frozen=True)
class MapTexts:
    """What the map's controls say, in the page's language (the caller translates)."""

    label: str
    help: str = ""
    place_centre: str = ""
    remove: str = ""
    marked: str = ""
    none: str = ""
    marker: str = ""
    zoom_in: str = "+"
    zoom_out: str = "−"


@dataclass(frozen=True)
class MapBlock:
    id: str
    texts: MapTexts
    features: list[dict] = field(default_factory=list)
    input_id: str = ""
    marker: tuple[float, float] | None = None
    # A view answering GeoJSON (e.g. participation:map_data): fetched by the script instead of
    # carrying the features in the page, so the page stays small and cacheable.
    data_url: str = ""
    tile_url: str = field(default_factory=lambda: settings.MAP_TILE_URL)
    attribution: str = field(default_factory=lambda: settings.MAP_TILE_ATTRIBUTION)

    @property
    def data_id(self) -> str:
        return f"{self.id}-data"

    @property
    def geojson(self) -> dict:
        return feature_collection(self.features)

    @property
    def marker_value(self) -> str:
        return f"{self.marker[0]},{self.marker[1]}" if self.marker else ""


def tile_origin() -> str:
    """The tile server's origin, for the Content-Security-Policy (empty without tiles)."""
    url = settings.MAP_TILE_URL
    if not url.startswith(("https://", "http://")):
        return ""
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0]
    return f"{scheme}://{host.replace('{s}', '*')}"
