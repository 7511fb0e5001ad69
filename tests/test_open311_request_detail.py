"""GET requests/{service_request_id} and tokens/{token}, in both formats."""

import pytest

from participation.models import ResidentReport
from participation.open311.services import hash_tracking_token
from tests.open311_helpers import (
    REQUEST_FIELDS,
    assert_spec_error,
    assert_xml_error,
    get_json,
    get_xml,
    xml_records,
)
from tests.voices_factories import approved_report, report

pytestmark = pytest.mark.django_db


def test_one_request_is_a_list_of_one(client):
    r = approved_report(status=ResidentReport.Status.FIXED, public_note="Lagad.")
    [record] = get_json(client, f"requests/{r.pk}")
    assert list(record) == REQUEST_FIELDS
    assert record["service_request_id"] == str(r.pk) and record["status"] == "closed"
    assert record["status_notes"] == "Åtgärdad. Lagad."
    root = get_xml(client, f"requests/{r.pk}")
    assert root.tag == "service_requests"
    [xml] = xml_records(root, "request")
    assert xml["service_request_id"] == str(r.pk) and list(xml) == REQUEST_FIELDS


def test_an_old_request_is_still_found_by_its_id(client):
    r = approved_report()
    ResidentReport.objects.filter(pk=r.pk).update(created_at="2020-01-01T12:00:00+01:00")
    [record] = get_json(client, f"requests/{r.pk}")
    assert record["requested_datetime"] == "2020-01-01T12:00:00+01:00"


@pytest.mark.parametrize(
    "make",
    [
        lambda: report(),
        lambda: report(moderation=ResidentReport.Moderation.REJECTED),
        lambda: approved_report(category="brott"),
    ],
    ids=["pending", "rejected", "crime"],
)
def test_unpublished_requests_are_404(client, make):
    r = make()
    assert str(r.pk) in assert_spec_error(get_json(client, f"requests/{r.pk}", 404), 404)
    assert_xml_error(get_xml(client, f"requests/{r.pk}", 404), 404)


def test_unknown_ids_are_404(client):
    assert_spec_error(get_json(client, "requests/424242", 404), 404)
    assert_spec_error(get_json(client, "requests/abc", 404), 404)


def test_token_gives_the_request_id_even_before_moderation(client):
    r = report(tracking_token_hash=hash_tracking_token("min-privata-token"))
    assert get_json(client, "tokens/min-privata-token") == [
        {"service_request_id": str(r.pk), "token": "min-privata-token"}
    ]
    root = get_xml(client, "tokens/min-privata-token")
    assert xml_records(root, "request") == [
        {"service_request_id": str(r.pk), "token": "min-privata-token"}
    ]


def test_unknown_token_is_404(client):
    assert "token" in assert_spec_error(get_json(client, "tokens/finns-inte", 404), 404)
    assert_xml_error(get_xml(client, "tokens/finns-inte", 404), 404)
