"""The demo has Open311 services and a few moderated requests in Tjörn, added once."""

from django.core.management import call_command

from demo import open311_seed
from tests.open311_helpers import get_json


def test_demo_has_moderated_requests_once(db, client):
    call_command("load_demo", verbosity=0)
    assert open311_seed.seed() == 0
    body = get_json(client, "requests", jurisdiction_id="1419")
    assert len(body) == len(open311_seed.REPORTS)
    assert all(r["description"].startswith("Exempel:") for r in body)
    assert {r["status"] for r in body} == {"open", "closed"}
    assert {r["agency_responsible"] for r in body} == {"Tjörns kommun"}
    assert get_json(client, "services")
