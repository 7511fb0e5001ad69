"""participation.reports.submission: a report is saved all or nothing – when any part fails,
neither the report, its contact details nor its photo file remain."""

import pytest
from django.db import IntegrityError

from participation.models import ReportContact, ResidentReport
from participation.reports.forms import ReportForm
from participation.reports.submission import file_report
from participation.reports.tokens import hash_tracking_token
from tests.report_helpers import form_data, jpeg, tjorn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]


def cleaned(**fields: object) -> ReportForm:
    form = ReportForm(form_data(**fields), municipality=tjorn())
    assert form.is_valid(), form.errors
    return form


def test_the_token_is_returned_once_and_stored_hashed():
    report, token = file_report(municipality=tjorn(), data=cleaned().cleaned_data)
    assert report.tracking_token_hash == hash_tracking_token(token)
    assert token not in str(ResidentReport.objects.values().get())


def test_a_failure_while_saving_leaves_nothing(monkeypatch, report_settings):
    form = cleaned(email="boende@example.org")

    def broken(**kwargs: object) -> None:
        raise IntegrityError("simulated")

    monkeypatch.setattr(ReportContact.objects, "create", broken)
    with pytest.raises(IntegrityError):
        file_report(municipality=tjorn(), data=form.cleaned_data, photo=jpeg())
    assert not ResidentReport.objects.exists() and not ReportContact.objects.exists()
    media = report_settings.MEDIA_ROOT
    assert not any(p.is_file() for p in media.rglob("*"))
