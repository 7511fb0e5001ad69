"""The lägesbild's statistics and åtgärdsplan in the demo (issue 8): reported crimes in Brå's
shape and population per year for the seed municipalities, and Tjörn's åtgärdsplan with
measures carried out by the Södra Fyrbodal promise.

The figures are generated, not Brå's or SCB's: their source says "Exempeldata" (the 2025
population from SCB that the reference data holds is left as it is). They are read through
the same importers as a coordinator's file, so loading the demo again adds nothing (the same
file is never imported twice).
"""

import datetime
import random

from django.db import transaction

from core.imports import ImportFile
from organisations.models import Municipality, Organisation, Population
from promises.models import Activity, Promise
from situation.imports.crime_statistics import CrimeStatisticsImporter
from situation.imports.population import PopulationImporter
from situation.models import ActionPlan, ActionPlanMeasure

D = datetime.date
SEED_MUNICIPALITIES = ["1401", "1415", "1419", "1421", "1461", "1465"]
YEARS = range(2020, 2025)
CRIME_SOURCE = "Exempeldata i Brås form (påhittade siffror, inte Brås statistik)"
POPULATION_SOURCE = "Exempeldata (påhittade siffror, inte SCB:s statistik)"
# Reported crimes per 100,000 inhabitants and year, roughly as in a smaller Swedish
# municipality; each figure is drawn on its own (a total is not the sum of its parts).
RATES = {
    "samtliga": 8500,
    "brb-3": 700,
    "brb-3-misshandel": 420,
    "brb-4": 900,
    "brb-8": 2600,
    "brb-8-bostadsinbrott": 160,
    "brb-8-cykel": 310,
    "brb-9": 1400,
    "brb-12": 900,
    "brb-12-klotter": 260,
    "narkotika": 480,
    "trafik": 650,
}
SUPPRESSED = {("1461", "brb-8-bostadsinbrott", 2022), ("1465", "brb-12-klotter", 2021)}
MISSING = {("1465", "narkotika", 2020)}
PLAN_TITLE = "Exempel: Åtgärdsplan mot brott i Tjörns kommun 2024–2025"


def _population(code: str, year: int, latest: int) -> int:
    rng = random.Random(f"folkmangd-{code}-{year}")
    return round(latest * (1 - 0.004 * (2025 - year)) * rng.uniform(0.997, 1.003))


def population_csv() -> str:
    latest = dict(
        Population.objects.filter(
            year=2025, municipality__code__in=SEED_MUNICIPALITIES
        ).values_list("municipality__code", "count")
    )
    names = dict(
        Municipality.objects.filter(code__in=SEED_MUNICIPALITIES).values_list("code", "name")
    )
    lines = [
        '"Folkmängden efter region och år (exempeldata)"',
        "",
        "region;" + ";".join(f"Folkmängd {y}" for y in YEARS),
    ]
    for code in SEED_MUNICIPALITIES:
        counts = [str(_population(code, y, latest[code])) for y in YEARS]
        lines.append(f"{code} {names[code]};" + ";".join(counts))
    return "\n".join(lines) + "\n"


def crime_csv() -> str:
    people = {
        (code, year): count
        for code, year, count in Population.objects.filter(
            municipality__code__in=SEED_MUNICIPALITIES
        ).values_list("municipality__code", "year", "count")
    }
    lines = ['"Anmälda brott efter brottstyp och kommun (exempeldata)"', ""]
    lines.append("kommunkod;brottskategori;period;antal;per 100 000 invånare")
    for code in SEED_MUNICIPALITIES:
        for category, rate in RATES.items():
            for year in YEARS:
                key = (code, category, year)
                if key in SUPPRESSED:
                    lines.append(f"{code};{category};{year};XX;XX")
                    continue
                if key in MISSING:
                    lines.append(f"{code};{category};{year};..;..")
                    continue
                rng = random.Random(f"brott-{code}-{category}-{year}")
                inhabitants = people.get((code, year)) or people[(code, 2025)]
                count = round(rate * inhabitants / 100_000 * rng.uniform(0.8, 1.2))
                per = f"{count * 100_000 / inhabitants:.1f}".replace(".", ",")
                lines.append(f"{code};{category};{year};{count};{per}")
    return "\n".join(lines) + "\n"


def _import(importer: object, name: str, text: str) -> bool:
    plan = importer.run(ImportFile.from_bytes(name, text.encode("utf-8")))
    if plan.errors:
        raise ValueError("; ".join(str(e) for e in plan.errors))
    return plan.record is not None


def _action_plan() -> bool:
    tjorn = Municipality.objects.get(code="1419")
    if ActionPlan.objects.filter(municipality=tjorn, title=PLAN_TITLE).exists():
        return False
    promise = Promise.objects.filter(title__contains="Södra Fyrbodal").first()
    orgs = {o.name: o for o in Organisation.objects.filter(municipality=tjorn)}
    municipality_org = next(
        (o for o in orgs.values() if o.kind == Organisation.Kind.MUNICIPALITY), None
    )
    police = Organisation.objects.filter(police_area__municipalities=tjorn).first()
    plan = ActionPlan.objects.create(
        municipality=tjorn,
        title=PLAN_TITLE,
        decision_body="Kommunfullmäktige",
        decided_on=D(2024, 6, 13),
        paragraph="§ 74 (exempel)",
        review_interval_years=2,
        is_public=True,
    )
    measures = [
        (
            "Exempel: Minska narkotikabrotten i offentlig miljö genom riktade insatser och "
            "föräldrastöd.",
            police,
            "Kommunpolis",
            ["Exempel: Riktade narkotikainsatser", "Exempel: Föräldraträffar"],
        ),
        (
            "Exempel: Öka trafiksäkerheten vid skolorna.",
            police,
            "Kommunpolis",
            ["Exempel: Hastighetskontroller vid skolor"],
        ),
        (
            "Exempel: Trygghetsvandringar i Skärhamn varje höst, med återbesök.",
            municipality_org,
            "Säkerhetssamordnare",
            [],
        ),
    ]
    for order, (text, responsible, function, activity_titles) in enumerate(measures):
        measure = ActionPlanMeasure.objects.create(
            plan=plan,
            text=text,
            responsible=responsible,
            responsible_function=function,
            order=order,
        )
        if promise is not None:
            measure.promises.set([promise])
            activities = Activity.objects.filter(commitment__promise=promise)
            measure.activities.set(
                [a for a in activities if a.title.startswith(tuple(activity_titles))]
            )
    return True


def load_situation_demo() -> bool:
    """Load the statistics and the åtgärdsplan; False when all of it was there already."""
    with transaction.atomic():
        loaded = _import(
            PopulationImporter(source_label=POPULATION_SOURCE),
            "folkmangd-exempeldata.csv",
            population_csv(),
        )
        loaded = (
            _import(
                CrimeStatisticsImporter(source_label=CRIME_SOURCE),
                "anmalda-brott-exempeldata.csv",
                crime_csv(),
            )
            or loaded
        )
        return _action_plan() or loaded
