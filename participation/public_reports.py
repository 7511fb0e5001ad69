"""The one path by which residents' reports reach the public: the municipality page, the map
and its data, the JSON API and Open311 all read `public_reports()` and place each report with
`report_point()` (core.privacy.public_point: coarsened unless a moderator approved the exact
point) and `public_place()`. Only moderated reports outside crime categories, and only the
fields that may be published: never the text as typed, the contact details or the moderators'
notes. Each function reads with a fixed number of queries, whatever the number of reports.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.maps import (
    MapBlock,
    MapTexts,
    feature_collection,
    municipality_background,
    point_feature,
)
from core.privacy import PublicPoint, public_point
from organisations.models import Municipality
from participation.models import (
    ReportCategory,
    ReportStatus,
    ResidentReport,
    SafetyWalk,
    WalkStop,
)

PUBLIC_FIELDS = (
    "id",
    "status",
    "moderation",
    "public_note",
    "public_text",
    "latitude",
    "longitude",
    "precise_approved",
    "place_text",
    "created_at",
    "updated_at",
    "municipality_id",
    "category__code",
    "category__name",
    "category__group",
    "category__is_crime",
    "municipality__name",
    "municipality__slug",
    "municipality__code",
    "responsible__name",
    "area__name",
)
# The map shows the newest reports that match; the list beside it pages through all of them.
MAP_LIMIT = 300
POPUP_TEXT_LENGTH = 160


def public_reports() -> QuerySet[ResidentReport]:
    """Moderated, non-crime reports, newest first, with only what may be published."""
    return (
        ResidentReport.objects.public()
        .select_related("category", "municipality", "responsible", "area")
        .only(*PUBLIC_FIELDS)
        .order_by("-created_at", "-id")
    )


def report_point(report: ResidentReport) -> PublicPoint | None:
    return public_point(report.latitude, report.longitude, precise_approved=report.precise_approved)


def public_place(report: ResidentReport) -> str:
    """The place as text: what the resident typed only when a moderator approved the precise
    location; otherwise no more than the area and the municipality."""
    parts = [report.place_text] if report.precise_approved and report.place_text else []
    if report.area_id and not parts:
        parts.append(report.area.name)
    parts.append(report.municipality.name)
    return ", ".join(parts)


def public_categories() -> QuerySet[ReportCategory]:
    """The categories a published report can have (the map's filter)."""
    return ReportCategory.objects.filter(is_active=True, is_crime=False)


def map_path(municipality: Municipality) -> str:
    return reverse("participation:map", kwargs={"slug": municipality.slug})


def public_report_path(report: ResidentReport) -> str:
    """Where residents read about the report: its entry on the municipality's map page when it
    is published, else the map page itself."""
    path = map_path(report.municipality)
    return (
        f"{path}#rapport-{report.pk}" if report.moderation == report.Moderation.APPROVED else path
    )


@dataclass(frozen=True)
class PublicReport:
    report: ResidentReport
    point: PublicPoint | None
    place: str

    @property
    def anchor(self) -> str:
        return f"rapport-{self.report.pk}"


def as_public(reports: list[ResidentReport]) -> list[PublicReport]:
    return [PublicReport(r, report_point(r), public_place(r)) for r in reports]


def municipality_reports(
    municipality: Municipality, *, category: str = "", status: str = ""
) -> QuerySet[ResidentReport]:
    reports = public_reports().filter(municipality=municipality)
    if category:
        reports = reports.filter(category__code=category)
    if status:
        reports = reports.filter(status=status)
    return reports


@dataclass(frozen=True)
class PublicStopPoint:
    stop: WalkStop
    number: int  # its number on the walk's public page (stopp-N)
    point: PublicPoint | None

    @property
    def url(self) -> str:
        return f"{self.stop.walk.get_absolute_url()}#stopp-{self.number}"


def walk_stops(municipality: Municipality) -> list[PublicStopPoint]:
    """Every stop of the municipality's published safety walks, newest walk first."""
    stops = (
        WalkStop.objects.filter(
            walk__in=SafetyWalk.objects.published().filter(municipality=municipality)
        )
        .select_related("walk")
        .order_by("walk", "order", "id")
    )
    numbered, number, walk_id = [], 0, None
    for stop in stops:
        number = number + 1 if stop.walk_id == walk_id else 1
        walk_id = stop.walk_id
        point = public_point(stop.latitude, stop.longitude, precise_approved=stop.precise_approved)
        numbered.append(PublicStopPoint(stop, number, point))
    return sorted(numbered, key=lambda s: (s.stop.walk.walked_on, s.stop.walk_id), reverse=True)


def _report_feature(
    item: PublicReport, language: str, path: str, link: str, statuses: dict
) -> dict:
    r = item.report
    summary = r.public_text
    if len(summary) > POPUP_TEXT_LENGTH:
        summary = summary[: POPUP_TEXT_LENGTH - 1] + "…"
    name = r.category.name_in(language)
    return point_feature(
        item.point.lat,
        item.point.lon,
        kind="report",
        id=r.pk,
        name=name,
        status=r.status,
        precise=item.point.precise,
        popup=f"{name} – {statuses[r.status]}: {summary}",
        href=f"{path}#{item.anchor}",
        link=link,
    )


def _stop_feature(item: PublicStopPoint) -> dict:
    stop = item.stop
    label = stop.get_category_display()
    return point_feature(
        item.point.lat,
        item.point.lon,
        kind="walk_stop",
        name=label,
        precise=item.point.precise,
        popup=_("Trygghetsvandring %(title)s: %(category)s")
        % {"title": stop.walk.title, "category": label},
        href=item.url,
        link=_("Till vandringen"),
    )


def map_data(municipality: Municipality, *, category: str = "", status: str = "") -> dict:
    """The map's GeoJSON: the boundary as background, the newest MAP_LIMIT matching reports
    and the stops of published safety walks, every point from core.privacy.public_point."""
    language = get_language() or "sv"
    reports = as_public(
        list(municipality_reports(municipality, category=category, status=status)[:MAP_LIMIT])
    )
    features = municipality_background(municipality)
    path, link = map_path(municipality), _("Läs mer i listan")
    statuses = {value: str(label) for value, label in ReportStatus.choices}
    features += [_report_feature(r, language, path, link, statuses) for r in reports if r.point]
    features += [_stop_feature(s) for s in walk_stops(municipality) if s.point]
    return feature_collection(features)


def report_map(municipality: Municipality, query: str = "", block_id: str = "karta") -> MapBlock:
    """The map block of the municipality's reports and walks, drawn from its map data."""
    url = reverse("participation:map_data", kwargs={"slug": municipality.slug})
    return MapBlock(
        id=block_id,
        texts=MapTexts(
            label=_("Karta över rapporter och trygghetsvandringar i %(name)s")
            % {"name": municipality.name},
            help=_(
                "Platserna visas ungefärligt, inom cirka 200 meter, utom där en moderator har "
                "godkänt den exakta platsen. Samma rapporter finns i listan."
            ),
        ),
        data_url=f"{url}?{query}" if query else url,
    )


LATEST_ON_MUNICIPALITY_PAGE = 5


def municipality_reports_summary(municipality: Municipality) -> list[PublicReport]:
    """The newest published reports, for the municipality page."""
    return as_public(list(municipality_reports(municipality)[:LATEST_ON_MUNICIPALITY_PAGE]))
