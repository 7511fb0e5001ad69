"""Residents' reports in the public API: only moderated ones, the moderated text, coarsened
points unless the exact point is approved, no contact details or text as typed; filters,
pagination, ETag and a constant number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.privacy import coarsen_point
from participation.models import ReportContact, ReportUpdate
from tests.voices_factories import SKARHAMN, approved_report, report

LIST = "/api/v1/resident-reports"


def test_only_moderated_reports_with_public_fields(client, cast):
    shown = approved_report(
        description="Kalle på Storgatan 3 klottrar",
        public_text="Någon klottrar vid hamnen.",
        status="planned",
        public_note="Saneras i veckan.",
    )
    ReportContact.objects.create(
        report=shown, email="boende@example.se", delete_after=timezone.localdate()
    )
    report(description="Väntar")
    report(moderation="rejected", public_text="Avvisad")
    approved_report(category="brott")
    response = client.get(LIST)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["id"] == shown.pk
    assert item["text"] == "Någon klottrar vid hamnen."
    assert item["status"] == "planned" and item["status_label"] == "Planerad åtgärd"
    assert item["public_note"] == "Saneras i veckan." and item["is_open"] is True
    assert item["category"]["code"] == "belysning"
    assert item["municipality"] == {"kommunkod": "1419", "name": "Tjörn"}
    assert item["url"] == f"/kommun/tjorn/karta/#rapport-{shown.pk}"
    text = response.content.decode()
    assert "Kalle" not in text and "boende@example.se" not in text


def test_points_are_coarsened_unless_approved(client, cast):
    coarse = approved_report(point=SKARHAMN)
    precise = approved_report(point=(57.98, 11.53), precise_approved=True)
    items = {i["id"]: i for i in client.get(LIST).json()["items"]}
    c_lat, c_lon = coarsen_point(*SKARHAMN)
    assert items[coarse.pk]["point"] == {"lat": c_lat, "lon": c_lon, "precise": False}
    assert items[precise.pk]["point"] == {"lat": 57.98, "lon": 11.53, "precise": True}


def test_filters_and_pagination(client, cast):
    lamp = approved_report(status="fixed")
    graffiti = approved_report(category="klotter")
    harryda = approved_report(municipality_code="1401", point=(57.69, 12.29))
    ids = lambda **q: [i["id"] for i in client.get(LIST, q).json()["items"]]  # noqa: E731
    assert ids(kommunkod="1401") == [harryda.pk]
    assert ids(category="klotter") == [graffiti.pk]
    assert ids(status="fixed") == [lamp.pk]
    page = client.get(LIST, {"limit": 2}).json()
    assert page["count"] == 3 and len(page["items"]) == 2 and page["next"]
    assert client.get(LIST, {"status": "okand"}).status_code == 422


def test_detail_with_history(client, cast):
    r = approved_report()
    ReportUpdate.objects.create(report=r, status="in_progress", public_note="Vi tittar på det.")
    body = client.get(f"{LIST}/{r.pk}").json()
    assert body["updates"][0]["public_note"] == "Vi tittar på det."
    assert set(body["updates"][0]) == {"status", "status_label", "public_note", "date"}
    pending = report()
    assert client.get(f"{LIST}/{pending.pk}").status_code == 404


def test_etag_gives_304(client, cast):
    approved_report()
    first = client.get(LIST)
    again = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_query_count_does_not_grow(client, cast):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST).status_code == 200
        return len(ctx.captured_queries)

    approved_report()
    few = queries()
    for _ in range(30):
        approved_report()
    assert queries() == few
