"""Privacy as properties (DOMAIN.md §7) over every public output of residents' reports – the
municipality page, the map page, the map data, Open311 (JSON and XML), the JSON API: a precise
point never appears unless a moderator approved it, the text as typed never appears once a
moderator has redacted it, and neither do the contact details or the reason for a rejection.
Reports are moderated through the real services, as a moderator would."""

import contextlib
import json
import uuid
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core.privacy import public_point
from participation.models import ReportContact, ResidentReport
from participation.moderation import services
from tests.voices_factories import report

TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00", exclude_categories=["Cs"]),
    max_size=40,
)
REPORTS = st.lists(
    st.fixed_dictionaries(
        {
            "lat": st.floats(min_value=55.4, max_value=68.9),
            "lon": st.floats(min_value=11.2, max_value=23.9),
            "precise": st.booleans(),
            "action": st.sampled_from(["pending", "reject", "redact_approve"]),
            "category": st.sampled_from(["belysning", "klotter", "otrygg_plats", "brott"]),
            "status": st.sampled_from(ResidentReport.Status.values),
            "public_text": TEXT,
            "with_contact": st.booleans(),
        }
    ),
    min_size=1,
    max_size=4,
)
PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def marker(kind: str) -> str:
    return f"{kind}{uuid.uuid4().hex}"


def moderate(spec: dict, moderator: object) -> tuple[ResidentReport, list[str]]:
    """A report as a resident filed it, moderated as the spec says; the strings that must never
    be published."""
    original, reason, email = marker("ORIGINAL"), marker("SKAL"), marker("kontakt")
    r = report(
        category=spec["category"],
        point=(spec["lat"], spec["lon"]),
        description=f"{original} Kalle Svensson på Storgatan 3",
        status=spec["status"],
    )
    if spec["with_contact"]:
        ReportContact.objects.create(
            report=r, email=f"{email}@example.se", delete_after=timezone.localdate()
        )
    if spec["precise"]:
        services.set_precision(r, True, user=moderator)
    if spec["action"] == "reject":
        services.reject(r, reason, user=moderator)
    elif spec["action"] == "redact_approve":
        services.redact(r, spec["public_text"].strip() or "Moderatorns text.", user=moderator)
        with contextlib.suppress(ValidationError):  # a crime category is never published
            services.approve(r, user=moderator)
    r.refresh_from_db()
    return r, [original, reason, email, "Kalle Svensson"]


def is_public(r: ResidentReport) -> bool:
    return r.moderation == ResidentReport.Moderation.APPROVED and not r.category.is_crime


def pair(lat: float, lon: float) -> str:
    """A point as the HTML pages write it."""
    return f"{lat:.4f}, {lon:.4f}"


HTML = ["/kommun/tjorn/", "/kommun/tjorn/karta/", "/kommun/tjorn/karta/?status=received"]


def documents(client: Client, reports: list[ResidentReport]) -> dict[str, bytes]:
    paths = [
        *HTML,
        "/kommun/tjorn/karta/data.geojson",
        "/api/v1/resident-reports?limit=100",
        "/open311/v2/requests.json?limit=1000",
        "/open311/v2/requests.xml?limit=1000",
    ]
    for r in reports:
        paths += [
            f"/api/v1/resident-reports/{r.pk}",
            f"/open311/v2/requests/{r.pk}.json",
            f"/open311/v2/requests/{r.pk}.xml",
        ]
    return {p: client.get(p).content for p in paths}


def published_points(path: str, body: bytes) -> list[tuple[int, float, float]]:
    """(report id, lat, lon) of every report point in a structured document."""
    if path.startswith("/kommun/") and path.endswith(".geojson"):
        features = json.loads(body)["features"]
        return [
            (
                f["properties"]["id"],
                f["geometry"]["coordinates"][1],
                f["geometry"]["coordinates"][0],
            )
            for f in features
            if f["properties"].get("kind") == "report"
        ]
    if path.startswith("/api/"):
        data = json.loads(body)
        items = data.get("items", [data] if "id" in data else [])
        return [(i["id"], i["point"]["lat"], i["point"]["lon"]) for i in items if i["point"]]
    if path.startswith("/open311/") and ".json" in path:
        data = json.loads(body)
        records = data if isinstance(data, list) else []
        return [
            (int(r["service_request_id"]), r["lat"], r["long"])
            for r in records
            if "service_request_id" in r and r["lat"] is not None
        ]
    if path.startswith("/open311/"):
        root = ElementTree.fromstring(body)
        return [
            (
                int(e.findtext("service_request_id")),
                float(e.findtext("lat")),
                float(e.findtext("long")),
            )
            for e in root.findall("request")
            if e.findtext("lat")
        ]
    return []


@PROPERTY
@given(REPORTS)
def test_no_public_output_shows_what_a_moderator_did_not_approve(cast, specs):
    client = Client()
    with transaction.atomic():
        made = [moderate(spec, cast.alice) for spec in specs]
        reports = {r.pk: r for r, _secret in made}
        expected = {
            r.pk: public_point(r.latitude, r.longitude, precise_approved=r.precise_approved)
            for r in reports.values()
            if is_public(r)
        }
        allowed = {pair(p.lat, p.lon) for p in expected.values()}
        hidden = [
            pair(r.latitude, r.longitude)
            for r in reports.values()
            if not (is_public(r) and r.precise_approved)
        ]
        # A hidden point written like a published one (same four decimals) proves nothing.
        assume(not allowed.intersection(hidden))
        docs = documents(client, list(reports.values()))
        for path, body in docs.items():
            text = body.decode()
            for _r, secrets in made:
                for secret in secrets:
                    assert secret not in text, (path, secret)
            for report_id, lat, lon in published_points(path, body):
                assert report_id in expected, (path, report_id)
                point = expected[report_id]
                assert (lat, lon) == (point.lat, point.lon), path
            if path in HTML:
                for point in hidden:
                    assert point not in text, (path, point)
        listed = {
            i
            for i, _lat, _lon in published_points(
                "/api/", docs["/api/v1/resident-reports?limit=100"]
            )
        }
        assert listed == {i for i in expected if expected[i] is not None}
        transaction.set_rollback(True)
