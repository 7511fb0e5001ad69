"""The moderation services: each change audited (without the text as typed), status changes
with their history entry, photos blurred or deleted, the reporter told by e-mail."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageStat

from organisations.models import AuditEntry
from participation.models import PhotoState, ReportContact, ReportUpdate, ResidentReport
from participation.moderation import services
from tests.factories import other_org
from tests.voices_factories import report

pytestmark = pytest.mark.usefixtures("immediate_tasks")
ORIGINAL = "Kalle Andersson på Storgatan 3 säljer knark"


def test_approve_publishes_and_audits_without_the_original(cast):
    r = report(description=ORIGINAL)
    services.redact(r, "Någon säljer narkotika vid torget.", user=cast.alice)
    services.approve(r, user=cast.alice)
    r.refresh_from_db()
    assert r.moderation == ResidentReport.Moderation.APPROVED
    assert r.public_text == "Någon säljer narkotika vid torget."
    assert r.description == ORIGINAL  # kept for the moderators
    assert r.moderated_by == cast.alice and r.moderated_at is not None
    entries = AuditEntry.objects.filter(object_id=str(r.pk))
    assert {e.action for e in entries} == {"resident_report.redacted", "resident_report.approved"}
    for e in entries:
        assert "Kalle" not in str(e.before) + str(e.after) + e.object_repr
        assert set(e.parties.values_list("id", flat=True)) >= {cast.tjorn.pk, cast.police.pk}


def test_approve_without_redaction_publishes_the_text_as_typed(cast):
    r = report()
    services.approve(r, user=cast.bob)
    r.refresh_from_db()
    assert r.public_text == r.description


def test_a_crime_category_is_never_approved(cast):
    r = report(category="brott")
    with pytest.raises(ValidationError):
        services.approve(r, user=cast.alice)
    assert ResidentReport.objects.get(pk=r.pk).moderation == ResidentReport.Moderation.PENDING


def test_empty_redaction_and_reason_are_refused(cast):
    r = report()
    with pytest.raises(ValidationError):
        services.redact(r, "  ", user=cast.alice)
    with pytest.raises(ValidationError):
        services.reject(r, "", user=cast.alice)
    assert not AuditEntry.objects.exists()


def test_status_change_writes_history_and_mails_the_reporter(
    cast, mailoutbox, django_capture_on_commit_callbacks, settings
):
    r = report()
    ReportContact.objects.create(
        report=r, email="boende@example.se", delete_after=timezone.localdate()
    )
    services.approve(r, user=cast.alice)
    with pytest.raises(ValidationError):
        services.change_status(r, "unknown", user=cast.alice)
    with django_capture_on_commit_callbacks(execute=True):
        update = services.change_status(
            r, ResidentReport.Status.PLANNED, "Lampan byts vecka 12.", user=cast.alice
        )
    assert list(ReportUpdate.objects.filter(report=r)) == [update]
    r.refresh_from_db()
    assert r.status == "planned" and r.public_note == "Lampan byts vecka 12."
    [mail] = mailoutbox
    assert mail.to == ["boende@example.se"]
    assert "Planerad åtgärd" in mail.subject
    assert "Lampan byts vecka 12." in mail.body
    assert r.description not in mail.body  # never the text as typed
    assert (
        f"http://testserver{r.municipality.get_absolute_url()}" in mail.body
        or "/kommun/" in mail.body
    )
    assert AuditEntry.objects.filter(action="resident_report.status_changed").count() == 1


def test_no_mail_without_an_address(cast, mailoutbox, django_capture_on_commit_callbacks):
    r = report()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.change_status(r, ResidentReport.Status.IN_PROGRESS, user=cast.alice)
        services.reject(r, "Dubblett.", user=cast.alice)
    assert len(callbacks) == 2
    assert mailoutbox == []


def test_rejection_tells_the_reporter_why(cast, mailoutbox, django_capture_on_commit_callbacks):
    r = report()
    ReportContact.objects.create(
        report=r, email="boende@example.se", delete_after=timezone.localdate()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.reject(r, "Rapporten handlar om en enskild person.", user=cast.alice)
    [mail] = mailoutbox
    assert "publiceras inte" in mail.subject
    assert "Rapporten handlar om en enskild person." in mail.body


def test_precision_and_routing_are_audited(cast):
    r = report()
    housing = other_org("Tjörns Bostäder", "1419")
    services.set_precision(r, True, user=cast.alice)
    services.route(r, housing, user=cast.alice)
    r.refresh_from_db()
    assert r.precise_approved and r.responsible == housing
    routed = AuditEntry.objects.get(action="resident_report.routed")
    assert housing.pk in routed.parties.values_list("id", flat=True)
    assert AuditEntry.objects.filter(action="resident_report.precise_approved").exists()


def _photo(colour_split: bool = True) -> ContentFile:
    image = Image.new("RGB", (80, 80), "white")
    for x in range(0, 80, 2):  # sharp stripes: blurring makes them grey
        for y in range(80):
            image.putpixel((x, y), (0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return ContentFile(out.getvalue(), name="foto.png")


@pytest.fixture
def photo_report(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    r = report(photo_state=PhotoState.PENDING)
    r.photo.save("foto.png", _photo())
    return r


def test_blur_replaces_the_sharp_photo(cast, photo_report):
    r = photo_report
    sharp = r.photo.name
    services.blur_photo(r, user=cast.alice)
    r.refresh_from_db()
    assert r.photo_state == PhotoState.BLURRED and r.photo.name != sharp
    assert not r.photo.storage.exists(sharp)
    with r.photo.open("rb") as f, Image.open(f) as image:
        spread = ImageStat.Stat(image.convert("L")).stddev[0]
    assert spread < 30  # stripes of 0 and 255 had a deviation of about 127


def test_reject_photo_deletes_the_file(cast, photo_report):
    r = photo_report
    name = r.photo.name
    services.reject_photo(r, user=cast.alice)
    r.refresh_from_db()
    assert r.photo_state == PhotoState.REJECTED and not r.photo
    assert not r.photo.storage.exists(name)
    with pytest.raises(ValidationError):
        services.blur_photo(r, user=cast.alice)
