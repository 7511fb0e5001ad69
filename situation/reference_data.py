"""Brå's crime categories (anmälda brott), loaded by a data migration so that every database has
them: samtliga brott → brottsbalken and its chapters → the special laws (narkotika, trafik,
vapen), with a few sub-categories that local lägesbilder use (DOMAIN.md §6).

The list follows the headings of Brå's table of reported crimes by type; Brå adjusts its
categories now and then, so the file (situation/data/bra_categories.csv) is data, not code, and
an import names a category by its code, its name or its path ("Samtliga brott > Trafikbrott").
"""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "bra_categories.csv"


def bra_categories() -> list[dict[str, str]]:
    with open(DATA, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_crime_categories(apps: object) -> None:
    CrimeCategory = apps.get_model("situation", "CrimeCategory")
    by_code = {}
    for order, row in enumerate(bra_categories()):
        by_code[row["kod"]], _ = CrimeCategory.objects.update_or_create(
            code=row["kod"],
            defaults={
                "name": row["namn"],
                "parent": by_code.get(row["overordnad"]) if row["overordnad"] else None,
                "order": order,
            },
        )
