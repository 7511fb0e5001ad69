"""Importing the 57,566 shared Polisen events (situation.imports.police_events, through the
shared core.imports machinery) against a bare bulk insert of the same rows, in one run.

The importer reads the gzip file, checks every field of every record, reads the occurrence out
of the name, places each event in a municipality (from the location or, for a county, from the
name), checks the police ids already stored and applies the plan in one transaction. The
baseline unpacks and parses the same JSON and bulk-inserts the same events with only what an
insert needs (publication time, URL made absolute, municipality by location name) and no
checks. Goal: the importer takes at most twice the baseline's time.
"""

import datetime
import gzip
import json
import time

from common import ROOT, emit, setup_django

setup_django()

from django.db import transaction  # noqa: E402

from core.imports import ImportFile  # noqa: E402
from core.models import ImportRecord  # noqa: E402
from organisations.models import Municipality  # noqa: E402
from situation.imports.police_events import BATCH, PoliceEventImporter  # noqa: E402
from situation.models import PoliceEvent  # noqa: E402

# The shared data sits beside the checkout (DOMAIN.md §6: ../shared/data).
FILE = ROOT.parent / "shared" / "data" / "polisen-events-2023-03_2025-06.json.gz"
RECORDS = 57_566
REPEAT = 2


def baseline(data: bytes, municipalities: dict[str, int]) -> None:
    with transaction.atomic():
        rows = json.loads(gzip.decompress(data))
        for start in range(0, len(rows), BATCH):
            events = []
            for r in rows[start : start + BATCH]:
                lat, lon = r["location"]["gps"].split(",")
                events.append(
                    PoliceEvent(
                        police_id=r["id"],
                        published_at=datetime.datetime.strptime(
                            r["datetime"], "%Y-%m-%d %H:%M:%S %z"
                        ),
                        name=r["name"],
                        summary=r["summary"],
                        url="https://polisen.se" + r["url"],
                        type=r["type"],
                        is_summary=r["type"].startswith("Sammanfattning"),
                        location_name=r["location"]["name"],
                        municipality_id=municipalities.get(r["location"]["name"].casefold()),
                        latitude=float(lat),
                        longitude=float(lon),
                        raw=r,
                    )
                )
            PoliceEvent.objects.bulk_create(events)


def importer(data: bytes) -> None:
    plan = PoliceEventImporter().run(ImportFile.from_bytes(FILE.name, data))
    assert plan.record is not None and not plan.errors


def clear() -> None:
    PoliceEvent.objects.all().delete()
    ImportRecord.objects.all().delete()


def main() -> None:
    data = FILE.read_bytes()
    municipalities = {m.name.casefold(): m.pk for m in Municipality.objects.all()}
    timings: dict[str, list[float]] = {"baseline": [], "importer": []}
    for _ in range(REPEAT):
        for name, run in (
            ("baseline", lambda: baseline(data, municipalities)),
            ("importer", lambda: importer(data)),
        ):
            clear()
            start = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - start)
            assert PoliceEvent.objects.count() == RECORDS
    base, value = min(timings["baseline"]), min(timings["importer"])
    emit(
        name="import_57566_police_events_s",
        value=round(value, 3),
        unit="s",
        baseline_name="bare_json_parse_and_bulk_insert_s",
        baseline_value=round(base, 3),
        ratio=round(value / base, 2),
        goal="<= 2.0",
        meets=value / base <= 2.0,
    )


main()
