"""POST requests: form-encoded as GeoReport v2 says, with an API key a platform admin issued;
a new report waits for moderation, contact details apart; bad input stores nothing."""

import datetime
import json
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from participation.models import ReportContact, ResidentReport
from participation.open311.keys import issue_key, revoke_key
from tests.open311_helpers import assert_spec_error, assert_xml_error, get_json

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"
SKARHAMN = {"lat": "57.99131", "long": "11.54778"}


@pytest.fixture
def tjorn_key(cast):
    return issue_key(name="Felanmälningsappen", organisation=cast.tjorn, actor=None)[1]


@pytest.fixture
def police_key(cast):
    return issue_key(name="Polisens app", organisation=cast.police, actor=None)[1]


def post(client, data: dict | list, fmt: str = "json", **extra: object):
    return client.post(f"/open311/v2/requests.{fmt}", urlencode(data), content_type=FORM, **extra)


def stored() -> tuple[int, int]:
    return ResidentReport.objects.count(), ReportContact.objects.count()


def test_a_request_is_filed_and_waits_for_moderation(client, tjorn_key):
    response = post(
        client,
        {
            "api_key": tjorn_key,
            "service_code": "belysning",
            **SKARHAMN,
            "description": "Lampan vid hållplatsen är släckt.",
        },
    )
    assert response.status_code == 201, response.content
    [answer] = response.json()
    assert list(answer) == ["service_request_id", "token", "service_notice", "account_id"]
    assert "moderator" in answer["service_notice"] and "114 14" in answer["service_notice"]
    r = ResidentReport.objects.get(pk=int(answer["service_request_id"]))
    assert r.source == "open311" and r.moderation == ResidentReport.Moderation.PENDING
    assert not r.precise_approved and r.public_text == ""
    assert (r.latitude, r.longitude) == (57.99131, 11.54778)
    assert r.municipality.code == "1419" and r.category.code == "belysning"
    assert r.description == "Lampan vid hållplatsen är släckt."
    # Not public until a moderator approves it; the token finds it at once.
    assert get_json(client, "requests") == []
    assert_spec_error(get_json(client, f"requests/{r.pk}", 404), 404)
    assert get_json(client, f"tokens/{answer['token']}")[0]["service_request_id"] == str(r.pk)


def test_approved_later_it_is_public_and_coarse(client, tjorn_key):
    [answer] = post(client, {"api_key": tjorn_key, "service_code": "klotter", **SKARHAMN}).json()
    ResidentReport.objects.filter(pk=answer["service_request_id"]).update(
        moderation=ResidentReport.Moderation.APPROVED, public_text="Klotter på väntkuren."
    )
    [record] = get_json(client, f"requests/{answer['service_request_id']}")
    assert record["description"] == "Klotter på väntkuren."
    assert (record["lat"], record["long"]) != (57.99131, 11.54778)


