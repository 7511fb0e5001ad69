"""The report form works in the demo: Tjörn's demo reports (the Open311 seed, the one set of
demo reports) are found by the "has someone reported this?" step and followed by their link."""

import pytest
from django.core.management import call_command

from participation.models import ResidentReport
from tests.report_helpers import FORM_URL, category, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]


def test_the_demo_form_finds_the_demo_report_and_files_a_new_one(client):
    call_command("load_demo", verbosity=0)
    before = ResidentReport.objects.count()
    assert client.get(FORM_URL).status_code == 200
    html = client.post(FORM_URL, form_data(category=category().pk)).content.decode()
    assert "Har någon redan rapporterat det här?" in html
    assert "Exempel: Två gatlyktor längs gångvägen" in html
    response = client.post(FORM_URL, {**form_data(), "send": "1"})
    assert response.status_code == 302 and ResidentReport.objects.count() == before + 1
    follow = client.get("/rapport/demo-open311-belysning/").content.decode()
    assert "Planerad åtgärd" in follow and "Armaturerna byts vecka 3." in follow
