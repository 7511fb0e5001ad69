"""Open-data downloads: documented columns, public rows only, suppression, scopes, streaming."""

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse
from django.test import Client

from promises.models import Commitment, Measurement, Promise
from public.opendata.tables import TABLES
from tests.factories import (
    activity,
    agreement,
    commitment,
    follow_up,
    group,
    indicator,
    make_world,
    municipality_org,
    progress,
    promise,
)

SCRIPT = "<script>alert('x')</script>"


@dataclass
class OpenWorld:
    world: object
    stockholm_promise: Promise
    people_activity: object
    published_follow_up: object
    secret_indicator: object


@pytest.fixture
def open_world(cast) -> OpenWorld:
    cast.alice.email = "alice@example.com"
    cast.alice.save()
    world = make_world(cast, status=Promise.Status.PUBLISHED)
    world.follow_up.summary = "Opublicerad uppföljning"
    world.follow_up.save()
    world.police_activity.title = '=HYPERLINK("http://evil")'
    world.police_activity.save()
    progress(world.police_activity, 2, text=f"{SCRIPT} Publik rapport", author=cast.alice)
    progress(world.police_activity, 5, is_public=False, text="Intern anteckning")
    progress(world.police_activity, 1, approved_at=None, text="Väntar på granskning")
    progress(world.other_activity, 4, text="Härryda utkast")
    mc = Commitment.objects.get(promise=world.promise, given_by=Commitment.Giver.MUNICIPALITIES)
    people = activity(mc, cast.tjorn, title="Samtal med unga", counts_people=True, unit="personer")
    progress(people, 3, text="Samtal")
    published = follow_up(world.promise, is_published=True, summary="-Det mesta blev gjort")
    published.verdicts.create(commitment=mc, verdict="delvis", reason="@Halvvägs")
    world.follow_up.verdicts.create(commitment=mc, verdict="ej_genomford", reason="Utkast")
    people_indicator = indicator(world.promise, name="Antal unga i samtal", counts_people=True)
    Measurement.objects.create(indicator=people_indicator, date="2025-06-01", value=3)
    Measurement.objects.create(indicator=people_indicator, date="2025-09-01", value=0)
    Measurement.objects.create(indicator=world.indicator, date="2025-06-01", value=Decimal("12.5"))
    secret = indicator(world.promise, name="Hemlig indikator", is_public=False)
    Measurement.objects.create(indicator=secret, date="2025-06-01", value=99)
    group(agreement([cast.police, cast.tjorn], title="Intern överenskommelse", is_public=False))
    stockholm = municipality_org("0180")
    sthlm = promise([stockholm], status=Promise.Status.PUBLISHED, title="Sthlm")
    progress(activity(commitment(sthlm), stockholm), 1, text="Stockholmsrapport")
    return OpenWorld(world, sthlm, people, published, secret)


def _body(response: StreamingHttpResponse) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(scope: str, table: str) -> list[dict]:
    response = Client().get(f"/oppna-data/{scope}/{table}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(_body(response), newline="")))


def json_rows(scope: str, table: str) -> list[dict]:
    response = Client().get(f"/oppna-data/{scope}/{table}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(_body(response))


def ids(rows: list[dict], key: str = "id") -> set[int]:
    return {int(r[key]) for r in rows}


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_csv_header_and_json_keys_are_the_documented_columns(open_world, table):
    response = Client().get(f"/oppna-data/sverige/{table.name}.csv")
    header = _body(response).split("\r\n", 1)[0]
    assert header == ",".join(table.column_names)
    rows = json_rows("sverige", table.name)
    assert rows, f"{table.name} should have rows in this world"
    assert all(list(r) == table.column_names for r in rows)


def test_only_public_promises_and_their_children(open_world):
    w = open_world.world
    assert ids(csv_rows("sverige", "promises")) == {w.promise.id, open_world.stockholm_promise.id}
    assert w.other_commitment.id not in ids(csv_rows("sverige", "commitments"))
    assert w.other_activity.id not in ids(csv_rows("sverige", "activities"))
    texts = {r["text"] for r in csv_rows("sverige", "progress_updates")}
    assert texts == {f"{SCRIPT} Publik rapport", "Samtal", "Stockholmsrapport"}
    assert ids(csv_rows("sverige", "follow_ups")) == {open_world.published_follow_up.id}
    assert ids(csv_rows("sverige", "verdicts"), "follow_up_id") == {
        open_world.published_follow_up.id
    }
    indicator_ids = ids(csv_rows("sverige", "indicators"))
    assert open_world.secret_indicator.id not in indicator_ids
    assert w.other_indicator.id not in indicator_ids  # of the draft promise
    assert ids(csv_rows("sverige", "measurements"), "indicator_id") <= indicator_ids
    assert ids(csv_rows("sverige", "agreements")) == {w.agreement.id, w.other_agreement.id}
    assert w.group.id in ids(csv_rows("sverige", "governance_groups"))


def test_whole_export_holds_nothing_internal(open_world):
    body = _body(Client().get("/oppna-data/sverige/alla.json"))
    for secret in (
        "Intern anteckning",
        "Väntar på granskning",
        "Härryda utkast",
        "Opublicerad uppföljning",
        "Utkast",
        "Hemlig indikator",
        "Intern överenskommelse",
        "alice",
        "@example.com",
    ):
        assert secret not in body


def test_people_counts_are_suppressed_and_states_keep_zero_and_missing_apart(open_world):
    w = open_world.world
    activities = {int(r["id"]): r for r in csv_rows("sverige", "activities")}
    people = activities[open_world.people_activity.id]
    assert (people["done_quantity"], people["done_quantity_state"]) == ("", "suppressed")
    assert (people["target"], people["target_state"]) == ("10", "shown")
    # The public pages' figure: the sum of every update on the activity.
    police = activities[w.police_activity.id]
    assert (police["done_quantity"], police["done_quantity_state"]) == ("8", "shown")
    updates = {r["text"]: r for r in csv_rows("sverige", "progress_updates")}
    assert (updates["Samtal"]["quantity"], updates["Samtal"]["quantity_state"]) == (
        "",
        "suppressed",
    )
    public = updates[f"{SCRIPT} Publik rapport"]
    assert (public["quantity"], public["quantity_state"]) == ("2", "shown")
    values = {(r["value"], r["value_state"]) for r in json_rows("sverige", "measurements")}
    assert values == {(None, "suppressed"), (0, "shown"), (12.5, "shown")}
    indicators = {r["name"]: r for r in json_rows("sverige", "indicators")}
    assert indicators["Andel otrygga"]["baseline_state"] == "missing"


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("sverige", {"promise", "sthlm"}),
        ("lan-14", {"promise"}),
        ("lan-01", {"sthlm"}),
        ("kommun-1419", {"promise"}),
        ("kommun-1421", {"promise"}),
        ("kommun-0180", {"sthlm"}),
        ("kommun-1401", set()),  # Härryda's promise is a draft
    ],
)
def test_scopes_give_the_promises_of_the_county_or_municipality(open_world, scope, expected):
    names = {"promise": open_world.world.promise.id, "sthlm": open_world.stockholm_promise.id}
    wanted = {names[n] for n in expected}
    assert ids(csv_rows(scope, "promises")) == wanted
    assert ids(csv_rows(scope, "activities"), "promise_id") == wanted
    assert ids(json_rows(scope, "progress_updates"), "promise_id") == wanted


