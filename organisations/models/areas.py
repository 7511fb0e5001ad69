"""Areas within a municipality (bostadsområden, stadsdelar) that a coordinator defines.

Surveys stratify and report by them, residents' reports and EST observations can be placed in
them, and the lägesbild breaks figures down by them. A boundary is optional: many municipalities
name their areas long before anyone has drawn them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models.reference import Municipality

GEOMETRY_TYPES = {"Polygon", "MultiPolygon"}


def validate_boundary(value: object) -> None:
    """A GeoJSON Polygon or MultiPolygon (a bare geometry, a Feature or a one-feature
    FeatureCollection), in WGS84 longitude/latitude."""
    geometry = boundary_geometry(value)
    if geometry is None:
        raise ValidationError(
            _(
                "Gränsen måste vara GeoJSON av typen Polygon eller MultiPolygon (eller en "
                "Feature med en sådan geometri)."
            )
        )
    for lon, lat in _points(geometry):
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValidationError(
                _("Koordinaten %(point)s är inte longitud, latitud i WGS84.")
                % {"point": f"{lon}, {lat}"}
            )


def boundary_geometry(value: object) -> dict | None:
    if not isinstance(value, dict):
        return None
    if value.get("type") == "FeatureCollection":
        features = value.get("features") or []
        value = features[0] if len(features) == 1 else None
    if isinstance(value, dict) and value.get("type") == "Feature":
        value = value.get("geometry")
    is_polygon = isinstance(value, dict) and value.get("type") in GEOMETRY_TYPES
    return value if is_polygon and isinstance(value.get("coordinates"), list) else None


def _points(geometry: dict) -> list[tuple[float, float]]:
    rings = geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        rings = [ring for polygon in rings for ring in polygon]
    points = []
    for ring in rings:
        for point in ring if isinstance(ring, list) else []:
            if not (isinstance(point, list) and len(point) >= 2):
                raise ValidationError(
                    _("Gränsen innehåller en punkt som inte är [longitud, latitud].")
                )
            try:
                points.append((float(point[0]), float(point[1])))
            except (TypeError, ValueError) as error:
                raise ValidationError(
                    _("Gränsen innehåller en koordinat som inte är ett tal.")
                ) from error
    return points


class AreaQuerySet(models.QuerySet):
    def of_municipality(self, municipality_id: int) -> "AreaQuerySet":
        return self.filter(municipality_id=municipality_id)


class Area(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="areas", verbose_name=_("kommun")
    )
    name = models.CharField(_("namn"), max_length=80)
    code = models.SlugField(
        _("kod"),
        max_length=40,
        help_text=_("Kort kod som används i filer och urval, t.ex. ”centrum”."),
    )
    boundary = models.JSONField(
        _("gräns (GeoJSON)"), null=True, blank=True, validators=[validate_boundary]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="area_code_per_municipality"
            ),
            models.UniqueConstraint(
                fields=["municipality", "name"], name="area_name_per_municipality"
            ),
        ]
        verbose_name = _("område")
        verbose_name_plural = _("områden")

    def __str__(self) -> str:
        return self.name
