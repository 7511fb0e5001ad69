"""`manage.py import_police_events`: every quirk of Polisen's event notices (DOMAIN.md §6) in a
case of its own, broken files refused by post and field with nothing stored, idempotency by
the police's id, and the real shared file checked against a count made here with plain json,
gzip and collections.Counter."""

import csv
import datetime
import gzip
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from core.models import ImportRecord
from situation.models import PoliceEvent

pytestmark = pytest.mark.django_db

SHARED = Path("/work/shared/data")
REAL_FILE = SHARED / "polisen-events-2023-03_2025-06.json.gz"


def notice(police_id: int = 588164, **fields: object) -> dict:
    record = {
        "id": police_id,
        "datetime": "2025-06-07 6:38:18 +02:00",
        "name": "07 juni 06.32, Misshandel, Tjörn",
        "summary": "Man gripen, Skärhamn.",
        "url": "/aktuellt/handelser/2025/juni/7/07-juni-06.32-misshandel-tjorn/",
        "type": "Misshandel",
        "location": {"name": "Tjörn", "gps": "58.004778,11.637241"},
    }
    return {**record, **fields}


def write(tmp_path: Path, records: object, name: str = "events.json") -> Path:
    path = tmp_path / name
    data = json.dumps(records, ensure_ascii=False).encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def run(path: Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_police_events", str(path), stdout=out, stderr=err)
    return out.getvalue()


def refused(path: Path) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError, match="Ingenting sparades"):
        call_command("import_police_events", str(path), stdout=io.StringIO(), stderr=err)
    assert PoliceEvent.objects.count() == 0 and ImportRecord.objects.count() == 0
    return err.getvalue()


def imported_one(tmp_path: Path, **fields: object) -> PoliceEvent:
    run(write(tmp_path, [notice(**fields)]))
    return PoliceEvent.objects.get()


# The quirks, one by one


def test_unpadded_hour_in_the_publication_time(tmp_path):
    event = imported_one(tmp_path, datetime="2025-06-07 6:38:18 +02:00")
    assert event.published_at == datetime.datetime(2025, 6, 7, 4, 38, 18, tzinfo=datetime.UTC)


def test_occurrence_is_taken_from_the_name_not_the_publication(tmp_path):
    event = imported_one(
        tmp_path, datetime="2025-06-08 10:02:00 +02:00", name="07 juni 23.50, Misshandel, Tjörn"
    )
    assert event.occurred_on == datetime.date(2025, 6, 7)
    assert event.occurred_time == datetime.time(23, 50)
    assert event.published_at.date() == datetime.date(2025, 6, 8)


def test_older_names_write_the_time_with_a_colon(tmp_path):
    event = imported_one(tmp_path, name="20 mars 7:14, Misshandel, Tjörn")
    assert event.occurred_time == datetime.time(7, 14)
    assert event.occurred_on == datetime.date(2025, 3, 20)


def test_an_event_of_new_years_eve_published_in_january_keeps_its_year(tmp_path):
    event = imported_one(
        tmp_path, datetime="2025-01-01 0:20:00 +01:00", name="31 december 23.55, Brand, Tjörn"
    )
    assert event.occurred_on == datetime.date(2024, 12, 31)


def test_relative_and_absolute_urls_are_both_stored_absolute(tmp_path):
    relative = "/aktuellt/handelser/2025/juni/7/x/"
    absolute = "https://polisen.se/aktuellt/handelser/2023/mars/20/y/"
    run(write(tmp_path, [notice(1, url=relative), notice(2, url=absolute)]))
    urls = dict(PoliceEvent.objects.values_list("police_id", "url"))
    assert urls == {1: "https://polisen.se" + relative, 2: absolute}


def test_county_level_location_takes_the_municipality_from_the_name(tmp_path):
    county = {"name": "Västra Götalands län", "gps": "58.252793,13.059643"}
    event = imported_one(tmp_path, name="07 juni 06.32, Rån, Tjörn", type="Rån", location=county)
    assert event.municipality.code == "1419" and event.county.code == "14"
    assert (event.latitude, event.longitude) == (58.252793, 13.059643)  # the county's centre


def test_county_level_location_without_a_municipality_is_kept_but_not_placed(tmp_path):
    county = {"name": "Västra Götalands län", "gps": "58.252793,13.059643"}
    out = run(
        write(
            tmp_path,
            [
                notice(1, name="30 juni 22.00, Övrigt, Västra Götalands län", location=county),
                notice(2, name="07 juni 06.32, Misshandel, Taberg", location=county),
                notice(3, name="07 juni 06.32, Misshandel, Malmö", location=county),  # not in VG
            ],
        )
    )
    assert set(PoliceEvent.objects.values_list("municipality", "county__code")) == {(None, "14")}
    assert "Kunde inte placeras i en kommun: 3" in out


