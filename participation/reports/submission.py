"""Filing a report from the public form: all or nothing, the contact details apart, the photo
without metadata; and adding one's voice to an existing report instead ("me too")."""

import logging

from django.contrib.sessions.backends.base import SessionBase
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal

from organisations.models import Municipality
from participation.models import ReportCategory, ReportContact, ResidentReport
from participation.models.reports import PhotoState, ReportSource
from participation.reports import photos
from participation.reports.tokens import contact_delete_after, hash_tracking_token

logger = logging.getLogger(__name__)

# Sent once the new report is committed, with `report_id` and `token` (the private link's key):
# notifications e-mails the link when the resident left an address.
report_filed = Signal()

SUPPORTED_SESSION_KEY = "reports_supported"


def file_report(
    *, municipality: Municipality, data: dict, photo: bytes | None = None, held_photo: str = ""
) -> tuple[ResidentReport, str]:
    """A new report waiting for moderation, from the cleaned data of a ReportForm; returns it
    and its private tracking token (stored only hashed). Nothing is kept if any part fails."""
    token = ResidentReport.new_tracking_token()
    point = data.get("point")
    saved_photo = ""
    try:
        with transaction.atomic():
            report = ResidentReport.objects.create(
                municipality=municipality,
                category=data["category"],
                description=data["description"],
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                area=data.get("area"),
                place_text=data.get("place_text", ""),
                source=ReportSource.WEB,
                tracking_token_hash=hash_tracking_token(token),
            )
            if photo:
                report.photo.save(photos.random_name(), ContentFile(photo), save=False)
                saved_photo = report.photo.name
                report.photo_state = PhotoState.PENDING
                report.save(update_fields=["photo", "photo_state"])
            if data.get("email") or data.get("phone"):
                ReportContact.objects.create(
                    report=report,
                    email=data.get("email", ""),
                    phone=data.get("phone", ""),
                    delete_after=contact_delete_after(),
                )
            transaction.on_commit(
                lambda: report_filed.send(sender=ResidentReport, report_id=report.pk, token=token),
                robust=True,
            )
    except Exception:
        photos.release(saved_photo)
        raise
    photos.release(held_photo)
    return report, token


def already_supported(session: SessionBase, report_id: int) -> bool:
    return report_id in session.get(SUPPORTED_SESSION_KEY, [])


@transaction.atomic
def add_support(
    *, session: SessionBase, report_id: int, municipality: Municipality, category: ReportCategory
) -> ResidentReport | None:
    """One more resident reports the same thing: the published report's `supporters` grows by
    one, once per browser session. None when the report is not a published one of this
    municipality and category."""
    report = (
        ResidentReport.objects.public()
        .of_municipality(municipality.pk)
        .filter(pk=report_id, category=category)
        .first()
    )
    if report is None:
        return None
    if not already_supported(session, report.pk):
        ResidentReport.objects.filter(pk=report.pk).update(supporters=F("supporters") + 1)
        session[SUPPORTED_SESSION_KEY] = [*session.get(SUPPORTED_SESSION_KEY, []), report.pk]
    report.refresh_from_db(fields=["supporters"])
    return report
