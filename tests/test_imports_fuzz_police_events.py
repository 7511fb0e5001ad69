"""Malformed police event files: random bytes, random JSON, notices with any field missing or
of any type, gzip cut short. No unhandled exception, nothing half stored; an accepted file
stores exactly its new events."""

import gzip
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.imports import ImportFile
from core.models import ImportRecord
from organisations.models import AuditEntry
from situation.imports.police_events import PoliceEventImporter
from situation.models import PoliceEvent
from tests.fuzz_helpers import JSON_VALUES, check_all_or_nothing, damaged, fuzz, json_files

pytestmark = pytest.mark.django_db
MODELS = (PoliceEvent, ImportRecord, AuditEntry)
GOOD = {
    "id": [588164, "588165", 1, 2**63, -1, 0, True, "1e3", "٣"],
    "datetime": [
        "2025-06-07 6:38:18 +02:00",
        "2025-01-01 0:05:00 +01:00",
        "2025-06-07T06:38:18Z",
        "2025-02-30 10:00:00 +01:00",
        "2025-06-07 25:00:00 +02:00",
        "2025-06-07 6:38:18 +99:99",
        "9999-12-31 23:59:59 -23:59",
        "0001-01-01 00:00:00 +02:00",
    ],
    "name": [
        "07 juni 06.32, Misshandel, Tjörn",
        "31 december 23.50, Brand, Tjörn",
        "07 juni 10:14, Trafikolycka, personskada, Tjörn",
        "30 februari 06.32, Misshandel, Tjörn",
        "07 juni 24.61, Misshandel, Tjörn",
        "07 smarch 06.32, Misshandel, Tjörn",
        "99 juni 06.32, Misshandel",
    ],
    "summary": ["Man gripen, Skärhamn.", "", "x" * 6000],
    "url": ["/aktuellt/handelser/2025/juni/7/", "https://polisen.se/x", "javascript:alert(1)"],
    "type": ["Misshandel", "Sammanfattning natt", "Trafikolycka, personskada", "x" * 200],
    "location": [
        {"name": "Tjörn", "gps": "58.004778,11.637241"},
        {"name": "Västra Götalands län", "gps": "58.25,12.5"},
        {"name": "Atlantis", "gps": "0,0"},
        {"name": "Tjörn", "gps": "91,181"},
        {"name": "Tjörn", "gps": "nan,nan"},
        {"name": "Tjörn", "gps": "1e400,0"},
        {"name": "Tjörn"},
        {"gps": "58,11"},
        {},
    ],
}


@st.composite
def notices(draw: st.DrawFn) -> object:
    """A notice with each field a good (most often), a wrong or a random value, or missing."""
    notice = {}
    for field, samples in GOOD.items():
        choice = draw(st.integers(0, 19))
        if choice == 0:
            continue
        if choice == 1:
            notice[field] = draw(JSON_VALUES)
        else:
            notice[field] = samples[0] if choice < 12 else draw(st.sampled_from(samples))
    return notice if draw(st.integers(0, 9)) else draw(JSON_VALUES)


def _as_planned(plan, before, after):
    assert after["PoliceEvent"] == before["PoliceEvent"] + plan.counts().get("create", 0)


def _check(name: str, content: bytes) -> None:
    source = ImportFile.from_bytes(name, content)
    check_all_or_nothing(lambda: PoliceEventImporter().run(source), MODELS, _as_planned)


@fuzz(25)
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".json", ".gz", ".csv"]))
def test_random_bytes(content, suffix):
    _check(f"events{suffix}", content)


@fuzz(40)
@given(content=json_files(notices()))
def test_random_notices(content):
    _check("events.json", content)
    _check("events.json.gz", gzip.compress(content))


WHOLE = gzip.compress(
    json.dumps([{k: v[0] for k, v in GOOD.items()} | {"id": i} for i in range(1, 40)]).encode()
)


@fuzz(15)
@given(content=damaged(WHOLE))
def test_truncated_or_damaged_gzip(content):
    _check("events.json.gz", content)
