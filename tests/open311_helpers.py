"""Reading Open311 answers in tests, and the field names GeoReport v2 prescribes (written out
here, not imported from the code under test)."""

import json
from xml.etree import ElementTree

from django.test import Client

BASE = "/open311/v2"
REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]
SERVICE_FIELDS = [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
]


def get_json(client: Client, path: str, expect: int = 200, **params: object) -> object:
    response = client.get(f"{BASE}/{path}.json", params)
    assert response.status_code == expect, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def get_xml(client: Client, path: str, expect: int = 200, **params: object) -> ElementTree.Element:
    response = client.get(f"{BASE}/{path}.xml", params)
    assert response.status_code == expect, response.content
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ElementTree.fromstring(response.content)


def xml_records(root: ElementTree.Element, item: str) -> list[dict[str, str]]:
    """The items of an XML list as {tag: text}, in document order."""
    return [{child.tag: child.text or "" for child in element} for element in root.findall(item)]


def assert_spec_error(body: object, code: int) -> str:
    """A JSON error list; the descriptions joined."""
    assert isinstance(body, list) and body
    for error in body:
        assert set(error) == {"code", "description"}
        assert error["code"] == code and isinstance(error["description"], str)
    return " ".join(e["description"] for e in body)


def assert_xml_error(root: ElementTree.Element, code: int) -> str:
    assert root.tag == "errors"
    errors = root.findall("error")
    assert errors
    for error in errors:
        assert [c.tag for c in error] == ["code", "description"]
        assert error.findtext("code") == str(code)
    return " ".join(e.findtext("description") for e in errors)
