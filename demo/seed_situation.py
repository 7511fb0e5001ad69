"""The lägesbild's demo: a real extract of Polisen's events for the seed municipalities, taken
from the shared file (../shared/data/polisen-events-2023-03_2025-06.json.gz) by `extract()`:
every event whose location, or for a county-level location the last part of the name, is one
of the seed municipalities. Loaded through the same importer as any file, so idempotent."""

import gzip
import json
from pathlib import Path

from core.imports import ImportFile
from situation.imports.police_events import PoliceEventImporter

EXTRACT = Path(__file__).resolve().parent / "data" / "polisen-events-seed.json"
SEED_MUNICIPALITIES = ("Stenungsund", "Orust", "Tjörn", "Härryda", "Mellerud", "Svenljunga")


def extract(source: Path) -> list[dict]:
    """The seed municipalities' events of the shared file, in its order."""
    with gzip.open(source, "rt", encoding="utf-8") as f:
        events = json.load(f)
    names = {name.casefold() for name in SEED_MUNICIPALITIES}

    def in_seed(event: dict) -> bool:
        location = event["location"]["name"]
        tail = event["name"].rsplit(",", 1)[-1].strip()
        county_level = location.endswith(" län")
        return location.casefold() in names or (county_level and tail.casefold() in names)

    return [e for e in events if in_seed(e)]


def load_police_events() -> bool:
    """Import the extract; False when every event in it was there already."""
    plan = PoliceEventImporter(actor_label="demo").run(ImportFile.from_path(EXTRACT))
    if plan.errors:
        raise ValueError("; ".join(str(e) for e in plan.errors))
    return any(change.action == "create" for change in plan.changes) and plan.record is not None
