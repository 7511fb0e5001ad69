"""Privacy as properties (DOMAIN.md §7) over everything Open311 publishes: a precise point only
when a moderator approved it (core.privacy.public_point), never the contact details, the text
as typed, the moderators' notes or the place as typed (unless the precise place is approved),
never a report in a crime category or one not approved; and the XML always well-formed."""

import json
import uuid
from xml.etree import ElementTree

from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core.privacy import public_point
from participation.models import ReportContact, ResidentReport
from tests.voices_factories import report

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60)
REPORTS = st.lists(
    st.fixed_dictionaries(
        {
            "lat": st.floats(min_value=55.4, max_value=68.9),
            "lon": st.floats(min_value=11.2, max_value=23.9),
            "precise": st.booleans(),
            "moderation": st.sampled_from(ResidentReport.Moderation.values),
            "category": st.sampled_from(
                ["belysning", "klotter", "otrygg_plats", "narkotika", "brott"]
            ),
            "status": st.sampled_from(ResidentReport.Status.values),
            "public_text": TEXT,
            "with_place": st.booleans(),
            "with_contact": st.booleans(),
        }
    ),
    min_size=1,
    max_size=4,
)
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def marker(kind: str) -> str:
    return f"{kind}{uuid.uuid4().hex}"


def make(spec: dict) -> tuple[ResidentReport, list[str]]:
    """A report with unique markers in every private field; the markers that must stay hidden."""
    secrets = [marker("ORIGINAL"), marker("NOTE"), marker("kontakt")]
    place = marker("PLATS") if spec["with_place"] else ""
    r = report(
        category=spec["category"],
        point=(spec["lat"], spec["lon"]),
        description=f"{secrets[0]} Kalle Svensson bor här",
        public_text=spec["public_text"],
        rejection_reason=secrets[1],
        precise_approved=spec["precise"],
        moderation=spec["moderation"],
        status=spec["status"],
        place_text=place,
    )
    if spec["with_contact"]:
        ReportContact.objects.create(
            report=r,
            email=f"{secrets[2]}@example.se",
            phone="070-" + str(r.pk).zfill(7),
            delete_after=timezone.localdate(),
        )
    if place and not (spec["precise"] and is_public(r)):
        secrets.append(place)
    return r, secrets


def is_public(r: ResidentReport) -> bool:
    return r.moderation == ResidentReport.Moderation.APPROVED and not r.category.is_crime


def documents(client: Client, reports: list[ResidentReport]) -> list[tuple[str, bytes]]:
    paths = ["requests.json?limit=1000", "requests.xml?limit=1000", "services.json"]
    for r in reports:
        paths += [f"requests/{r.pk}.json", f"requests/{r.pk}.xml"]
    paths.append("requests.json?service_request_id=" + ",".join(str(r.pk) for r in reports))
    return [(p, client.get(f"/open311/v2/{p}").content) for p in paths]


def points_and_ids(path: str, body: bytes) -> list[tuple[str, float | None, float | None]]:
    if path.startswith("services"):
        return []
    if ".json" in path:
        data = json.loads(body)
        records = data if isinstance(data, list) else []
        return [
            (r["service_request_id"], r["lat"], r["long"])
            for r in records
            if "service_request_id" in r
        ]
    root = ElementTree.fromstring(body)  # well-formed whatever the text
    return [
        (
            e.findtext("service_request_id"),
            float(e.findtext("lat")) if e.findtext("lat") else None,
            float(e.findtext("long")) if e.findtext("long") else None,
        )
        for e in root.findall("request")
    ]


@PROPERTY
@given(REPORTS)
def test_open311_publishes_only_what_may_be_public(db, specs):
    client = Client()
    with transaction.atomic():
        made = [make(spec) for spec in specs]
        by_id = {str(r.pk): r for r, _secrets in made}
        public_ids = {str(r.pk) for r, _s in made if is_public(r)}
        for r, _s in made:
            coarse = public_point(r.latitude, r.longitude, precise_approved=False)
            assume((coarse.lat, coarse.lon) != (round(r.latitude, 6), round(r.longitude, 6)))
        for path, body in documents(client, [r for r, _s in made]):
            text = body.decode()
            for _r, secrets in made:
                for secret in secrets:
                    assert secret not in text, (path, secret)
            assert "Kalle Svensson" not in text
            for request_id, lat, lon in points_and_ids(path, body):
                assert request_id in public_ids, path
                r = by_id[request_id]
                expected = public_point(
                    r.latitude, r.longitude, precise_approved=r.precise_approved
                )
                assert (lat, lon) == (expected.lat, expected.lon), path
                if not r.precise_approved:
                    assert (lat, lon) != (round(r.latitude, 6), round(r.longitude, 6))
        listed = {
            i for i, _lat, _lon in points_and_ids("requests.json", documents(client, [])[0][1])
        }
        assert listed == public_ids
        transaction.set_rollback(True)


@PROPERTY
@given(TEXT)
def test_public_text_comes_through_both_formats_intact(db, text):
    client = Client()
    with transaction.atomic():
        r = report(moderation=ResidentReport.Moderation.APPROVED, public_text=text)
        [as_json] = client.get(f"/open311/v2/requests/{r.pk}.json").json()
        assert as_json["description"] == text
        root = ElementTree.fromstring(client.get(f"/open311/v2/requests/{r.pk}.xml").content)
        # XML 1.0 cannot carry control characters; everything else arrives as written
        # (XML normalises a carriage return to a line feed).
        kept = "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
        kept = kept.replace("\r\n", "\n").replace("\r", "\n")
        shown = root.findtext("request/description") or ""
        assert shown == "".join(c for c in kept if c not in "\ufffe\uffff")
        transaction.set_rollback(True)
