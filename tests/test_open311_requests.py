"""GET requests.json / requests.xml: the spec's fields and types, what is public, the filters,
the 90-day window, the limit, errors, and a constant number of queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.privacy import coarsen_point
from participation.models import ResidentReport
from tests.open311_helpers import (
    REQUEST_FIELDS,
    assert_spec_error,
    assert_xml_error,
    get_json,
    get_xml,
    xml_records,
)
from tests.voices_factories import SKARHAMN, approved_report, report

pytestmark = pytest.mark.django_db
W3C = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def dated(r: ResidentReport, days_ago: float) -> ResidentReport:
    at = timezone.now() - datetime.timedelta(days=days_ago)
    ResidentReport.objects.filter(pk=r.pk).update(created_at=at)
    r.refresh_from_db()
    return r


def ids(body: list) -> list[str]:
    return [r["service_request_id"] for r in body]


def test_fields_and_types_in_json(client, cast):
    r = approved_report(
        status=ResidentReport.Status.PLANNED,
        public_note="Lampan byts på torsdag.",
        responsible=cast.tjorn,
    )
    [record] = get_json(client, "requests")
    assert list(record) == REQUEST_FIELDS
    assert record["service_request_id"] == str(r.pk)
    assert record["status"] == "open"
    assert record["status_notes"] == "Planerad åtgärd. Lampan byts på torsdag."
    assert record["service_code"] == "belysning"
    assert record["service_name"] == "Trasig eller dålig belysning"
    assert record["description"] == r.public_text
    assert record["agency_responsible"] == "Tjörn kommun"
    assert W3C.match(record["requested_datetime"]) and W3C.match(record["updated_datetime"])
    assert datetime.datetime.fromisoformat(record["requested_datetime"]) == r.created_at.replace(
        microsecond=0
    )
    assert isinstance(record["lat"], float) and isinstance(record["long"], float)
    assert record["expected_datetime"] is None and record["media_url"] is None
    assert record["address"] == "Tjörn"


def test_xml_has_the_same_records(client, cast):
    approved_report(status=ResidentReport.Status.FIXED, public_text="Trasig <lykta> & mörkt")
    approved_report(category="klotter")
    body = get_json(client, "requests")
    root = get_xml(client, "requests")
    assert root.tag == "service_requests"
    records = xml_records(root, "request")
    assert [list(r) for r in records] == [REQUEST_FIELDS, REQUEST_FIELDS]
    for as_json, as_xml in zip(body, records, strict=True):
        for name in REQUEST_FIELDS:
            value = as_json[name]
            assert as_xml[name] == ("" if value is None else str(value)), name
    assert records[1]["description"] == "Trasig <lykta> & mörkt"
    assert records[1]["status"] == "closed"


def test_status_is_open_or_closed_with_the_detail_in_the_notes(client):
    for status in ResidentReport.Status:
        approved_report(status=status)
    body = get_json(client, "requests")
    assert {r["status"] for r in body} == {"open", "closed"}
    notes = {r["status_notes"] for r in body}
    assert notes == {
        "Mottagen.",
        "Under behandling.",
        "Planerad åtgärd.",
        "Åtgärdad.",
        "Avslutad.",
    }
    assert [r["status"] for r in body if r["status_notes"] in ("Åtgärdad.", "Avslutad.")] == [
        "closed",
        "closed",
    ]


def test_point_is_coarse_unless_the_precise_one_was_approved(client):
    coarse = approved_report(place_text="Utanför Storgatan 12")
    precise = approved_report(precise_approved=True, place_text="Busshållplatsen Skärhamn")
    by_id = {r["service_request_id"]: r for r in get_json(client, "requests")}
    assert (by_id[str(coarse.pk)]["lat"], by_id[str(coarse.pk)]["long"]) == coarsen_point(*SKARHAMN)
    assert (by_id[str(coarse.pk)]["lat"], by_id[str(coarse.pk)]["long"]) != SKARHAMN
    assert by_id[str(coarse.pk)]["address"] == "Tjörn"
    assert (by_id[str(precise.pk)]["lat"], by_id[str(precise.pk)]["long"]) == SKARHAMN
    assert by_id[str(precise.pk)]["address"] == "Busshållplatsen Skärhamn, Tjörn"


def test_a_report_without_a_point_has_no_coordinates(client):
    approved_report(point=(None, None), place_text="Vid kyrkan")
    [record] = get_json(client, "requests")
    assert record["lat"] is None and record["long"] is None
    [xml] = xml_records(get_xml(client, "requests"), "request")
    assert xml["lat"] == "" and xml["long"] == ""


def test_only_moderated_non_crime_reports_are_listed(client):
    shown = approved_report()
    report()  # pending
    report(moderation=ResidentReport.Moderation.REJECTED, public_text="Avvisad")
    approved_report(category="narkotika")
    assert ids(get_json(client, "requests")) == [str(shown.pk)]
    assert [
        r["service_request_id"] for r in xml_records(get_xml(client, "requests"), "request")
    ] == [str(shown.pk)]


def test_newest_first_within_the_last_90_days_by_default(client):
    old = dated(approved_report(), 91)
    middle = dated(approved_report(), 30)
    newest = dated(approved_report(), 1)
    assert ids(get_json(client, "requests")) == [str(newest.pk), str(middle.pk)]
    assert old.pk


def test_date_range(client):
    a = dated(approved_report(), 200)
    b = dated(approved_report(), 150)
    dated(approved_report(), 100)
    start = (timezone.now() - datetime.timedelta(days=210)).isoformat(timespec="seconds")
    end = (timezone.now() - datetime.timedelta(days=140)).isoformat(timespec="seconds")
    body = get_json(client, "requests", start_date=start, end_date=end)
    assert ids(body) == [str(b.pk), str(a.pk)]
    # Only a start: the 90 days after it. Only an end: the 90 days before it.
    assert ids(get_json(client, "requests", start_date=start)) == [str(b.pk), str(a.pk)]
    before_b = (timezone.now() - datetime.timedelta(days=160)).date().isoformat()
    assert ids(get_json(client, "requests", end_date=before_b)) == [str(a.pk)]
    # UTC with Z is the same instant as the Swedish offset.
    utc = (timezone.now() - datetime.timedelta(days=210)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(get_json(client, "requests", start_date=utc)) == [str(b.pk), str(a.pk)]


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"start_date": "igår"}, "start_date"),
        ({"end_date": "2025-13-40"}, "end_date"),
        ({"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-06-01T00:00:00Z"}, "90 dagar"),
        ({"start_date": "2025-06-01T00:00:00Z", "end_date": "2025-01-01T00:00:00Z"}, "före"),
        ({"status": "pending"}, "status"),
        ({"service_code": "okand"}, "okand"),
        ({"service_code": "narkotika"}, "narkotika"),
        ({"service_request_id": "1,abc"}, "service_request_id"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"limit": "många"}, "limit"),
    ],
)
def test_bad_filters_are_400_naming_the_parameter(client, params, named):
    assert named in assert_spec_error(get_json(client, "requests", 400, **params), 400)
    assert named in assert_xml_error(get_xml(client, "requests", 400, **params), 400)


def test_unknown_jurisdiction_is_404(client):
    text = assert_spec_error(get_json(client, "requests", 404, jurisdiction_id="0000"), 404)
    assert "jurisdiction_id" in text


def test_filter_by_service_code_status_and_jurisdiction(client):
    lamp = approved_report()
    graffiti = approved_report(category="klotter", status=ResidentReport.Status.FIXED)
    litter = approved_report(category="nedskrapning")
    elsewhere = approved_report(municipality_code="1401", category="trafik", point=(57.68, 12.29))
    assert ids(get_json(client, "requests", service_code="klotter")) == [str(graffiti.pk)]
    assert set(ids(get_json(client, "requests", service_code="klotter,belysning"))) == {
        str(lamp.pk),
        str(graffiti.pk),
    }
    assert ids(get_json(client, "requests", status="closed")) == [str(graffiti.pk)]
    assert str(graffiti.pk) not in ids(get_json(client, "requests", status="open"))
    assert len(get_json(client, "requests", status="open,closed")) == 4
    assert ids(get_json(client, "requests", jurisdiction_id="1401")) == [str(elsewhere.pk)]
    assert str(litter.pk) in ids(get_json(client, "requests", jurisdiction_id="1419"))


def test_service_request_id_overrides_the_other_arguments(client):
    old = dated(approved_report(), 400)
    recent = approved_report(category="klotter")
    pending = report()
    body = get_json(
        client,
        "requests",
        service_request_id=f"{old.pk},{recent.pk},{pending.pk},999999",
        service_code="nedskrapning",
    )
    assert ids(body) == [str(recent.pk), str(old.pk)]


def test_limit_default_and_maximum(client):
    made = [approved_report() for _ in range(53)]
    assert len(get_json(client, "requests")) == 50
    assert len(get_json(client, "requests", limit=1000)) == 53
    assert ids(get_json(client, "requests", limit=2)) == [str(made[-1].pk), str(made[-2].pk)]
    assert len(xml_records(get_xml(client, "requests", limit=3), "request")) == 3


def test_an_empty_answer_is_an_empty_list(client):
    assert get_json(client, "requests") == []
    root = get_xml(client, "requests")
    assert root.tag == "service_requests" and list(root) == []


def test_constant_number_of_queries(client, cast):
    def queries(path: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    paths = [
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml?jurisdiction_id=1419&service_code=belysning,klotter&status=open",
    ]
    for _ in range(3):
        approved_report(responsible=cast.tjorn)
    small = [queries(p) for p in paths]
    for i in range(30):
        approved_report(category="klotter" if i % 2 else "belysning", responsible=cast.police)
    assert [queries(p) for p in paths] == small
    assert small[0] == 1
