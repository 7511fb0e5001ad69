import csv
import hashlib
from pathlib import Path

import pytest

from organisations.models import County, Municipality, PoliceArea, PoliceRegion, Population
from organisations.reference_data import DATA_DIR, municipality_slugs

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def test_counts(db):
    assert Municipality.objects.count() == 290
    assert County.objects.count() == 21
    assert PoliceRegion.objects.count() == 7
    assert Population.objects.filter(year=2025).count() == 290
    assert sum(Population.objects.values_list("count", flat=True)) == 10_605_520


@pytest.mark.parametrize(
    ("code", "name", "county", "region"),
    [
        ("1419", "Tjörn", "14", "Väst"),
        ("1401", "Härryda", "14", "Väst"),
        ("0180", "Stockholm", "01", "Stockholm"),
        ("1280", "Malmö", "12", "Syd"),
        ("2584", "Kiruna", "25", "Nord"),
    ],
)
def test_spot_checks(db, code, name, county, region):
    m = Municipality.objects.select_related("county__police_region").get(code=code)
    assert (m.name, m.county.code, m.county.police_region.name) == (name, county, region)
    assert m.boundary["type"] in {"Polygon", "MultiPolygon"}


def test_police_areas_of_the_seeds(db):
    expected = {
        "Södra Fyrbodal": {"Stenungsund", "Tjörn", "Orust"},
        "Storgöteborg Syd": {"Härryda", "Mölndal"},
        "Borås": {"Borås", "Bollebygd", "Svenljunga"},
    }
    for name, municipalities in expected.items():
        area = PoliceArea.objects.get(name=name)
        assert set(area.municipalities.values_list("name", flat=True)) == municipalities
    assert "Mellerud" in PoliceArea.objects.get(name="Östra Fyrbodal").municipalities.values_list(
        "name", flat=True
    )


def test_slugs_are_unique_and_readable():
    with open(DATA_DIR / "kommuner.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    slugs = municipality_slugs(
        rows,
        {"03": "Uppsala", "06": "Jönköping"}
        | {r["lanskod"]: "x" for r in rows if r["lanskod"] not in {"03", "06"}},
    )
    assert len(set(slugs.values())) == 290
    assert slugs["0305"] == "habo-uppsala" and slugs["0643"] == "habo"
    assert slugs["1419"] == "tjorn"


def test_committed_copies_are_the_checked_sources():
    """The files match the checksums recorded when they were copied from ../shared/data (and,
    where that directory is present, the files there)."""
    for line in (DATA_DIR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        content = (DATA_DIR / name).read_bytes()
        assert hashlib.sha256(content).hexdigest() == digest, name
        if (SHARED / name).exists():
            assert content == (SHARED / name).read_bytes(), name
