"""GET discovery and services, services/{service_code}: both formats, the spec's names."""

import pytest

from participation.models import ReportCategory
from tests.open311_helpers import (
    SERVICE_FIELDS,
    assert_spec_error,
    assert_xml_error,
    get_json,
    get_xml,
    xml_records,
)

pytestmark = pytest.mark.django_db


def test_discovery_in_both_formats(client):
    body = get_json(client, "discovery")
    assert set(body) == {"changeset", "contact", "key_service", "endpoints"}
    endpoint = body["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["type"] == "production"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert body["changeset"].endswith("+01:00") and "T" in body["changeset"]
    assert "114 14" in body["contact"]

    root = get_xml(client, "discovery")
    assert root.tag == "discovery"
    assert [c.tag for c in root] == ["changeset", "contact", "key_service", "endpoints"]
    xml_endpoint = root.find("endpoints/endpoint")
    assert xml_endpoint.findtext("url") == "http://testserver/open311/v2"
    assert [f.text for f in xml_endpoint.findall("formats/format")] == [
        "text/xml",
        "application/json",
    ]


def test_base_url_leads_to_discovery(client):
    response = client.get("/open311/v2/")
    assert response.status_code == 302 and response["Location"].endswith("discovery.xml")


def test_services_list_the_active_categories_but_no_crimes(client):
    body = get_json(client, "services")
    codes = [s["service_code"] for s in body]
    assert "belysning" in codes and "otrygg_plats" in codes
    assert "narkotika" not in codes and "brott" not in codes
    for service in body:
        assert list(service) == SERVICE_FIELDS
        assert service["type"] == "realtime" and isinstance(service["metadata"], bool)
    lighting = next(s for s in body if s["service_code"] == "belysning")
    assert lighting["service_name"] == "Trasig eller dålig belysning"
    assert next(s for s in body if s["service_code"] == "otrygg_plats")["metadata"] is True
    assert next(s for s in body if s["service_code"] == "nedskrapning")["metadata"] is False

    root = get_xml(client, "services")
    assert root.tag == "services"
    records = xml_records(root, "service")
    assert [r["service_code"] for r in records] == codes
    assert all(list(r) == SERVICE_FIELDS for r in records)
    assert {r["metadata"] for r in records} == {"true", "false"}


def test_inactive_category_is_not_a_service(client):
    ReportCategory.objects.filter(code="klotter").update(is_active=False)
    assert "klotter" not in [s["service_code"] for s in get_json(client, "services")]
    assert_spec_error(get_json(client, "services/klotter", 404), 404)


def test_services_of_an_unknown_jurisdiction_is_404(client):
    assert get_json(client, "services", jurisdiction_id="1419")
    text = assert_spec_error(get_json(client, "services", 404, jurisdiction_id="9999"), 404)
    assert "9999" in text
    assert_xml_error(get_xml(client, "services", 404, jurisdiction_id="9999"), 404)


def test_service_definition_with_attributes(client):
    body = get_json(client, "services/otrygg_plats")
    assert list(body) == ["service_code", "attributes"]
    assert body["service_code"] == "otrygg_plats"
    place, time = body["attributes"]
    assert list(place) == [
        "variable",
        "code",
        "datatype",
        "required",
        "datatype_description",
        "order",
        "description",
        "values",
    ]
    assert place["code"] == "plats_typ" and place["datatype"] == "singlevaluelist"
    assert place["required"] is True and place["variable"] is True and place["order"] == 1
    assert {"key": "park", "name": "Park, grönområde eller skog"} in place["values"]
    assert time["datatype"] == "multivaluelist" and time["required"] is False

    root = get_xml(client, "services/otrygg_plats")
    assert root.tag == "service_definition"
    attribute = root.find("attributes/attribute")
    assert attribute.findtext("code") == "plats_typ"
    assert attribute.findtext("required") == "true"
    assert attribute.findtext("order") == "1"
    keys = [v.findtext("key") for v in attribute.findall("values/value")]
    assert "park" in keys and "annat" in keys


def test_service_without_questions_has_an_empty_definition(client):
    assert get_json(client, "services/nedskrapning") == {
        "service_code": "nedskrapning",
        "attributes": [],
    }
    root = get_xml(client, "services/nedskrapning")
    assert root.find("attributes") is not None and not list(root.find("attributes"))


def test_unknown_and_crime_service_definitions(client):
    assert "finns inte" in assert_spec_error(get_json(client, "services/okand", 404), 404)
    text = assert_xml_error(get_xml(client, "services/narkotika", 404), 404)
    assert "112" in text and "114 14" in text


def test_wrong_method_and_unknown_resource(client):
    response = client.post("/open311/v2/services.json")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert_spec_error(response.json(), 405)
    assert_spec_error(get_json(client, "nothing", 404), 404)
    response = client.get("/open311/v2/services.csv")
    assert response.status_code == 404 and response.content.startswith(b"<?xml")


def test_open_to_other_sites_for_reading(client):
    response = client.get("/open311/v2/services.json")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_answers_in_swedish_whatever_the_language_of_the_site(client):
    lighting = client.get("/en/open311/v2/services.json").json()[0]
    assert lighting["service_name"] == "Trasig eller dålig belysning"
