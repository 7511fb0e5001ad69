"""Loads the committed reference files in organisations/data (see data/SOURCES.md).

Used by a data migration, so it takes the historical `apps` registry and is idempotent.
"""

import csv
import json
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def municipality_slugs(rows: list[dict[str, str]], county_names: dict[str, str]) -> dict[str, str]:
    """Readable URL slugs. Two names can fold to the same slug (Håbo and Habo): the name that is
    already plain keeps it, the other gets its county added ("habo-uppsala")."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for row in sorted(rows, key=lambda r: slugify(r["kommun"]) != r["kommun"].lower()):
        slug = slugify(row["kommun"])
        if slug in taken:
            slug = slugify(f"{row['kommun']} {county_names[row['lanskod']]}")
        taken.add(slug)
        slugs[row["kommunkod"]] = slug
    return slugs


def load_reference_data(apps: object) -> None:
    PoliceRegion = apps.get_model("organisations", "PoliceRegion")
    County = apps.get_model("organisations", "County")
    Municipality = apps.get_model("organisations", "Municipality")
    Population = apps.get_model("organisations", "Population")
    PoliceArea = apps.get_model("organisations", "PoliceArea")

    counties = {}
    for row in _rows("lan.csv"):
        region, _ = PoliceRegion.objects.get_or_create(name=row["polisregion"])
        counties[row["lanskod"]], _ = County.objects.update_or_create(
            code=row["lanskod"],
            defaults={"name": row["lan"], "short_name": row["lan_kort"], "police_region": region},
        )

    with open(DATA_DIR / "kommuner.geojson", encoding="utf-8") as f:
        boundaries = {
            feature["properties"]["kommunkod"]: feature["geometry"]
            for feature in json.load(f)["features"]
        }

    municipalities = {}
    slugs = municipality_slugs(
        _rows("kommuner.csv"), {c: r.short_name for c, r in counties.items()}
    )
    for row in _rows("kommuner.csv"):
        code = row["kommunkod"]
        municipality, _ = Municipality.objects.update_or_create(
            code=code,
            defaults={
                "name": row["kommun"],
                "slug": slugs[code],
                "county": counties[row["lanskod"]],
                "boundary": boundaries.get(code),
            },
        )
        municipalities[code] = municipality
        Population.objects.update_or_create(
            municipality=municipality,
            year=int(row["folkmangd_datum"][:4]),
            defaults={"count": int(row["folkmangd"])},
        )

    for row in _rows("lokalpolisomraden.csv"):
        region = PoliceRegion.objects.get(name=row["polisregion"])
        area, _ = PoliceArea.objects.get_or_create(
            name=row["lokalpolisomrade"],
            defaults={"region": region, "police_district": row["polisomrade"]},
        )
        area.municipalities.add(municipalities[row["kommunkod"]])
