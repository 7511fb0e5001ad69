"""The lägesbild's demo: a real extract of the shared police events for the seed
municipalities, loaded by `load_demo` once."""

import json
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

from demo.seed_situation import EXTRACT, SEED_MUNICIPALITIES, extract
from situation.models import PoliceEvent

SHARED = Path("/work/shared/data/polisen-events-2023-03_2025-06.json.gz")


def test_the_extract_is_the_shared_files_events_of_the_seed_municipalities():
    committed = json.loads(EXTRACT.read_text(encoding="utf-8"))
    assert committed == extract(SHARED)
    assert {e["location"]["name"] for e in committed} <= set(SEED_MUNICIPALITIES) | {
        "Västra Götalands län"
    }


def test_the_demo_loads_the_police_events_once(db, client):
    call_command("load_demo", verbosity=0)
    expected = len(json.loads(EXTRACT.read_text(encoding="utf-8")))
    assert PoliceEvent.objects.count() == expected
    placed = set(PoliceEvent.objects.values_list("municipality__name", flat=True))
    assert placed == set(SEED_MUNICIPALITIES)
    call_command("load_demo", verbosity=0)
    assert PoliceEvent.objects.count() == expected
    client.login(username="samordnare", password="demo-lofte-2026")
    body = client.get(reverse("situation_staff:index")).content.decode()
    assert f"{expected} polishändelser är inlästa" in body
