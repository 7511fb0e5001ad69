"""Demo content for residents' voices (issue 7): dialogues, a safety walk and a few moderated
reports.

What the seeds state is used as stated: Södra Fyrbodal's citizen dialogues in autumn 2022, in
which residents answered questions on safety and most said they feel safe (seed 000); Tjörn's
citizen and staff dialogue in "Trygg på Tjörn" (seed 001); Mellerud's dialogues (seed 004).
Dates, places, numbers and what individual participants said are not in the seeds: they are
examples, and every such text starts with "Exempel:".
"""

import datetime

from demo.content import EXAMPLE

D = datetime.date

FYRBODAL_PROMISE = "Medborgarlöftet 2023–2024 – Södra Fyrbodal"
MELLERUD_PROMISE = "Medborgarlöfte för Melleruds kommun 2023–2024"
FYRBODAL = "Lokalpolisområde Södra Fyrbodal"

AUTUMN_2022_SUMMARY = (
    "Under hösten 2022 genomfördes medborgardialoger där medborgarna svarat på frågor gällande "
    "trygghet. Resultatet av medborgardialogerna visar att majoriteten av invånarna känner sig "
    "trygga.\n\n"
    + EXAMPLE
    + "datum, plats, form, antal deltagare och de enskilda synpunkterna nedan är påhittade "
    "demodata."
)


def _autumn_2022(
    municipality: str,
    org: str,
    code: str,
    held_on: datetime.date,
    place: str,
    participants: int,
    remarks: list[tuple[str, str | None]],
) -> dict:
    return {
        "marker": f"Medborgardialog om trygghet hösten 2022 – {municipality}",
        "organisation": FYRBODAL,
        "municipality": code,
        "kind": "citizen",
        "title": f"Medborgardialog om trygghet hösten 2022 – {municipality}",
        "held_on": held_on,
        "place": EXAMPLE + place,
        "format": "street",
        "target_group": EXAMPLE + "boende och besökare i centrum",
        "participants": participants,
        "present": [FYRBODAL, org],
        "summary": AUTUMN_2022_SUMMARY,
        "promises": [FYRBODAL_PROMISE],
        "remarks": [(EXAMPLE + text, area, True) for text, area in remarks],
    }