def test_commas_inside_types(tmp_path):
    county = {"name": "Västra Götalands län", "gps": "58.25,13.05"}
    event = imported_one(
        tmp_path,
        name="07 juni 06.32, Trafikolycka, personskada, Orust",
        type="Trafikolycka, personskada",
        location=county,
    )
    assert event.type == "Trafikolycka, personskada" and event.municipality.code == "1421"


def test_summaries_are_flagged_and_left_out_of_counts(tmp_path):
    out = run(
        write(
            tmp_path,
            [
                notice(1),
                notice(
                    2, type="Sammanfattning natt", name="07 juni 06.00, Sammanfattning natt, Tjörn"
                ),
            ],
        )
    )
    assert PoliceEvent.objects.get(police_id=2).is_summary
    assert list(PoliceEvent.objects.countable().values_list("police_id", flat=True)) == [1]
    assert "Sammanfattningar (räknas inte som händelser): 1" in out


def test_unknown_types_are_kept(tmp_path):
    event = imported_one(
        tmp_path, type="Drönare, observation", name="07 juni 06.32, Drönare, observation, Tjörn"
    )
    assert event.type == "Drönare, observation" and event.municipality.code == "1419"


def test_municipality_names_are_matched_without_regard_to_case(tmp_path):
    location = {"name": "Upplands väsby", "gps": "59.51,17.91"}
    event = imported_one(
        tmp_path, name="07 juni 06.32, Misshandel, Upplands väsby", location=location
    )
    assert event.municipality.code == "0114"


def test_the_record_is_kept_as_it_came(tmp_path):
    record = notice()
    event = imported_one(tmp_path)
    assert event.raw == record and event.summary == "Man gripen, Skärhamn."


# Idempotency


def test_importing_twice_adds_nothing(tmp_path):
    path = write(tmp_path, [notice(1), notice(2)], "events.json.gz")
    assert "Inlästa händelser: 2" in run(path)
    out = run(path)
    assert "Inlästa händelser: 0" in out and "Fanns redan: 2" in out
    assert PoliceEvent.objects.count() == 2 and ImportRecord.objects.count() == 1


def test_an_overlapping_file_adds_only_the_new_events(tmp_path):
    run(write(tmp_path, [notice(1), notice(2)], "first.json"))
    out = run(write(tmp_path, [notice(2, summary="Ändrad."), notice(3)], "second.json"))
    assert "Inlästa händelser: 1" in out and "Fanns redan: 1" in out
    assert PoliceEvent.objects.get(police_id=2).summary == "Man gripen, Skärhamn."
    assert PoliceEvent.objects.count() == 3


# Broken files: refused by post and field, nothing stored


def test_bad_json_is_refused(tmp_path):
    path = tmp_path / "events.json"
    path.write_text('[{"id": 1,')
    assert "inte giltig JSON" in refused(path)


def test_missing_field_is_refused_with_post_and_field(tmp_path):
    record = notice(2)
    del record["url"]
    err = refused(write(tmp_path, [notice(1), record]))
    assert "Post 2, kolumn ”url”: Fältet saknas." in err


def test_unknown_municipality_is_refused(tmp_path):
    location = {"name": "Atlantis", "gps": "58.0,11.6"}
    err = refused(write(tmp_path, [notice(1), notice(2), notice(3, location=location)]))
    assert "Post 3, kolumn ”location.name”: Okänd plats ”Atlantis”" in err


@pytest.mark.parametrize(
    ("fields", "column"),
    [
        ({"datetime": "7 juni 2025"}, "datetime"),
        ({"datetime": "2025-02-30 6:38:18 +02:00"}, "datetime"),
        ({"name": "31 februari 06.32, Misshandel, Tjörn"}, "name"),
        ({"name": "Misshandel, Tjörn"}, "name"),
        ({"name": "07 juni 25.10, Misshandel, Tjörn"}, "name"),
    ],
)
def test_bad_dates_are_refused(tmp_path, fields, column):
    err = refused(write(tmp_path, [notice(1), notice(2, **fields)]))
    assert f"Post 2, kolumn ”{column}”" in err


