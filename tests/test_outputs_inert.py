"""Markup and script typed through the staff forms reach the API and the open-data files as the
exact text that was typed: JSON strings and CSV cells carry it verbatim as data, never as markup
that a consumer's page would run, and the responses say they are not HTML."""

import csv
import io
import json

from django.urls import reverse

from tests.test_feeds_atom import HOSTILE, publish, write_hostile_text_through_staff_forms


def test_api_returns_typed_markup_as_plain_json_strings(client, cast, world):
    publish(world)
    activity = write_hostile_text_through_staff_forms(client, cast, world)
    client.logout()
    response = client.get(f"/api/v1/promises/{world.promise.pk}")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.json()
    titles = [
        a["title"]
        for group in body["commitment_groups"]
        for c in group["commitments"]
        for a in c["activities"]
    ]
    assert activity.title in titles
    updates = client.get("/api/v1/progress-updates", {"kommunkod": "1419"}).json()["items"]
    assert [u["text"] for u in updates] == [HOSTILE]


def test_open_data_files_carry_typed_markup_verbatim(client, cast, world):
    publish(world)
    activity = write_hostile_text_through_staff_forms(client, cast, world)
    client.logout()
    scope = "kommun-1419"
    response = client.get(reverse("public:open_data_csv", args=[scope, "progress_updates"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["text"] for r in rows] == [HOSTILE]
    response = client.get(reverse("public:open_data_json", args=[scope, "activities"]))
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(b"".join(response.streaming_content))
    assert activity.title in [row["title"] for row in data]