DIALOGUES = [
    _autumn_2022(
        "Tjörn",
        "Tjörns kommun",
        "1419",
        D(2022, 10, 12),
        "Skärhamns torg",
        38,
        [
            ("flera tar upp att bilar kör för fort genom Skärhamn på kvällarna.", "Trafik"),
            ("oro för att unga erbjuds narkotika via sociala medier.", "Narkotika"),
            ("önskemål om fler vuxna ute på helgkvällar.", "Våld och kränkningar"),
        ],
    ),
    _autumn_2022(
        "Stenungsund",
        "Stenungsunds kommun",
        "1415",
        D(2022, 10, 19),
        "Stenungstorg",
        52,
        [
            ("otrygghet vid busstationen sent på kvällen.", "Arbete utifrån lokala lägesbilder"),
            ("föräldrar vill veta mer om hur de kan prata med sina barn om droger.", "Narkotika"),
        ],
    ),
    _autumn_2022(
        "Orust",
        "Orust kommun",
        "1421",
        D(2022, 11, 2),
        "Henån, utanför biblioteket",
        27,
        [
            ("kränkningar mellan elever på väg hem från skolan.", "Våld och kränkningar"),
            ("mopeder och EPA-traktorer på gång- och cykelvägar.", "Trafik"),
        ],
    ),
    {
        "marker": "Trygg på Tjörn – medborgardialog",
        "organisation": "Tjörns kommun",
        "municipality": "1419",
        "kind": "citizen",
        "title": "Trygg på Tjörn – medborgardialog",
        "held_on": D(2024, 3, 14),
        "place": EXAMPLE + "Kommunhuset i Skärhamn",
        "format": "meeting",
        "target_group": EXAMPLE + "invånare, näringsliv och föreningsliv",
        "participants": 31,
        "present": ["Tjörns kommun", FYRBODAL, "Exempelbostäder AB (exempel)"],
        "summary": "Invånarna i Tjörns kommun, näringsliv och föreningsliv ges möjlighet att påverka "
        "det gemensamma trygghetsarbetet genom medborgar- och medarbetardialog (Trygg på Tjörn).\n\n"
        + EXAMPLE
        + "datum, plats, antal deltagare och synpunkterna är påhittade demodata. Dialogen är "
        "underlag för nästa lägesbild och medborgarlöfte.",
        "promises": [],
        "remarks": [
            (EXAMPLE + "mörka gångvägar mellan busshållplatserna och bostadsområdena.", None, True),
            (
                EXAMPLE + "företagare i hamnen vill ha kontakt med kommunpolisen inför sommaren.",
                "Arbete utifrån lokala lägesbilder",
                True,
            ),
            (
                EXAMPLE + "en deltagare berättade om en enskild händelse; antecknad internt utan "
                "uppgifter om personer.",
                None,
                False,
            ),
        ],
    },
    {
        "marker": "Trygg på Tjörn – medarbetardialog",
        "organisation": "Tjörns kommun",
        "municipality": "1419",
        "kind": "staff",
        "title": "Trygg på Tjörn – medarbetardialog",
        "held_on": D(2024, 3, 21),
        "place": EXAMPLE + "Kommunhuset i Skärhamn",
        "format": "workshop",
        "target_group": EXAMPLE + "fältassistenter, skola och kommunpolis",
        "participants": 4,
        "present": ["Tjörns kommun", FYRBODAL],
        "summary": "Anställda inom kommunen och polisen ges möjlighet att påverka det gemensamma "
        "trygghetsarbetet genom medarbetardialog (Trygg på Tjörn).\n\n"
        + EXAMPLE
        + "datum, plats, antal deltagare och synpunkterna är påhittade demodata.",
        "promises": [],
        "remarks": [
            (
                EXAMPLE + "skolan ser fler kränkningar i chattgrupper än på skolgården.",
                "Våld och kränkningar",
                True,
            ),
            (
                EXAMPLE + "fältassistenterna vill ha gemensamma kvällspass med polisen.",
                "Narkotika",
                True,
            ),
        ],
    },
    {
        "marker": "Medborgardialog i Mellerud 2022",
        "organisation": "Melleruds kommun",
        "municipality": "1461",
        "kind": "citizen",
        "title": "Medborgardialog i Mellerud inför medborgarlöftet 2023–2024",
        "held_on": D(2022, 11, 16),
        "place": EXAMPLE + "Folkets hus, Mellerud",
        "format": "meeting",
        "target_group": EXAMPLE + "boende i Melleruds kommun",
        "participants": 44,
        "present": [
            "Melleruds kommun",
            "Lokalpolisområde Östra Fyrbodal",
            "Brottsförebyggande rådet i Melleruds kommun",
        ],
        "summary": "Polisen och kommunen genomför medborgardialoger för att lyssna på vad de som bor "
        "och verkar i kommunen upplever som viktigt för att de ska känna sig trygga och säkra. Detta "
        "är en hjälp för att göra problembilden tydlig.\n\n"
        + EXAMPLE
        + "datum, plats, antal deltagare och synpunkterna är påhittade demodata.",
        "promises": [MELLERUD_PROMISE],
        "remarks": [
            (
                EXAMPLE + "hastigheten på genomfartsgatan och vid skolorna upplevs som farlig.",
                "Trafik",
                True,
            ),
            (
                EXAMPLE + "oro för att samma få personer står för många brott i centrum "
                "(inga personer pekas ut; följs upp som antal).",
                "Brottsaktiva individer",
                True,
            ),
            (EXAMPLE + "önskemål om fler trafikkontroller på kvällar.", "Trafik", True),
        ],
    },
    {
        "marker": "Dialog med näringslivet i Mellerud 2023",
        "organisation": "Melleruds kommun",
        "municipality": "1461",
        "kind": "citizen",
        "title": "Dialog med näringslivet i Mellerud",
        "held_on": D(2023, 9, 6),
        "place": EXAMPLE + "Företagarfrukost i centrum",
        "format": "meeting",
        "target_group": EXAMPLE + "företagare",
        "participants": 18,
        "present": ["Melleruds kommun", "Lokalpolisområde Östra Fyrbodal"],
        "summary": "Polisen och kommunen hämtar fortlöpande in synpunkter från näringslivet.\n\n"
        + EXAMPLE
        + "datum, plats, antal deltagare och synpunkterna är påhittade demodata.",
        "promises": [MELLERUD_PROMISE],
        "remarks": [
            (
                EXAMPLE + "snatterier och hot mot personal i butikerna.",
                "Brottsaktiva individer",
                True,
            ),
            (
                EXAMPLE + "lastbilar parkerar så att sikten skyms vid övergångsställen.",
                "Trafik",
                True,
            ),
        ],
    },
]

