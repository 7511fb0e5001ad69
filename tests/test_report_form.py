"""The public report form: the notice, categories, place by map point, area or text, contact
details kept apart; bad input refused next to the field with what was typed kept and nothing
stored; crime categories lead to the police instead of publication."""

import datetime

import pytest
from django.utils import timezone

from organisations.models import Area
from participation.models import ReportContact, ResidentReport
from tests.report_helpers import (
    FORM_URL,
    category,
    post_report,
    tjorn,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]


def stored() -> tuple[int, int]:
    return ResidentReport.objects.count(), ReportContact.objects.count()


def test_the_form_says_it_is_not_a_police_report_and_lists_categories(client):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Det här är inte en polisanmälan" in html
    assert "112" in html and "114 14" in html and "polisen.se" in html
    assert "Skriv inte namn" in html
    assert "Trasig eller dålig belysning" in html
    assert "Misstänkt narkotikahandel" in html and "brott – hänvisas till polisen" in html
    assert 'name="point"' in html and 'id="rapport-karta"' in html  # the map block (JS only)
    assert 'name="place_text"' in html  # the way without JavaScript
    assert 'class="honeypot" aria-hidden="true"' in html


def test_unknown_municipality_is_404_and_wrong_method_405(client):
    assert client.get("/kommun/finns-inte/rapportera/").status_code == 404
    assert client.put(FORM_URL).status_code == 405


def test_a_report_with_a_map_point_is_stored_pending_and_opens_the_follow_page(client):
    response = post_report(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/rapport/")
    report = ResidentReport.objects.get()
    assert report.moderation == ResidentReport.Moderation.PENDING
    assert report.source == "web" and report.municipality.code == "1419"
    assert (report.latitude, report.longitude) == (57.99131, 11.54778)
    assert report.public_text == "" and not report.precise_approved
    token = response["Location"].split("/")[2]
    assert token not in report.tracking_token_hash and len(report.tracking_token_hash) == 64
    assert not ReportContact.objects.exists()


def test_without_javascript_a_place_in_words_and_an_area_are_enough(client):
    area = Area.objects.create(municipality=tjorn(), name="Skärhamn", code="skarhamn")
    page = client.get(FORM_URL).content.decode()
    assert "Skärhamn" in page and 'name="area"' in page
    response = post_report(client, point="", area=area.pk, place_text="Busstationen")
    assert response.status_code == 302
    report = ResidentReport.objects.get()
    assert report.latitude is None and report.area == area and report.place_text == "Busstationen"
    post_report(client, point="", place_text="Vid kyrkan i Klädesholmen")
    assert ResidentReport.objects.count() == 2


def test_contact_details_are_kept_apart_with_their_deletion_day(client, settings):
    settings.REPORT_CONTACT_RETENTION_DAYS = 30
    post_report(client, email="boende@example.org", phone="0304-123 45")
    contact = ReportContact.objects.get()
    assert contact.email == "boende@example.org" and contact.phone == "0304-123 45"
    assert contact.delete_after == timezone.localdate() + datetime.timedelta(days=30)
    report = ResidentReport.objects.get()
    assert "boende@example.org" not in report.description


@pytest.mark.parametrize(
    ("fields", "field_id", "message"),
    [
        ({"point": "", "place_text": ""}, "id_place_text", "Ange var det är"),
        ({"point": "52.52,13.40"}, "plats", "ligger inte i Sverige"),
        ({"point": "59.33,18.07"}, "plats", "ligger utanför Tjörn"),
        ({"point": "inte,en punkt"}, "plats", "Markera platsen igen"),
        ({"description": "x" * 100_000}, "id_description", "100000 tecken"),
        ({"description": ""}, "id_description", "Beskriv platsen"),
        ({"category": ""}, "id_category_0", "Välj vad rapporten gäller"),
        ({"email": "inte-en-adress"}, "id_email", "namn@exempel.se"),
        ({"phone": "ring mig"}, "id_phone", "med siffror"),
        ({"place_text": "p" * 201}, "id_place_text", "högst 200 tecken"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_stored(
    client, fields, field_id, message
):
    typed = "Mörkt under bron, ingen belysning alls."
    data = {"description": typed, "email": "jag@example.org", **fields}
    response = post_report(client, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'href="#{field_id}"' in html  # the error summary links to the field
    assert 'class="error-message"' in html
    assert stored() == (0, 0)
    if "description" not in fields:
        assert typed in html  # what was typed is kept
    if "email" not in fields:
        assert 'value="jag@example.org"' in html


def test_a_crime_category_leads_to_the_police_and_stores_nothing(client):
    typed = "Det säljs narkotika vid skolan varje kväll."
    response = post_report(client, category=category("narkotika").pk, description=typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kontakta polisen om brott" in html and "114 14" in html and "112" in html
    assert "Ingenting har sparats" in html and typed in html
    assert stored() == (0, 0)


def test_the_form_and_its_messages_are_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(FORM_URL).content.decode()
    assert "This is not a police report" in html and "Send the report" in html
    html = post_report(client, point="", place_text="").content.decode()
    assert "Say where it is" in html


def test_the_municipality_page_links_to_the_form_twice(client):
    html = client.get("/kommun/tjorn/").content.decode()
    assert html.count(f'href="{FORM_URL}"') == 2
    assert "Rapportera platsen till Tjörn" in html
