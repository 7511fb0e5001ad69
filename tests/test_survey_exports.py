"""Exports of a wave: the aggregated results (CSV and XLSX, suppressed like the pages) for
readers, the microdata (no free text, no places, nothing identifying) for admins only."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from organisations.models import AuditEntry
from tests import results_factories as rf
from tests import survey_factories as sf
from tests.factories import PASSWORD


@pytest.fixture
def waves(cast):
    w = rf.TwoWaves(cast.tjorn)
    sf.response(
        w.later,
        {"otrygg_kvall": "ganska_trygg", "forslag": '=HYPERLINK("x") Anna på Storgatan 3'},
        area=w.areas[0],
        language="ar",
    )
    return w


def rows_of(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_aggregated_csv_has_every_breakdown_and_suppresses_like_the_page(client, cast, waves):
    client.login(username="viewer", password=PASSWORD)
    response = client.get(reverse("surveys_staff:wave_results_csv", args=[waves.later.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = rows_of(response.content)
    assert {r["redovisning"] for r in rows} == {"Samtliga", "Område", "Kön", "Ålder"}
    ronnang = [r for r in rows if r["grupp"] == "Rönnäng"]
    assert ronnang and all(r["status"] == "suppressed" and r["värde"] == "" for r in ronnang)
    shown = [r for r in rows if r["status"] == "shown"]
    assert shown and all(r["värde"] != "" and r["svarande"] != "" for r in shown)
    assert all(int(r["svarande"]) >= 30 for r in shown)
    indicator = next(
        r for r in rows if r["kod"] == "otrygg_ute_sen_kvall" and r["grupp"] == "Samtliga"
    )
    assert float(indicator["ki_nedre"]) < float(indicator["värde"]) < float(indicator["ki_övre"])
    assert "Anna" not in response.content.decode("utf-8-sig")


def test_xlsx_holds_the_same_rows(client, cast, waves):
    client.login(username="viewer", password=PASSWORD)
    csv_rows = rows_of(
        client.get(reverse("surveys_staff:wave_results_csv", args=[waves.later.pk])).content
    )
    response = client.get(reverse("surveys_staff:wave_results_xlsx", args=[waves.later.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = list(sheet.values)
    assert values[0][0] == "typ" and len(values) - 1 == len(csv_rows)


def test_microdata_is_for_admins_and_leaves_out_what_identifies(client, cast, waves):
    target = reverse("surveys_staff:wave_microdata", args=[waves.later.pk])
    client.login(username="alice", password=PASSWORD)  # an editor
    assert client.get(target).status_code == 403
    client.login(username="tjorn_admin", password=PASSWORD)
    response = client.get(target)
    assert response.status_code == 200
    rows = rows_of(response.content)
    assert len(rows) == 416
    columns = set(rows[0])
    assert {"rad", "omrade", "vikt", "otrygg_kvall", "kon", "alder"} <= columns
    for hidden in ("forslag", "id", "submitted_on", "language", "mode", "sprak"):
        assert hidden not in columns
    body = response.content.decode("utf-8-sig")
    assert (
        "Anna" not in body and "Storgatan" not in body and "ar" not in {r["omrade"] for r in rows}
    )
    assert sorted(int(r["rad"]) for r in rows) == list(range(1, 417))
    assert AuditEntry.objects.filter(action="wave.microdata_exported").count() == 1


def test_other_tenant_gets_nothing(client, cast, waves):
    client.login(username="charlie", password=PASSWORD)
    for name in ("wave_results_csv", "wave_results_xlsx", "wave_microdata"):
        assert (
            client.get(reverse(f"surveys_staff:{name}", args=[waves.later.pk])).status_code == 404
        )
