"""Before a report is sent: "Har någon redan rapporterat det här?" – published reports of the
same category near the place, shown with their public text and public point only, and a way to
add one's voice instead of sending a new report (once per browser session)."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image

from organisations.models import Area
from participation.models import ReportContact, ResidentReport
from tests.report_helpers import FORM_URL, category, form_data, jpeg, post_report, published, tjorn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]
PREVIEW = "Har någon redan rapporterat det här?"


def test_a_similar_published_report_nearby_is_shown_before_sending(client):
    other = published(point=(57.99200, 11.54800))  # about 80 m away
    response = post_report(client, email="jag@example.org")
    html = response.content.decode()
    assert response.status_code == 200 and PREVIEW in html
    assert other.public_text in html and "Anna Andersson" not in html  # public text only
    assert "57.992" not in html and "11.548" not in html  # no coordinates of the other report
    assert "Jag vill också rapportera det här" in html and "meter bort" in html
    assert 'value="jag@example.org"' in html  # carried to the next step
    assert ResidentReport.objects.count() == 1


def test_sending_anyway_files_the_new_report(client):
    published()
    response = client.post(FORM_URL, {**form_data(email="jag@example.org"), "send": "1"})
    assert response.status_code == 302
    assert ResidentReport.objects.count() == 2 and ReportContact.objects.count() == 1


def test_me_too_adds_a_voice_once_per_session_and_files_nothing(client):
    other = published()
    data = {**form_data(email="jag@example.org"), "support": str(other.pk)}
    response = client.post(FORM_URL, data)
    assert response.status_code == 200 and "din röst är tillagd" in response.content.decode()
    client.post(FORM_URL, data)  # the same browser again: not counted twice
    other.refresh_from_db()
    assert other.supporters == 1
    assert ResidentReport.objects.count() == 1 and not ReportContact.objects.exists()
    Client().post(FORM_URL, data)  # someone else
    other.refresh_from_db()
    assert other.supporters == 2


def test_me_too_only_for_a_published_report_of_the_same_kind(client):
    pending = published("väntar", moderation=ResidentReport.Moderation.PENDING)
    graffiti = published("klotter", code="klotter")
    for target in (pending, graffiti):
        client.post(FORM_URL, {**form_data(), "support": str(target.pk)})
        target.refresh_from_db()
        assert target.supporters == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"point": (57.99131 + 0.009, 11.54778)},  # 1 km north
        {"code": "klotter"},
        {"moderation": ResidentReport.Moderation.PENDING},
        {"moderation": ResidentReport.Moderation.REJECTED},
    ],
    ids=["far", "other-category", "pending", "rejected"],
)
def test_only_published_reports_of_the_same_category_within_reach(client, kwargs):
    published(**kwargs)
    response = post_report(client)
    assert response.status_code == 302


def test_without_a_point_reports_in_the_same_area_are_shown(client):
    area = Area.objects.create(municipality=tjorn(), name="Rönnäng", code="ronnang")
    published(point=None, area=area)
    response = post_report(client, point="", area=area.pk)
    assert PREVIEW in response.content.decode()


def test_the_photo_is_held_for_the_second_step_and_goes_with_the_report(client):
    published()
    photo = SimpleUploadedFile("a.jpg", jpeg((50, 50)), content_type="image/jpeg")
    response = client.post(FORM_URL, {**form_data(), "photo": photo})
    ref = response.context["form"].held_reference
    assert ref and f'name="photo_ref" value="{ref}"' in response.content.decode()
    response = client.post(FORM_URL, {**form_data(), "photo_ref": ref, "send": "1"})
    assert response.status_code == 302
    report = ResidentReport.objects.order_by("-pk").first()
    with report.photo.open("rb") as f:
        assert Image.open(io.BytesIO(f.read())).size == (50, 50)
    assert default_storage.listdir("rapporter/vantande")[1] == []  # the held copy is gone


def test_a_forged_photo_reference_is_ignored(client):
    response = client.post(FORM_URL, {**form_data(), "photo_ref": "rapporter/vantande/x.jpg"})
    assert response.status_code == 302
    assert not ResidentReport.objects.get().photo


def test_the_step_uses_a_constant_number_of_queries(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert PREVIEW in post_report(client).content.decode()
        return len(ctx)

    published("första")
    few = queries()
    for i in range(30):
        published(f"fler-{i}", point=(57.99131 + i * 0.00002, 11.54778))
    assert queries() == few
    assert category().reports.count() == 31
