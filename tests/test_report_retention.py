"""Retention (participation.retention, `manage.py delete_expired_report_data`): contact details
go on their day, redacted originals after REPORT_ORIGINAL_RETENTION_DAYS, held photos after a
day; each deletion audited without the deleted values. As a property: contact details never
appear in any public output and are gone from the database after retention."""

import datetime
import io
import os
import time

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisations.models import AuditEntry
from participation.models import ReportContact, ResidentReport
from participation.reports.forms import ReportForm
from participation.reports.submission import file_report
from participation.retention import delete_expired_report_data
from tests.report_helpers import form_data, published, tjorn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]


def contact_for(report: ResidentReport, days: int) -> ReportContact:
    return ReportContact.objects.create(
        report=report,
        email="boende@example.org",
        phone="0701234567",
        delete_after=timezone.localdate() + datetime.timedelta(days=days),
    )


def age(report: ResidentReport, days: int) -> None:
    ResidentReport.objects.filter(pk=report.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_contacts_are_deleted_on_their_day_and_audited_without_the_values(cast):
    due = published("a")
    later = published("b")
    contact_for(due, 0)
    contact_for(later, 1)
    assert delete_expired_report_data().contacts == 1
    assert list(ReportContact.objects.values_list("report", flat=True)) == [later.pk]
    entry = AuditEntry.objects.get(action="report.contact_deleted")
    assert entry.object_id == str(due.pk) and entry.actor_label == "system"
    assert cast.tjorn.pk in set(entry.parties.values_list("pk", flat=True))
    assert "boende@example.org" not in str(entry.after) + str(entry.before)


def test_redacted_originals_are_blanked_after_the_retention(settings):
    settings.REPORT_ORIGINAL_RETENTION_DAYS = 30
    redacted_old = published("gammal", public_text="Lampan lyser inte.")
    redacted_new = published("ny", public_text="Lampan lyser inte.")
    unchanged_old = published("oförändrad", description="Samma text.", public_text="Samma text.")
    pending_old = published("väntar", public_text="", moderation="pending")
    for r in (redacted_old, unchanged_old, pending_old):
        age(r, 31)
    age(redacted_new, 29)
    assert delete_expired_report_data().originals == 1
    for r in (redacted_old, redacted_new, unchanged_old, pending_old):
        r.refresh_from_db()
    assert redacted_old.description == "" and redacted_old.original_deleted
    assert redacted_old.public_text == "Lampan lyser inte."
    assert "Anna Andersson" in redacted_new.description and not redacted_new.original_deleted
    assert unchanged_old.description == "Samma text." and not unchanged_old.original_deleted
    assert pending_old.description and not pending_old.original_deleted
    assert AuditEntry.objects.filter(action="report.original_deleted").count() == 1
    assert delete_expired_report_data().originals == 0  # idempotent


def test_held_photos_of_reports_never_sent_go_after_a_day():
    old = default_storage.save("rapporter/vantande/gammal.jpg", ContentFile(b"x"))
    new = default_storage.save("rapporter/vantande/ny.jpg", ContentFile(b"x"))
    two_days_ago = time.time() - 2 * 86400
    os.utime(default_storage.path(old), (two_days_ago, two_days_ago))
    assert delete_expired_report_data().held_photos == 1
    assert not default_storage.exists(old) and default_storage.exists(new)


def test_the_command_prints_the_counts():
    contact_for(published("a"), -1)
    out = io.StringIO()
    call_command("delete_expired_report_data", stdout=out)
    assert "Raderade: 1 kontaktuppgifter, 0 ursprungliga texter, 0 foton" in out.getvalue()


EMAILS = st.builds(
    "{}.{}@example.org".format,
    st.from_regex(r"[a-z]{3,10}", fullmatch=True),
    st.from_regex(r"[a-z0-9]{3,10}", fullmatch=True),
)
PHONES = st.from_regex(r"07[0-9]{8}", fullmatch=True)


def public_outputs(client: Client, reports: list[tuple[ResidentReport, str]]) -> str:
    pages = ["/kommun/tjorn/", "/kommun/tjorn/rapportera/", "/open311/v2/requests.json"]
    for report, token in reports:
        pages += [
            f"/rapport/{token}/",
            f"/open311/v2/requests/{report.pk}.json",
            f"/open311/v2/tokens/{token}.xml",
        ]
    text = "".join(client.get(p).content.decode() for p in pages)
    # The "has someone reported this?" step lists the published reports nearby.
    text += client.post("/kommun/tjorn/rapportera/", form_data()).content.decode()
    return text


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    contacts=st.lists(
        st.tuples(EMAILS, PHONES, st.booleans(), st.booleans()), min_size=1, max_size=3
    )
)
def test_contact_details_never_public_and_gone_after_retention(contacts):
    cache.clear()  # the flood limit starts again for every example
    client = Client()
    filed = []
    for email, phone, approved, redacted in contacts:
        form = ReportForm(form_data(email=email, phone=phone), municipality=tjorn())
        assert form.is_valid(), form.errors
        report, token = file_report(municipality=tjorn(), data=form.cleaned_data)
        if approved:
            ResidentReport.objects.filter(pk=report.pk).update(
                moderation="approved",
                public_text="Redigerad text." if redacted else report.description,
            )
        filed.append((report, token))
    public = public_outputs(client, filed)
    for email, phone, _approved, _redacted in contacts:
        assert email not in public and phone not in public
    later = timezone.now() + datetime.timedelta(days=400)
    ResidentReport.objects.update(created_at=timezone.now() - datetime.timedelta(days=400))
    delete_expired_report_data(later)
    stored = str(list(ResidentReport.objects.values())) + str(list(AuditEntry.objects.values()))
    assert not ReportContact.objects.filter(report__in=[r for r, _t in filed]).exists()
    for email, phone, _approved, _redacted in contacts:
        assert email not in stored and phone not in stored
    ResidentReport.objects.filter(pk__in=[r.pk for r, _t in filed]).delete()
