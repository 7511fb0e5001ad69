"""Moderating residents' reports: every change in one transaction with its audit entry
("resident_report.approved"), status changes with a ReportUpdate, and the reporter told by
e-mail after the commit (participation.moderation.signals.report_notice).

The text as typed (`description`) is never copied into the audit log: it is kept only for
moderators until the retention time deletes it, and a snapshot would outlive that.
"""

import io
from pathlib import PurePosixPath

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageFilter

from organisations import auditlog
from organisations.models import Organisation
from participation.models import (
    Moderation,
    PhotoState,
    ReportStatus,
    ReportUpdate,
    ResidentReport,
    ResponseTemplate,
)
from participation.moderation.signals import report_notice

# Never in an audit snapshot: the text as typed and the key to the private follow page.
PRIVATE_FIELDS = ("description", "tracking_token_hash", "original_deleted")
BLUR_RADIUS = 16


def report_parties(report: ResidentReport) -> list[int]:
    """The organisations that read the report's audit entries: the municipality, the police
    areas covering it and the organisation it is routed to."""
    ids = set(
        Organisation.objects.filter(
            Q(kind=Organisation.Kind.MUNICIPALITY, municipality_id=report.municipality_id)
            | Q(
                kind=Organisation.Kind.POLICE_AREA,
                police_area__municipalities=report.municipality_id,
            )
        ).values_list("id", flat=True)
    )
    if report.responsible_id:
        ids.add(report.responsible_id)
    return sorted(ids)


def _snapshot(report: ResidentReport) -> dict | None:
    data = auditlog.snapshot(report, exclude=(*PRIVATE_FIELDS, "photo"))
    if data is not None:
        data["photo"] = report.photo.name or ""
    return data


def _audited(
    report: ResidentReport, *, user: AbstractBaseUser, action: str, **changes: object
) -> ResidentReport:
    """Set the fields, save and record before/after. The caller holds the transaction."""
    before = _snapshot(report)
    for name, value in changes.items():
        setattr(report, name, value)
    report.save()
    auditlog.record(
        actor=user,
        action=action,
        obj=report,
        parties=report_parties(report),
        before=before,
        after=_snapshot(report),
    )
    return report


def _notify(report: ResidentReport, kind: str, update: ReportUpdate | None = None) -> None:
    report_id, update_id = report.pk, update.pk if update else None
    transaction.on_commit(
        lambda: report_notice.send(
            sender=ResidentReport, report_id=report_id, kind=kind, update_id=update_id
        ),
        robust=True,  # a mail queue out of reach must not undo the moderator's change
    )


def change_status(
    report: ResidentReport, status: str, public_note: str = "", *, user: AbstractBaseUser
) -> ReportUpdate:
    """A new status with its public answer; the history entry the reporter and Open311 see."""
    if status not in ReportStatus.values:
        raise ValidationError(_("Okänd status."))
    with transaction.atomic():
        _audited(
            report,
            user=user,
            action="resident_report.status_changed",
            status=status,
            public_note=public_note.strip(),
        )
        update = ReportUpdate.objects.create(
            report=report, status=status, public_note=report.public_note, by=user
        )
        _notify(report, "status", update)
    return update


def approve(report: ResidentReport, *, user: AbstractBaseUser) -> ResidentReport:
    """Publish the report: with the moderated text, or the text as typed when none was set
    (the moderator has read it). Reports in a crime category are never published."""
    if report.category.is_crime:
        raise ValidationError(
            _("Rapporter i kategorin beskriver brott och publiceras inte. Avvisa rapporten.")
        )
    public_text = report.public_text.strip() or report.description.strip()
    with transaction.atomic():
        return _audited(
            report,
            user=user,
            action="resident_report.approved",
            moderation=Moderation.APPROVED,
            public_text=public_text,
            rejection_reason="",
            moderated_at=timezone.now(),
            moderated_by=user,
        )


