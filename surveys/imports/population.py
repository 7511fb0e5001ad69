"""Population figures in SCB's shape turned into one-dimensional margins: people 16–84 per
area, per sex and per age band. Pure functions, no database: the importer hands in the
municipality and its areas and gets categories back, or a CellError saying what to change."""

import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.imports import CellError, normalise_key

YOUNGEST, OLDEST = 16, 84
BANDS = [("16-29", 16, 29), ("30-44", 30, 44), ("45-64", 45, 64), ("65-84", 65, 84)]
BAND_LABELS = {"16-29": "16–29 år", "30-44": "30–44 år", "45-64": "45–64 år", "65-84": "65–84 år"}
SEXES = {"man": "Män", "kvinna": "Kvinnor"}
TOTAL = "total"
SEX_WORDS = {
    "män": "man",
    "man": "man",
    "men": "man",
    "male": "man",
    "1": "man",
    "kvinnor": "kvinna",
    "kvinna": "kvinna",
    "women": "kvinna",
    "female": "kvinna",
    "2": "kvinna",
}
TOTAL_WORDS = {
    "totalt",
    "total",
    "tot",
    "samtliga",
    "båda könen",
    "män och kvinnor",
    "totalt, samtliga män och kvinnor",
    "totalt ålder",
    "totsa",
    "alla åldrar",
    "samtliga åldrar",
}
AGE = re.compile(
    r"^(?P<lo>\d{1,3})\s*(?:(?P<dash>[-–—]|till)\s*(?P<hi>\d{1,3})|(?P<plus>\+))?\s*(?:år)?$"
)
MUNICIPALITY = "__kommun__"


def sex_category(text: str) -> str:
    key = normalise_key(text)
    if key in SEX_WORDS:
        return SEX_WORDS[key]
    if key in TOTAL_WORDS or key.startswith("totalt"):
        return TOTAL
    raise CellError(_("Okänt kön ”%(value)s”. Skriv män eller kvinnor.") % {"value": text})


def age_class(text: str) -> tuple[int, int] | str:
    """(16, 16) for "16 år", (15, 19) for "15-19 år", (100, 120) for "100+ år", TOTAL for
    "totalt ålder"."""
    key = normalise_key(text)
    if key in TOTAL_WORDS or key.startswith("totalt"):
        return TOTAL
    match = AGE.match(key)
    if not match:
        raise CellError(
            _("Okänd ålder ”%(value)s”. Skriv en ålder (16 år) eller en åldersklass (15-19 år).")
            % {"value": text}
        )
    lo = int(match["lo"])
    hi = 120 if match["plus"] else int(match["hi"] or lo)
    if hi < lo:
        raise CellError(_("Åldersklassen ”%(value)s” slutar innan den börjar.") % {"value": text})
    return lo, hi


def share_in_range(age: tuple[int, int]) -> float:
    """How much of an age class is 16–84 (4/5 of 15–19), assuming the years are alike."""
    lo, hi = age
    inside = min(hi, OLDEST) - max(lo, YOUNGEST) + 1
    return max(inside, 0) / (hi - lo + 1)


def age_band(age: tuple[int, int]) -> str:
    """The band of the part of a class within 16–84; a class across two bands is an error."""
    lo, hi = max(age[0], YOUNGEST), min(age[1], OLDEST)
    for band, first, last in BANDS:
        if first <= lo and hi <= last:
            return band
    raise CellError(
        _(
            "Åldersklassen %(lo)s–%(hi)s år går över gränsen mellan två åldersgrupper "
            "(16–29, 30–44, 45–64, 65–84 år). Ta ut ettårsklasser eller femårsklasser från SCB."
        )
        % {"lo": age[0], "hi": age[1]}
    )


def band_category(text: str) -> str:
    """An age band written as 16-29, 16–29 or 16–29 år."""
    found = age_class(text)
    for band, first, last in BANDS:
        if found == (first, last):
            return band
    raise CellError(
        _("Okänd åldersgrupp ”%(value)s”. Åldersgrupperna är 16-29, 30-44, 45-64 och 65-84.")
        % {"value": text}
    )


@dataclass(frozen=True)
class Place:
    code: str
    name: str


def region_target(text: str, municipality: Place, areas: list[Place]) -> str:
    """MUNICIPALITY for the municipality itself ("1419 Tjörn", "Tjörn", "1419", "Tjörns
    kommun"), else the code of the area it names (by code or name, also as "CODE NAME")."""
    whole = normalise_key(text)
    first, _sep, rest = whole.partition(" ")
    for candidate in (whole, first, rest):
        if not candidate:
            continue
        if candidate in (
            municipality.code,
            normalise_key(municipality.name),
            normalise_key(f"{municipality.name} kommun"),
            normalise_key(f"{municipality.name}s kommun"),
        ):
            return MUNICIPALITY
        for area in areas:
            if candidate in (normalise_key(area.code), normalise_key(area.name)):
                return area.code
    names = ", ".join(f"{a.code} ({a.name})" for a in areas) or _("inga områden än")
    raise CellError(
        _(
            "Regionen ”%(value)s” är varken %(municipality)s (%(code)s) eller något av kommunens "
            "områden: %(areas)s."
        )
        % {
            "value": text,
            "municipality": municipality.name,
            "code": municipality.code,
            "areas": names,
        }
    )


def rounded(table: dict[str, float], total: int) -> dict[str, int]:
    """Whole numbers that add up to `total`, each as near its share as can be (largest
    remainders), so that margins computed from the same people have the same sum."""
    floors = {k: math.floor(v) for k, v in table.items()}
    left = total - sum(floors.values())
    order = sorted(table, key=lambda k: table[k] - floors[k], reverse=True)
    for key in order[: max(left, 0)]:
        floors[key] += 1
    return floors