WALK = {
    "marker": EXAMPLE + "Trygghetsvandring i Skärhamn i mörker",
    "organisation": "Tjörns kommun",
    "municipality": "1419",
    "title": EXAMPLE + "Trygghetsvandring i Skärhamn i mörker",
    "pre_meeting_on": D(2024, 10, 8),
    "walked_on": D(2024, 10, 29),
    "light": "darkness",
    "participants": 16,
    "follow_up_on": D(2024, 11, 19),
    "revisit_on": D(2025, 3, 11),
    "summary": EXAMPLE
    + "boende, näringsidkare, fastighetsägare, kommunen och polisen gick en kväll i slutet av "
    "oktober från busshållplatsen vid Kroksdalsvägen ner mot hamnen och stannade där deltagarna "
    "kände sig otrygga. Vandringen, stoppen, åtgärderna och återbesöket är påhittade demodata.",
    "stops": [
        {
            "point": (57.99310, 11.55120),
            "precise": True,
            "place": EXAMPLE + "gångvägen från busshållplatsen vid Kroksdalsvägen",
            "category": "belysning",
            "remark": EXAMPLE + "två gatlyktor är trasiga och gångvägen är helt mörk.",
            "actions": [
                (
                    EXAMPLE + "byta armaturerna i de två lyktstolparna.",
                    "Tjörns kommun",
                    "Gatuchef",
                    D(2024, 12, 15),
                    "done",
                    "fixed",
                    "Båda lyser.",
                ),
            ],
        },
        {
            "point": (57.99195, 11.54890),
            "precise": False,
            "place": EXAMPLE + "parkeringen bakom kulturhuset",
            "category": "skymd_sikt",
            "remark": EXAMPLE + "höga buskar skymmer sikten mellan parkeringen och gångvägen.",
            "actions": [
                (
                    EXAMPLE + "beskära buskagen till under en meter.",
                    "Tjörns kommun",
                    "Parkchef",
                    D(2025, 2, 28),
                    "done",
                    "partly",
                    "Beskuret på ena sidan, den andra återstår.",
                ),
            ],
        },
        {
            "point": (57.99050, 11.54700),
            "precise": False,
            "place": EXAMPLE + "trappan ner mot gästhamnen",
            "category": "klotter",
            "remark": EXAMPLE + "mycket klotter på räcket och väggen; känns övergivet.",
            "actions": [
                (
                    EXAMPLE + "sanera klottret och måla med klotterskydd.",
                    "Exempelbostäder AB (exempel)",
                    "Fastighetschef",
                    D(2024, 12, 1),
                    "done",
                    "fixed",
                    "",
                ),
            ],
        },
        {
            "point": (57.98960, 11.54560),
            "precise": False,
            "place": EXAMPLE + "hamnplanen vid sophusen",
            "category": "nedskrapning",
            "remark": EXAMPLE + "överfulla soptunnor och skräp runt sophusen.",
            "actions": [
                (
                    EXAMPLE + "tömma oftare under helger och sätta upp en större behållare.",
                    "Tjörns kommun",
                    "Renhållningschef",
                    D(2025, 1, 31),
                    "planned",
                    "not_fixed",
                    "Behållaren är beställd men inte på plats.",
                ),
                (
                    EXAMPLE + "ökad polisiär närvaro på hamnplanen fredagskvällar.",
                    FYRBODAL,
                    "Kommunpolis",
                    None,
                    "done",
                    "fixed",
                    "",
                ),
            ],
        },
        {
            "point": None,
            "precise": False,
            "place": EXAMPLE + "gång- och cykeltunneln under väg 169",
            "category": "belysning",
            "remark": EXAMPLE
            + "tunneln är mörk och man ser inte vem som kommer från andra hållet.",
            "actions": [
                (
                    EXAMPLE + "utreda ny belysning och speglar i tunneln.",
                    "Tjörns kommun",
                    "Gatuchef",
                    D(2025, 6, 30),
                    "proposed",
                    "",
                    "",
                ),
            ],
        },
    ],
}