def test_agreements_follow_the_municipality_parties(open_world):
    agreement_id = open_world.world.agreement.id
    assert agreement_id in ids(csv_rows("kommun-1419", "agreements"))
    assert agreement_id in ids(csv_rows("lan-14", "agreements"))
    assert agreement_id not in ids(csv_rows("kommun-1421", "agreements"))
    assert ids(csv_rows("lan-01", "governance_groups")) == set()


def test_promise_row_names_parties_codes_and_areas(open_world):
    (row,) = json_rows("kommun-1419", "promises")
    assert row["municipality_codes"] == ["1419", "1421"]
    assert row["police_areas"] == ["Södra Fyrbodal"]
    assert "Tjörn kommun" in row["parties"]
    assert row["url"].endswith(f"/medborgarlofte/{open_world.world.promise.id}/")
    (csv_row,) = csv_rows("kommun-1419", "promises")
    assert csv_row["municipality_codes"] == "1419; 1421"


def test_whole_scope_json_has_every_table_with_the_same_rows(open_world):
    response = Client().get("/oppna-data/kommun-1419/alla.json")
    assert response["Content-Disposition"] == (
        'attachment; filename="medborgarloften-kommun-1419.json"'
    )
    data = json.loads(_body(response))
    assert data["scope"]["id"] == "kommun-1419"
    assert data["license"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert list(data["tables"]) == [t.name for t in TABLES]
    for table in TABLES:
        assert data["tables"][table.name] == json_rows("kommun-1419", table.name)


def test_formulas_are_neutralised_in_csv_and_kept_as_data_in_json(open_world):
    w = open_world.world
    csv_activity = {int(r["id"]): r for r in csv_rows("sverige", "activities")}
    assert csv_activity[w.police_activity.id]["title"] == '\'=HYPERLINK("http://evil")'
    assert {r["reason"] for r in csv_rows("sverige", "verdicts")} == {"'@Halvvägs"}
    assert {r["summary"] for r in csv_rows("sverige", "follow_ups")} == {"'-Det mesta blev gjort"}
    json_activity = {r["id"]: r for r in json_rows("sverige", "activities")}
    assert json_activity[w.police_activity.id]["title"] == '=HYPERLINK("http://evil")'
    assert {r["reason"] for r in json_rows("sverige", "verdicts")} == {"@Halvvägs"}


def test_markup_is_plain_data_in_files_and_never_rendered_on_the_pages(open_world):
    assert SCRIPT in {r["text"][: len(SCRIPT)] for r in csv_rows("sverige", "progress_updates")}
    raw = _body(Client().get("/oppna-data/sverige/progress_updates.json"))
    assert json.dumps(SCRIPT)[1:-1] in raw and "&lt;script" not in raw
    for url in ("/oppna-data/", "/oppna-data/kommun-1419/"):
        assert "<script>alert" not in Client().get(url).content.decode()


def test_download_headers(open_world):
    response = Client().get("/oppna-data/lan-14/activities.csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="medborgarloften-lan-14-activities.csv"'
    )
    assert _body(response).endswith("\r\n")


def test_empty_scope_gives_a_header_only_csv(db):
    rows = Client().get("/oppna-data/kommun-1419/promises.csv")
    assert _body(rows) == ",".join(TABLES[0].column_names) + "\r\n"
    assert json_rows("kommun-1419", "promises") == []


def test_downloads_stream_in_several_chunks(cast):
    p = promise([cast.police, cast.tjorn], status=Promise.Status.PUBLISHED)
    a = activity(commitment(p), cast.tjorn)
    for i in range(300):
        progress(a, 1, text=f"Rapport {i}: " + "lång text om insatsen " * 8)
    for url in ("/oppna-data/sverige/progress_updates.csv", "/oppna-data/sverige/alla.json"):
        response = Client().get(url)
        assert isinstance(response, StreamingHttpResponse)
        assert len(list(response.streaming_content)) >= 2, url
