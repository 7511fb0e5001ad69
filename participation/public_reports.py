"""The one path by which residents' reports reach the public: the municipality page, the map
and its data, the JSON API and Open311 all read `public_reports()` and place each report with
`report_point()` (core.privacy.public_point: coarsened unless a moderator approved the exact
point). Only moderated reports outside crime categories, and only the fields that may be
published: never the text as typed, the contact details or the moderators' notes.
"""

from django.db.models import QuerySet

from core.privacy import PublicPoint, public_point
from participation.models import ResidentReport

PUBLIC_FIELDS = (
    "id",
    "status",
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
    "category__is_crime",
    "municipality__name",
    "municipality__slug",
    "municipality__code",
    "responsible__name",
    "area__name",
)


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


def public_report_path(report: ResidentReport) -> str:
    """Where residents read the report's status and answer."""
    return report.municipality.get_absolute_url()
