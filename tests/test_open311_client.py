"""A real Open311 client from PyPI (georeport, test-only) reads the service list, a service
definition and the requests from a live server, in JSON and in XML; a plain HTTP client files
one (georeport has no POST)."""

import pytest
import requests
from georeport import GeoReport

from participation.models import ResidentReport
from participation.open311.keys import issue_key
from tests.factories import municipality_org
from tests.voices_factories import approved_report, report


@pytest.fixture
def server(reference_data, live_server):
    graffiti = approved_report(category="klotter", status=ResidentReport.Status.FIXED)
    lamp = approved_report(precise_approved=True, public_text="Släckt lykta vid hamnen")
    report(description="Ej granskad")
    return {"url": f"{live_server.url}/open311/v2", "graffiti": graffiti, "lamp": lamp}


@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_client_reads_services_and_requests(server, output_format):
    client = GeoReport(server["url"], jurisdiction="1419", output_format=output_format)
    services = client.get_service_list()
    codes = [s["service_code"] for s in services]
    assert "belysning" in codes and "narkotika" not in codes

    definition = client.get_service_definition("otrygg_plats")
    attributes = definition["attributes"]
    if output_format == "xml":
        attributes = attributes["attribute"]
    assert attributes[0]["code"] == "plats_typ"

    found = client.get_service_requests()
    assert [r["service_request_id"] for r in found] == [
        str(server["lamp"].pk),
        str(server["graffiti"].pk),
    ]
    assert {r["status"] for r in found} == {"open", "closed"}

    one = client.get_service_request(str(server["lamp"].pk))
    assert one["description"] == "Släckt lykta vid hamnen"
    assert float(one["lat"]) == server["lamp"].latitude

    closed = client.get_service_requests(service_code="klotter,belysning", status="closed")
    if output_format == "xml":  # xmltodict gives a lone element as a dict
        closed = [closed]
    assert [r["service_request_id"] for r in closed] == [str(server["graffiti"].pk)]


def test_client_sees_spec_errors_as_http_errors(server):
    client = GeoReport(server["url"], jurisdiction="9999")
    with pytest.raises(requests.HTTPError) as raised:
        client.get_service_list()
    assert raised.value.response.status_code == 404
    assert raised.value.response.json()[0]["code"] == 404


def test_plain_http_client_files_a_request(server):
    tjorn = municipality_org("1419")
    _key, secret = issue_key(name="Appen", organisation=tjorn, actor=None)
    data = {"api_key": secret, "service_code": "klotter", "lat": 57.99131, "long": 11.54778}
    response = requests.post(f"{server['url']}/requests.json", data=data, timeout=10)
    assert response.status_code == 201
    assert response.request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    [answer] = response.json()
    token = requests.get(f"{server['url']}/tokens/{answer['token']}.json", timeout=10).json()
    assert token[0]["service_request_id"] == answer["service_request_id"]
    refused = requests.post(
        f"{server['url']}/requests.json", data={**data, "api_key": "x"}, timeout=10
    )
    assert refused.status_code == 403
