"""The private follow page of a report, found by its tracking token: what happened to the
report, in plain words. It shows only what may be shown publicly (the moderated text, never the
text as typed nor the contact details): anyone holding the link sees it."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.privacy import PublicPoint, public_point
from participation.models import ReportUpdate, ResidentReport
from participation.models.reports import Moderation
from participation.reports.tokens import hash_tracking_token


@dataclass(frozen=True)
class FollowPage:
    report: ResidentReport
    updates: list[ReportUpdate]
    moderation_text: str
    point: PublicPoint | None
    has_contact: bool
    contact_delete_after: object


def moderation_text(report: ResidentReport) -> str:
    if report.category.is_crime:
        return _(
            "Rapporten gäller ett brott och publiceras inte. Anmäl brott till polisen på "
            "114 14 eller polisen.se; vid akut fara, ring 112."
        )
    if report.moderation == Moderation.APPROVED:
        return _(
            "En moderator har granskat rapporten och den är publicerad, utan sådant som kan "
            "peka ut någon."
        )
    if report.moderation == Moderation.REJECTED:
        return _("En moderator har granskat rapporten och den publiceras inte.")
    return _(
        "Rapporten väntar på granskning. Ingenting publiceras förrän en moderator har läst den "
        "och tagit bort sådant som kan peka ut någon."
    )


def follow_page(token: str) -> FollowPage | None:
    report = (
        ResidentReport.objects.select_related(
            "category", "municipality", "area", "responsible", "contact"
        )
        .filter(tracking_token_hash=hash_tracking_token(token))
        .first()
    )
    if report is None:
        return None
    contact = report.contact if hasattr(report, "contact") else None
    published = report.moderation == Moderation.APPROVED and not report.category.is_crime
    return FollowPage(
        report=report,
        updates=list(report.updates.all()),
        moderation_text=moderation_text(report),
        point=public_point(
            report.latitude, report.longitude, precise_approved=report.precise_approved
        )
        if published
        else None,
        has_contact=contact is not None,
        contact_delete_after=contact.delete_after if contact else None,
    )
