"""Issue 8's demo lägesbild: the local lägesbild of LPO Södra Fyrbodal with Stenungsund, Orust
and Tjörn that the 2023–2024 promise rests on (seed 000: "Medborgarlöftena utgår från de lokala
lägesbilderna"), published and linked to the promise. Idempotent on its own, so a database
loaded before issue 8 gets it on the next `load_demo`.

The seed does not give the lägesbild's text: what is written here is labelled "Exempel:". Its
figures are what the demo holds for 2022 (the citizen dialogues of autumn 2022) at the moment it
is published, frozen like any published lägesbild.
"""

import datetime

from organisations.models import Municipality, Organisation
from promises.models import Promise
from situation.models import SituationReport, SuggestedFocusArea
from situation.report.builder import build_figures
from situation.report.figures import dump
from situation.report.services import scope_of

EXAMPLE = "Exempel: "
TITLE = "Lokal lägesbild Södra Fyrbodal 2022"
PROMISE = "Medborgarlöftet 2023–2024 – Södra Fyrbodal"

MAPPING = (
    EXAMPLE + "Kommunerna och polisen har tagit fram lokala lägesbilder utifrån statistikunderlag "
    "där såväl verksamheter som medborgare har rapporterat in vad som skapar otrygghet. Under "
    "hösten 2022 genomfördes medborgardialoger där medborgarna svarade på frågor om trygghet; "
    "resultatet visar att majoriteten av invånarna känner sig trygga.\n\n"
    "Det som oftast togs upp var trafiken genom tätorterna på kvällarna, oro för narkotika bland "
    "unga och kränkningar mellan elever."
)
OTHER = (
    EXAMPLE + "Lagen om kommuners ansvar för brottsförebyggande arbete (Kommuner mot brott) "
    "träder i kraft den 1 juli 2023; arbetet samordnas utifrån den. Sommarens turism ökar "
    "antalet människor i hamnarna."
)
ANALYSIS = (
    EXAMPLE + "Tre problem prioriteras gemensamt av de tre kommunerna och polisen: droger, "
    "kränkningar och våld, och trafiken. Orsakerna beskrivs per fokusområde nedan, enligt "
    "brottstriangeln. Arbetet behöver vara både kortsiktigt och långsiktigt, med tidiga insatser "
    "i bred samverkan med föreningsliv och näringsliv."
)
SOURCES = (
    EXAMPLE + "Polisens och kommunernas egna underlag från 2022 finns inte på plattformen; "
    "lägesbilden visar här det som dialogerna gav."
)
FOCUS_AREAS = [
    {
        "title": "Narkotika",
        "rationale": "Oro för att unga erbjuds narkotika via sociala medier.",
        "place_situation": "Sociala medier; helgkvällar i tätorterna.",
        "victim_target": "Unga i högstadiet och gymnasiet.",
        "offender": "Mönster: försäljning via sociala medier, inte enskilda personer.",
        "measure_kind": "both",
        "horizon": "long",
    },
    {
        "title": "Våld och kränkningar",
        "rationale": "Kränkningar mellan elever på väg hem från skolan.",
        "place_situation": "Skolvägar och busshållplatser efter skoltid.",
        "victim_target": "Elever.",
        "offender": "Mönster: grupper av unga, oftast jämnåriga.",
        "measure_kind": "social",
        "horizon": "long",
    },
    {
        "title": "Trafik",
        "rationale": "Bilar kör för fort genom tätorterna på kvällarna; mopeder på gång- och "
        "cykelvägar.",
        "place_situation": "Genomfartsleder i Skärhamn och Henån, kvällstid.",
        "victim_target": "Gående och cyklister.",
        "offender": "Mönster: unga förare, kvällar och helger.",
        "measure_kind": "situational",
        "horizon": "short",
    },
]


def is_loaded() -> bool:
    return SituationReport.objects.filter(title=TITLE).exists()


def load_lagesbild() -> bool:
    """Create and publish the demo lägesbild; False when it was already there."""
    if is_loaded():
        return False
    organisation = Organisation.objects.get(name="Lokalpolisområde Södra Fyrbodal")
    report = SituationReport.objects.create(
        organisation=organisation,
        title=TITLE,
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2022, 12, 31),
        mapping_text=MAPPING,
        other_information_text=OTHER,
        analysis_text=ANALYSIS,
        sources_text=SOURCES,
    )
    report.municipalities.set(Municipality.objects.filter(code__in=["1415", "1419", "1421"]))
    for priority, data in enumerate(FOCUS_AREAS, start=1):
        SuggestedFocusArea.objects.create(report=report, priority=priority, **data)
    report.promises.set(Promise.objects.filter(title=PROMISE))
    report.frozen_figures = dump(build_figures(scope_of(report)))
    report.status = SituationReport.Status.PUBLISHED
    report.published_at = datetime.datetime(2023, 1, 31, 12, tzinfo=datetime.UTC)
    report.save()
    return True
