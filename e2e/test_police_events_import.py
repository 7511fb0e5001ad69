"""A coordinator imports police events from the web: a broken file first (every error by record
and field, nothing stored), then a good one, watching the task's page until it shows the
counts. Every page is checked with axe."""

import gzip
import json

import pytest

from e2e.conftest import log_in
from situation.models import PoliceEvent
from tests.factories import PASSWORD, make_cast
from tests.test_imports_police_events import notice

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def upload(p, path):
    p.page.get_by_label("Polisens händelser (JSON eller JSON.GZ)").set_input_files(str(path))
    p.submit("Läs in filen")


def test_coordinator_imports_police_events(checked_page, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    make_cast()
    p = checked_page
    p.goto("/lagesbild/")
    assert "Ingen lägesbild är publicerad än" in p.text()
    log_in(p, "alice", PASSWORD)
    p.goto("/personal/lagesbild/")
    assert "0 polishändelser är inlästa" in p.text()
    p.follow("Läs in polisens händelser")
    broken = tmp_path / "trasig.json"
    broken.write_text(json.dumps([notice(1), notice(2, datetime="igår", url="x")]))
    upload(p, broken)
    assert "Misslyckades" in p.text()
    assert "Post 2, kolumn ”datetime”" in p.text() and "Post 2, kolumn ”url”" in p.text()
    assert not PoliceEvent.objects.exists()
    p.follow("Läs in en rättad fil")
    good = tmp_path / "handelser.json.gz"
    summary = notice(
        3, type="Sammanfattning natt", name="07 juni 06.00, Sammanfattning natt, Tjörn"
    )
    good.write_bytes(gzip.compress(json.dumps([notice(1), notice(2), summary]).encode()))
    upload(p, good)
    text = p.text()
    assert "Klar" in text and "Inlästa händelser\t3" in text
    assert "Sammanfattningar (räknas inte som händelser)\t1" in text
    p.follow("Till lägesbilden")
    assert "3 polishändelser är inlästa" in p.text()