def test_truncated_gzip_is_refused(tmp_path):
    path = write(tmp_path, [notice(n) for n in range(1, 200)], "events.json.gz")
    path.write_bytes(path.read_bytes()[:-40])
    assert "gzip" in refused(path).lower()


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ({"events": []}, "en lista"),
        ([notice(1), notice(1)], "Post 2, kolumn ”id”: Händelsen finns redan i filen (post 1)."),
        ([notice("abc")], "Post 1, kolumn ”id”"),
        ([notice(1, url="aktuellt/x")], "Post 1, kolumn ”url”"),
        ([notice(1, location={"name": "Tjörn", "gps": "58.0"})], "kolumn ”location.gps”"),
        ([notice(1, location="Tjörn")], "kolumn ”location”"),
        ([notice(1, type="")], "Post 1, kolumn ”type”: Fältet får inte vara tomt."),
        (["not an object"], "Post 1: Posten ska vara ett JSON-objekt."),
    ],
)
def test_other_broken_records_are_refused(tmp_path, records, expected):
    assert expected in refused(write(tmp_path, records))


def test_every_problem_in_the_file_is_listed_at_once(tmp_path):
    err = refused(write(tmp_path, [notice(1, datetime="igår"), notice(2, url="x"), notice(3)]))
    assert "Post 1, kolumn ”datetime”" in err and "Post 2, kolumn ”url”" in err


def test_a_file_of_the_wrong_kind_is_refused(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("id;name\n1;x\n")
    assert "fel filtyp" in refused(path)


def test_dry_run_stores_nothing(tmp_path):
    out = io.StringIO()
    call_command(
        "import_police_events",
        str(write(tmp_path, [notice(1)])),
        "--dry-run",
        stdout=out,
        stderr=io.StringIO(),
    )
    assert "Provkörning" in out.getvalue() and not PoliceEvent.objects.exists()


# The real file


def independent_counts() -> tuple[Counter, Counter, int, int]:
    """Events by type and by kommunkod, counted straight from the file: the location when it
    is a municipality, else the last part of the name when that is a municipality of the
    county."""
    with open(SHARED / "kommuner.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    municipality = {r["kommun"].casefold(): (r["kommunkod"], r["lan"]) for r in rows}
    counties = {r["lan"] for r in rows}
    with gzip.open(REAL_FILE, "rt", encoding="utf-8") as f:
        events = json.load(f)
    by_type, by_municipality = Counter(), Counter()
    summaries = unplaced = 0
    for e in events:
        by_type[e["type"].strip()] += 1  # "Lagen om hundar och katter " has a space too many
        summaries += e["type"].startswith("Sammanfattning")
        location = e["location"]["name"]
        if location.casefold() in municipality:
            code = municipality[location.casefold()][0]
        else:
            assert location in counties
            tail = e["name"].removeprefix(e["name"].split(", ")[0] + ", " + e["type"] + ", ")
            found = municipality.get(tail.casefold())
            code = found[0] if found and found[1] == location else None
        if code is None:
            unplaced += 1
        else:
            by_municipality[code] += 1
    return by_type, by_municipality, summaries, unplaced


def test_the_real_shared_file_imports_and_matches_an_independent_count():
    by_type, by_municipality, summaries, unplaced = independent_counts()
    out = run(REAL_FILE)
    assert f"Inlästa händelser: {sum(by_type.values())}" in out
    assert f"Sammanfattningar (räknas inte som händelser): {summaries}" in out
    assert f"Kunde inte placeras i en kommun: {unplaced}" in out
    stored_types = Counter(
        dict(PoliceEvent.objects.values_list("type").annotate(n=Count("id")).order_by())
    )
    assert stored_types == by_type
    stored = PoliceEvent.objects.filter(municipality__isnull=False)
    stored_municipalities = Counter(
        dict(stored.values_list("municipality__code").annotate(n=Count("id")).order_by())
    )
    assert stored_municipalities == by_municipality
    assert PoliceEvent.objects.filter(is_summary=True).count() == summaries
    again = run(REAL_FILE)
    assert "Inlästa händelser: 0" in again and f"Fanns redan: {sum(by_type.values())}" in again
    assert PoliceEvent.objects.count() == sum(by_type.values())


def test_the_command_line_shows_a_progress_bar(tmp_path):
    err = io.StringIO()
    records = [notice(n) for n in range(1, 4)]
    call_command(
        "import_police_events", str(write(tmp_path, records)), stdout=io.StringIO(), stderr=err
    )
    lines = err.getvalue().splitlines()
    assert lines[-1].startswith("Sparar [" + "#" * 30 + "]") and "(3 av 3)" in lines[-1]
    assert any(line.startswith("Läser [") for line in lines)


def test_the_progress_bar_writes_a_line_per_tenth_to_a_log():
    from core.imports.progress import progress_bar

    log = io.StringIO()
    show = progress_bar(log, "Sparar")
    for done in range(1, 1001):
        show(done, 1000)
    lines = log.getvalue().splitlines()
    assert len(lines) == 11 and lines[-1].endswith("100% (1 000 av 1 000)")