def redact(report: ResidentReport, public_text: str, *, user: AbstractBaseUser) -> ResidentReport:
    """The text residents see; the original stays for moderators only."""
    text = public_text.strip()
    if not text:
        raise ValidationError(_("Skriv texten som ska visas offentligt."))
    with transaction.atomic():
        return _audited(report, user=user, action="resident_report.redacted", public_text=text)


def reject(report: ResidentReport, reason: str, *, user: AbstractBaseUser) -> ResidentReport:
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Skriv varför rapporten avvisas."))
    with transaction.atomic():
        _audited(
            report,
            user=user,
            action="resident_report.rejected",
            moderation=Moderation.REJECTED,
            rejection_reason=reason,
            moderated_at=timezone.now(),
            moderated_by=user,
        )
        _notify(report, "rejected")
    return report


def set_precision(
    report: ResidentReport, precise: bool, *, user: AbstractBaseUser
) -> ResidentReport:
    """Whether the exact point may be published; otherwise core.privacy coarsens it."""
    with transaction.atomic():
        return _audited(
            report,
            user=user,
            action="resident_report.precise_approved" if precise else "resident_report.coarsened",
            precise_approved=precise,
        )


def route(
    report: ResidentReport, organisation: Organisation | None, *, user: AbstractBaseUser
) -> ResidentReport:
    """The organisation responsible for answering (None: back to the moderators)."""
    with transaction.atomic():
        return _audited(
            report,
            user=user,
            action="resident_report.routed",
            responsible=organisation,
        )


def _require_photo(report: ResidentReport) -> None:
    if not report.photo:
        raise ValidationError(_("Rapporten har inget foto."))


def approve_photo(report: ResidentReport, *, user: AbstractBaseUser) -> ResidentReport:
    _require_photo(report)
    with transaction.atomic():
        return _audited(
            report,
            user=user,
            action="resident_report.photo_approved",
            photo_state=PhotoState.APPROVED,
        )


def blurred(data: bytes, radius: int = BLUR_RADIUS) -> bytes:
    """The image blurred all over (faces, number plates, house numbers), as JPEG."""
    with Image.open(io.BytesIO(data)) as image:
        out = io.BytesIO()
        image.convert("RGB").filter(ImageFilter.GaussianBlur(radius)).save(
            out, format="JPEG", quality=85
        )
    return out.getvalue()


def blur_photo(report: ResidentReport, *, user: AbstractBaseUser) -> ResidentReport:
    """Replace the stored photo with a blurred copy; the sharp one is deleted."""
    _require_photo(report)
    old_name = report.photo.name
    with report.photo.open("rb") as f:
        data = blurred(f.read())
    name = f"{PurePosixPath(old_name).stem}-suddad.jpg"
    with transaction.atomic():
        report.photo.save(name, ContentFile(data), save=False)
        _audited(
            report,
            user=user,
            action="resident_report.photo_blurred",
            photo_state=PhotoState.BLURRED,
        )
    if old_name != report.photo.name:
        report.photo.storage.delete(old_name)
    return report


def reject_photo(report: ResidentReport, *, user: AbstractBaseUser) -> ResidentReport:
    """The photo is deleted from storage; only the decision remains."""
    _require_photo(report)
    old_name = report.photo.name
    with transaction.atomic():
        _audited(
            report,
            user=user,
            action="resident_report.photo_rejected",
            photo="",
            photo_state=PhotoState.REJECTED,
        )
    report.photo.storage.delete(old_name)
    return report


def save_template(template: ResponseTemplate, *, user: AbstractBaseUser) -> ResponseTemplate:
    creating = template.pk is None
    before = None if creating else auditlog.snapshot(ResponseTemplate.objects.get(pk=template.pk))
    with transaction.atomic():
        template.save()
        auditlog.record(
            actor=user,
            action="response_template.created" if creating else "response_template.changed",
            obj=template,
            parties=[template.organisation_id],
            before=before,
            after=auditlog.snapshot(template),
        )
    return template


def delete_template(template: ResponseTemplate, *, user: AbstractBaseUser) -> None:
    auditlog.audited_delete(
        template,
        user=user,
        action="response_template.deleted",
        parties=[template.organisation_id],
    )
