"""Areas within a municipality (bostadsområden): reading a GeoJSON boundary, and deleting an
area only when nothing rests on it."""

import json

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from organisations.auditlog import audited_delete
from organisations.models import Area, Municipality, Organisation
from organisations.models.areas import boundary_geometry, validate_boundary
from surveys.builder import BuilderError
from surveys.models import Invitation, Response, Survey, Wave, WaveStatus

MAX_BOUNDARY_BYTES = 5 * 1024 * 1024
# Simplified municipal boundaries are coarse: an area may stick out a little.
BOUNDS_MARGIN = 0.05


def area_reader_ids(municipality: Municipality) -> list[int]:
    """The organisations that may read the audit trail of the municipality's areas."""
    return list(
        Organisation.objects.filter(
            Q(municipality=municipality) | Q(police_area__municipalities=municipality)
        )
        .values_list("id", flat=True)
        .distinct()
    )


def bounding_box(geometry: dict | None) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of a Polygon or MultiPolygon."""
    geometry = boundary_geometry(geometry)
    if geometry is None:
        return None
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    points = [p for polygon in polygons for ring in polygon for p in ring]
    if not points:
        return None
    lons, lats = [float(p[0]) for p in points], [float(p[1]) for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def read_boundary(text: str, municipality: Municipality) -> dict:
    """The geometry of a pasted or uploaded GeoJSON text, or ValidationError saying what is
    wrong (where the JSON breaks, what the geometry lacks, or that it lies outside the
    municipality – often longitude and latitude swapped)."""
    if len(text.encode()) > MAX_BOUNDARY_BYTES:
        raise ValidationError(_("Gränsen är för stor: högst 5 MB. Förenkla den först."))
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            _("Texten är inte giltig GeoJSON: fel på rad %(line)s, tecken %(column)s.")
            % {"line": error.lineno, "column": error.colno}
        ) from error
    validate_boundary(value)
    geometry = boundary_geometry(value)
    area_box, town_box = bounding_box(geometry), bounding_box(municipality.boundary)
    if area_box and town_box and not _overlaps(area_box, town_box):
        raise ValidationError(
            _(
                "Gränsen ligger inte i %(municipality)s. Kontrollera att varje punkt är "
                "[longitud, latitud] i den ordningen (WGS84, som i GeoJSON)."
            )
            % {"municipality": municipality.name}
        )
    return geometry


def _overlaps(a: tuple, b: tuple) -> bool:
    m = BOUNDS_MARGIN
    return a[0] <= b[2] + m and b[0] - m <= a[2] and a[1] <= b[3] + m and b[1] - m <= a[3]


def code_is_fixed(municipality: Municipality) -> bool:
    """Answers store an area's code: once a wave in the municipality has opened, codes stay."""
    return (
        Wave.objects.filter(survey__municipality=municipality)
        .exclude(status=WaveStatus.DRAFT)
        .exists()
    )


def usage(area: Area) -> tuple[int, int]:
    """(invitations, responses) drawn from or placed in the area."""
    return (
        Invitation.objects.filter(area=area).count(),
        Response.objects.filter(area=area).count(),
    )


def areas_changed(municipality: Municipality) -> None:
    """The municipality's surveys offer its areas: their answer pages must show the change."""
    Survey.objects.filter(municipality=municipality).touch()


def delete_area(*, area: Area, user: AbstractBaseUser) -> None:
    invitations, responses = usage(area)
    if invitations or responses:
        raise BuilderError(
            _(
                "”%(name)s” kan inte tas bort: %(invitations)s inbjudningar och %(responses)s "
                "svar hör till området. Byt namn eller ändra gränsen i stället."
            )
            % {"name": area.name, "invitations": invitations, "responses": responses}
        )
    if code_is_fixed(area.municipality):
        raise BuilderError(
            _(
                "”%(name)s” kan inte tas bort: en omgång i kommunen har öppnats, och svaren på "
                "frågor om område sparar områdets kod. Byt namn eller ändra gränsen i stället."
            )
            % {"name": area.name}
        )
    audited_delete(
        area, user=user, action="area.deleted", parties=area_reader_ids(area.municipality)
    )
    areas_changed(area.municipality)
