"""The report form and the follow page use a constant number of SQL queries whatever the data
size (areas, categories, status updates)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import Area
from participation.models import ReportUpdate
from tests.report_helpers import FORM_URL, published, tjorn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]


def count(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


def test_the_form_page(client):
    Area.objects.create(municipality=tjorn(), name="Område 0", code="o0")
    few = count(client, FORM_URL)
    for i in range(1, 30):
        Area.objects.create(municipality=tjorn(), name=f"Område {i}", code=f"o{i}")
    assert count(client, FORM_URL) == few


def test_the_follow_page(client):
    report = published("foljsida")
    ReportUpdate.objects.create(report=report, status="in_progress")
    few = count(client, "/rapport/foljsida/")
    for i in range(30):
        ReportUpdate.objects.create(report=report, status="planned", public_note=f"Steg {i}")
    assert count(client, "/rapport/foljsida/") == few