def test_xml_answer(client, tjorn_key):
    response = post(client, {"api_key": tjorn_key, "service_code": "klotter", **SKARHAMN}, "xml")
    assert response.status_code == 201 and response["Content-Type"].startswith("text/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "service_requests"
    request = root.find("request")
    assert [c.tag for c in request] == [
        "service_request_id",
        "token",
        "service_notice",
        "account_id",
    ]
    assert ResidentReport.objects.filter(pk=request.findtext("service_request_id")).exists()


def test_contact_details_are_kept_apart_and_names_dropped(client, tjorn_key, settings):
    settings.REPORT_CONTACT_RETENTION_DAYS = 30
    data = {
        "api_key": tjorn_key,
        "service_code": "nedskrapning",
        "address_string": "Parkeringen vid Tjörns kulturhus",
        "email": "boende@example.se",
        "phone": "0701-23 45 67",
        "first_name": "Kalle",
        "last_name": "Anka",
        "device_id": "abc-123",
        "account_id": "42",
        "description": "Mycket skräp.",
    }
    [answer] = post(client, data).json()
    r = ResidentReport.objects.get(pk=answer["service_request_id"])
    assert r.place_text == "Parkeringen vid Tjörns kulturhus" and r.latitude is None
    assert (r.contact.email, r.contact.phone) == ("boende@example.se", "0701-23 45 67")
    assert r.contact.delete_after == timezone.localdate() + datetime.timedelta(days=30)
    assert "Kalle" not in r.description and "Anka" not in r.description
    assert answer["account_id"] is None


def test_contact_retention_defaults_to_90_days(client, tjorn_key, settings):
    del settings.REPORT_CONTACT_RETENTION_DAYS
    post(client, {"api_key": tjorn_key, "service_code": "klotter", **SKARHAMN, "email": "a@b.se"})
    assert ReportContact.objects.get().delete_after == timezone.localdate() + datetime.timedelta(
        days=90
    )


def test_no_contact_without_email_or_phone(client, tjorn_key):
    post(client, {"api_key": tjorn_key, "service_code": "klotter", **SKARHAMN})
    assert stored() == (1, 0)


def test_attributes_are_validated_and_kept_for_the_moderator(client, tjorn_key):
    data = [
        ("api_key", tjorn_key),
        ("service_code", "otrygg_plats"),
        ("lat", "57.99131"),
        ("long", "11.54778"),
        ("description", "Ödsligt."),
        ("attribute[plats_typ]", "park"),
        ("attribute[tid_pa_dygnet][]", "kvall"),
        ("attribute[tid_pa_dygnet][]", "natt"),
        ("media_url", "https://bilder.example.se/1.jpg"),
    ]
    response = post(client, data)
    assert response.status_code == 201, response.content
    description = ResidentReport.objects.get().description
    assert description.startswith("Ödsligt.")
    assert "Vad är det för slags plats?: Park, grönområde eller skog" in description
    assert "När på dygnet upplevs platsen som otrygg?: Kväll, Natt" in description
    assert "https://bilder.example.se/1.jpg" in description


def test_police_key_files_for_a_municipality_of_its_area(client, police_key):
    data = {"api_key": police_key, "service_code": "klotter", **SKARHAMN}
    text = assert_spec_error(post(client, data).json(), 400)
    assert "1419" in text and "1421" in text
    assert post(client, {**data, "jurisdiction_id": "1419"}).status_code == 201
    assert ResidentReport.objects.get().municipality.code == "1419"


BASE = {"service_code": "belysning", **SKARHAMN}


@pytest.mark.parametrize(
    ("data", "status", "named"),
    [
        ({**BASE, "api_key": ""}, 403, "api_key"),
        ({**BASE, "api_key": "fel-nyckel"}, 403, "api_key"),
        ({"api_key": "KEY", **SKARHAMN}, 400, "service_code"),
        ({**BASE, "api_key": "KEY", "service_code": "okand"}, 400, "okand"),
        ({**BASE, "api_key": "KEY", "service_code": "narkotika"}, 400, "114 14"),
        ({"api_key": "KEY", "service_code": "belysning"}, 400, "address_string"),
        ({"api_key": "KEY", "service_code": "belysning", "address_id": "7"}, 400, "address_id"),
        ({"api_key": "KEY", "service_code": "belysning", "lat": "57.99"}, 400, "long"),
        ({**BASE, "api_key": "KEY", "lat": "48.85", "long": "2.35"}, 400, "Sverige"),
        ({**BASE, "api_key": "KEY", "lat": "57.68", "long": "12.29"}, 400, "Tjörn"),
        ({**BASE, "api_key": "KEY", "lat": "norr"}, 400, "lat"),
        ({**BASE, "api_key": "KEY", "lat": "nan"}, 400, "lat"),
        ({**BASE, "api_key": "KEY", "description": "x" * 100_000}, 400, "description"),
        ({**BASE, "api_key": "KEY", "email": "inte-en-adress"}, 400, "email"),
        ({**BASE, "api_key": "KEY", "phone": "ring mig"}, 400, "phone"),
        ({**BASE, "api_key": "KEY", "jurisdiction_id": "1401"}, 403, "Härryda"),
        ({**BASE, "api_key": "KEY", "jurisdiction_id": "9999"}, 404, "9999"),
        ({**BASE, "api_key": "KEY", "service_code": "otrygg_plats"}, 400, "attribute[plats_typ]"),
        (
            {
                **BASE,
                "api_key": "KEY",
                "service_code": "otrygg_plats",
                "attribute[plats_typ]": "mars",
            },
            400,
            "attribute[plats_typ]",
        ),
        ({**BASE, "api_key": "KEY", "attribute[farg]": "röd"}, 400, "attribute[farg]"),
    ],
)
def test_bad_input_is_refused_in_the_spec_format_and_stores_nothing(
    client, tjorn_key, data, status, named
):
    data = {k: (tjorn_key if v == "KEY" else v) for k, v in data.items()}
    for fmt in ("json", "xml"):
        response = post(client, data, fmt)
        assert response.status_code == status, response.content
        if fmt == "json":
            text = assert_spec_error(response.json(), status)
        else:
            text = assert_xml_error(ElementTree.fromstring(response.content), status)
        assert named in text
    assert stored() == (0, 0)


def test_every_problem_is_named_at_once(client, tjorn_key):
    data = {"api_key": tjorn_key, "service_code": "otrygg_plats", "email": "x", "lat": "1"}
    text = assert_spec_error(post(client, data).json(), 400)
    assert "email" in text and "long" in text and "attribute[plats_typ]" in text


def test_revoked_key_is_refused(client, cast):
    key, secret = issue_key(name="Gammal app", organisation=cast.tjorn, actor=None)
    revoke_key(key=key, actor=None)
    response = post(client, {"api_key": secret, **BASE})
    assert response.status_code == 403 and stored() == (0, 0)


def test_key_in_the_query_string_is_accepted(client, tjorn_key):
    response = client.post(
        f"/open311/v2/requests.json?api_key={tjorn_key}", urlencode(BASE), content_type=FORM
    )
    assert response.status_code == 201


def test_json_body_is_refused(client, tjorn_key):
    response = client.post(
        "/open311/v2/requests.json",
        json.dumps({"api_key": tjorn_key, **BASE}),
        content_type="application/json",
    )
    assert "x-www-form-urlencoded" in assert_spec_error(response.json(), 400)
    assert stored() == (0, 0)


def test_no_csrf_token_needed(tjorn_key):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert post(strict, {"api_key": tjorn_key, **BASE}).status_code == 201


def test_wrong_method(client):
    response = client.put("/open311/v2/requests.json")
    assert response.status_code == 405
    assert_spec_error(response.json(), 405)
