"""The EST demo (labelled "Exempel"): reporters in Tjörn from the housing company, a security
company, a school and the municipality's youth workers, a year of observations around
Tjörn's localities (deterministic: the same random draws every time, over the 52 weeks up to
today), with a few places where things gather so that the weekly picture and the
hot-spot analysis have something to show, and the coordinator's compilations of the four weeks before this one.

Idempotent: nothing is added when the first reporter is already there.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.content import DEMO_PASSWORD, EXAMPLE
from organisations.models import Area, Membership, Municipality, Organisation
from situation.models import EstCategory, EstObservation, WeeklyCompilation

KOMMUNKOD = "1419"
ORGANISATIONS = [
    # (name, description); Exempelbostäder AB comes with the main demo.
    ("Exempelbostäder AB (exempel)", "Påhittat bostadsbolag i demodata"),
    ("Exempelbevakning AB (exempel)", "Påhittat bevakningsföretag i demodata"),
    ("Exempelskolan på Tjörn (exempel)", "Påhittad skola i demodata"),
]
REPORTERS = [
    # (username, first name, organisation, role, title)
    ("est-bovard", "Bovärd", "Exempelbostäder AB (exempel)", "reporter", "Bovärd"),
    ("est-vaktare", "Väktare", "Exempelbevakning AB (exempel)", "reporter", "Väktare"),
    ("est-skola", "Skolvärd", "Exempelskolan på Tjörn (exempel)", "reporter", "Skolvärd"),
    ("est-fritid", "Fritidsledare", "Tjörns kommun", "reporter", "Fritidsledare"),
]
COORDINATOR = "samordnare"
AREAS = [
    # code, name, centre (lat, lon)
    ("skarhamn", "Skärhamn", (57.9906, 11.5470)),
    ("kallekarr", "Kållekärr", (58.0270, 11.6400)),
    ("ronnang", "Rönnäng", (57.9350, 11.5800)),
    ("klovedal", "Klövedal", (58.0630, 11.6100)),
    ("hoviksnas", "Höviksnäs", (58.0330, 11.7360)),
    ("myggenas", "Myggenäs", (58.0660, 11.7620)),
]
# Places where observations gather: area, (lat, lon), weight, categories, times of day.
HOT_PLACES = [
    (
        "skarhamn",
        (57.9915, 11.5482),
        9,
        ["klotter", "nedskrapning", "samlingsplats", "ordningsstorning"],
        ["evening", "night"],
    ),
    (
        "kallekarr",
        (58.0262, 11.6395),
        6,
        ["skadegorelse", "klotter", "brand"],
        ["evening", "night"],
    ),
    ("ronnang", (57.9345, 11.5808), 3, ["nedskrapning", "otrygg_plats"], ["day", "evening"]),
    (
        "myggenas",
        (58.0655, 11.7612),
        3,
        ["samlingsplats", "narkotika", "buskorning"],
        ["evening", "night"],
    ),
]
SCATTERED = [
    "belysning",
    "nedskrapning",
    "klotter",
    "skadegorelse",
    "buskorning",
    "otrygg_plats",
    "ovrigt",
]
TEXTS = {
    "klotter": "nytt klotter på väggen vid busshållplatsen",
    "nedskrapning": "mycket skräp och fulla papperskorgar efter helgen",
    "samlingsplats": "en större grupp samlades sent, musik och mopeder",
    "ordningsstorning": "högljutt bråk utanför kiosken, ordningen störd en stund",
    "skadegorelse": "krossad ruta i cykelgaraget",
    "brand": "brand i en papperskorg, släckt av personal",
    "otrygg_plats": "mörkt och ödsligt vid gångvägen, flera säger att de undviker den",
    "narkotika": "folie och små påsar hittade vid parkeringen",
    "buskorning": "mopeder kör fort på gång- och cykelvägen",
    "belysning": "flera lampor släckta längs gångvägen",
    "ovrigt": "trasigt staket vid lekplatsen",
}
WEEKS = 52
HOT_SHARE = 0.55


def is_loaded() -> bool:
    return get_user_model().objects.filter(username=REPORTERS[0][0]).exists()


def _reporters(municipality: Municipality) -> list[Membership]:
    for name, description in ORGANISATIONS:
        Organisation.objects.get_or_create(
            name=name,
            defaults={
                "kind": Organisation.Kind.OTHER,
                "municipality": municipality,
                "description": description,
            },
        )
    User = get_user_model()
    memberships = []
    for username, first_name, org_name, role, title in REPORTERS:
        user = User.objects.create_user(
            username=username, password=DEMO_PASSWORD, first_name=first_name
        )
        memberships.append(
            Membership.objects.create(
                user=user,
                organisation=Organisation.objects.get(name=org_name),
                role=role,
                title=title,
            )
        )
    return memberships


def _areas(municipality: Municipality) -> dict[str, Area]:
    areas = {}
    for code, name, _centre in AREAS:
        area = Area.objects.filter(municipality=municipality, name=name).first()
        areas[code] = (
            area
            or Area.objects.get_or_create(
                municipality=municipality, code=code, defaults={"name": name}
            )[0]
        )
    return areas


def _observation(rng: random.Random, first_day: datetime.date) -> dict:
    day = first_day + datetime.timedelta(days=rng.randrange(WEEKS * 7))  # up to today
    if rng.random() < HOT_SHARE:
        weights = [place[2] for place in HOT_PLACES]
        area, (lat, lon), _w, categories, times = rng.choices(HOT_PLACES, weights)[0]
        spread = (0.0012, 0.0022)  # about 130 m
    else:
        area, _name, (lat, lon) = rng.choice(AREAS)
        categories, times = SCATTERED, ["morning", "day", "evening", "night"]
        spread = (0.009, 0.016)  # about 1 km
    category = rng.choice(categories)
    placed = rng.random() < 0.85
    return {
        "observed_on": day,
        "area": area,
        "category": category,
        "time_of_day": rng.choice(times),
        "latitude": round(lat + rng.uniform(-1, 1) * spread[0], 6) if placed else None,
        "longitude": round(lon + rng.uniform(-1, 1) * spread[1], 6) if placed else None,
    }


def _observations(
    municipality: Municipality, memberships: list[Membership], areas: dict[str, Area]
) -> int:
    rng = random.Random(2026)
    today = timezone.localdate()
    last_sunday = today - datetime.timedelta(days=today.isoweekday() % 7 or 7)
    first_day = today - datetime.timedelta(days=WEEKS * 7 - 1)
    categories = {c.code: c for c in EstCategory.objects.filter(organisation=None)}
    rows = []
    for _i in range(6 * WEEKS + 60):
        data = _observation(rng, first_day)
        membership = rng.choice(memberships)
        rows.append(
            EstObservation(
                organisation_id=membership.organisation_id,
                reporter_id=membership.user_id,
                municipality=municipality,
                category=categories[data["category"]],
                area=areas[data["area"]],
                latitude=data["latitude"],
                longitude=data["longitude"],
                observed_on=data["observed_on"],
                time_of_day=data["time_of_day"],
                description=EXAMPLE + TEXTS[data["category"]] + ".",
            )
        )
    EstObservation.objects.bulk_create(rows)
    _compilations(municipality, areas, last_sunday)
    return len(rows)


def _compilations(
    municipality: Municipality, areas: dict[str, Area], last_sunday: datetime.date
) -> None:
    coordinator = get_user_model().objects.filter(username=COORDINATOR).first()
    organisation = Organisation.objects.filter(
        municipality=municipality, kind="municipality"
    ).first()
    if organisation is None:
        return
    for weeks_back in range(1, 5):
        year, week, _d = (last_sunday - datetime.timedelta(weeks=weeks_back - 1)).isocalendar()
        compilation = WeeklyCompilation.objects.create(
            organisation=organisation,
            municipality=municipality,
            iso_year=year,
            iso_week=week,
            hot_spot_notes="Busshållplatsen och hamnplanen i Skärhamn",
            decided_actions=EXAMPLE
            + "fältgruppen är på plats fredag och lördag kväll; gatuenheten tömmer "
            "papperskorgarna vid hamnen en extra gång; bostadsbolaget sanerar klotter inom 24 timmar.",
            created_by=coordinator,
        )
        compilation.hot_spot_areas.set([areas["skarhamn"]])


def load_est_demo() -> bool:
    """Add the EST demo; False when it was already there."""
    if is_loaded():
        return False
    municipality = Municipality.objects.get(code=KOMMUNKOD)
    memberships = _reporters(municipality)
    _observations(municipality, memberships, _areas(municipality))
    return True
