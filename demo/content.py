"""Demo content from the five seed pages (DOMAIN.md §8).

Text in quotes below is as the seed pages state it. Where a seed leaves something out, the demo
adds examples whose text starts with "Exempel:" so nobody mistakes them for the real promise.
"""

import datetime

D = datetime.date
EXAMPLE = "Exempel: "

POLICE_AREAS = {
    "Södra Fyrbodal": "Lokalpolisområde Södra Fyrbodal",
    "Storgöteborg Syd": "Lokalpolisområde Storgöteborg Syd",
    "Borås": "Lokalpolisområde Borås",
    "Östra Fyrbodal": "Lokalpolisområde Östra Fyrbodal",
}

MUNICIPALITIES = {
    "1415": "Stenungsunds kommun",
    "1419": "Tjörns kommun",
    "1421": "Orust kommun",
    "1401": "Härryda kommun",
    "1465": "Svenljunga kommun",
    "1461": "Melleruds kommun",
}

OTHER_ORGANISATIONS = [
    # (name, kommunkod, description)
    ("Brottsförebyggande rådet i Melleruds kommun", "1461", "Lokalt brottsförebyggande råd (BRÅ)"),
    ("Exempelbostäder AB (exempel)", "1419", "Påhittat bostadsbolag i demodata"),
    ("Exempelskolan i Härryda (exempel)", "1401", "Påhittad skola i demodata"),
]

USERS = [
    # (username, first name, organisation, role, title)
    ("samordnare", "Samordnare Tjörn", "Tjörns kommun", "admin", "Säkerhetssamordnare"),
    (
        "kommunpolis",
        "Kommunpolis Södra Fyrbodal",
        "Lokalpolisområde Södra Fyrbodal",
        "editor",
        "Kommunpolis",
    ),
    (
        "bra",
        "BRÅ-ledamot Mellerud",
        "Brottsförebyggande rådet i Melleruds kommun",
        "editor",
        "Ledamot",
    ),
    ("mellerud", "Samordnare Mellerud", "Melleruds kommun", "editor", "Folkhälsostrateg"),
    (
        "polis-mellerud",
        "Kommunpolis Mellerud",
        "Lokalpolisområde Östra Fyrbodal",
        "editor",
        "Kommunpolis",
    ),
    ("harryda", "Samordnare Härryda", "Härryda kommun", "editor", "Trygghetssamordnare"),
    (
        "polis-harryda",
        "Kommunpolis Härryda",
        "Lokalpolisområde Storgöteborg Syd",
        "editor",
        "Kommunpolis",
    ),
]
DEMO_PASSWORD = "demo-lofte-2026"
# .invalid (RFC 2606) can never be delivered to.
DEMO_EMAIL_DOMAIN = "demo.example.invalid"

CONTACTS = [
    # (organisation, kommunkod or None, role, name, phone, email, address, note)
    (
        "Lokalpolisområde Storgöteborg Syd",
        "1401",
        "Kommunpolis",
        "Linda Bergvall",
        "010-565 41 38",
        "",
        "",
        "",
    ),
    (
        "Lokalpolisområde Borås",
        "1465",
        "Kommunpolis",
        "Annika Stomberg",
        "0725-877431",
        "annika.stomberg@polisen.se",
        "",
        "Kontorstid",
    ),
    (
        "Lokalpolisområde Östra Fyrbodal",
        "1461",
        "Kommunpolis",
        "Erika Gustavsson",
        "010-56 526 86",
        "",
        "",
        "",
    ),
    ("Melleruds kommun", None, "Folkhälsostrateg", "Glenn Nordling", "0530-181 03", "", "", ""),
    (
        "Tjörns kommun",
        None,
        "Tjörns kundcenter",
        "",
        "",
        "",
        "Kroksdalsvägen 1, 471 80 Skärhamn",
        "",
    ),
]

AGREEMENTS = [
    {
        "title": "Samverkansöverenskommelse för att förebygga brott och upprätthålla tryggheten i Tjörns kommun",
        "parties": ["Tjörns kommun", "Lokalpolisområde Södra Fyrbodal"],
        "purpose": "Syftet med samverkansöverenskommelsen är att fördjupa och utveckla samarbetet mellan "
        "myndigheterna, för att på så sätt öka tryggheten och minska brottsligheten inom Tjörns kommun.",
        "problems": "Samverkan skall grunda sig på en gemensam problembild baserad på lokal kartläggning gällande "
        "brott, ordningsstörningar och av medborgaren upplevd otrygghet i Tjörns kommun.\n\n"
        "Anställda inom kommunen och polisen samt invånarna i Tjörns kommun, näringsliv och föreningsliv "
        "kommer alla ges möjlighet att påverka det gemensamma trygghetsarbetet genom medborgar- och "
        "medarbetardialog.",
        "goals": "Ett praktiskt och förtroendefullt samarbete med korta beslutsvägar och effektiva åtgärdsprocesser.\n"
        "Beslut ska fattas så nära verksamheten som möjligt, utifrån målsättningen att minska brottsligheten "
        "och öka tryggheten för kommunens invånare.",
        "documentation": "",
        "follow_up_plan": "",
        "signed_on": D(2023, 10, 20),
        "valid_from": D(2023, 10, 20),
        "groups": [
            (
                "styrgrupp",
                "Trygg på Tjörn – styrgrupp",
                "Leder arbetet ”Trygg på Tjörn”.",
                [
                    EXAMPLE + "Lokalpolisområdeschef, LPO Södra Fyrbodal",
                    EXAMPLE + "Kommundirektör, Tjörns kommun",
                ],
            ),
            (
                "arbetsgrupp",
                "Trygg på Tjörn – arbetsgrupp",
                "En arbetsgrupp med samordnare som ansvarar för beredning och genomförande.",
                ["Säkerhetssamordnare, Tjörns kommun", EXAMPLE + "Kommunpolis, LPO Södra Fyrbodal"],
            ),
        ],
    },
    {
        "title": "Samverkansöverenskommelse mellan Svenljunga kommun och Polisen (januari 2016)",
        "parties": ["Svenljunga kommun", "Lokalpolisområde Borås"],
        "purpose": "Medborgarlöftet 2019 är en komplettering till samverkansöverenskommelsen mellan kommunen och "
        "polisen som slöts i januari 2016.",
        "signed_on": None,
        "valid_from": None,
        "groups": [],
    },
    {
        "title": "Samverkansöverenskommelse mellan Melleruds kommun och Polismyndigheten",
        "parties": ["Melleruds kommun", "Lokalpolisområde Östra Fyrbodal"],
        "purpose": "Syftet med överenskommelsen är att fortlöpande utöka, fördjupa och utveckla samverkan mellan "
        "kommunen och polisen i det brottsförebyggande och trygghetsskapande arbetet. Samverkan med "
        "näringslivet och föreningslivet kommer fortsätta att förstärkas.",
        "signed_on": None,
        "valid_from": None,
        "groups": [],
    },
]

# Commitment givers: "police", "municipalities", "together", or an organisation name (one party).
PROMISES = [
    {
        "title": "Medborgarlöftet 2023–2024 – Södra Fyrbodal",
        "parties": [
            "Lokalpolisområde Södra Fyrbodal",
            "Stenungsunds kommun",
            "Orust kommun",
            "Tjörns kommun",
        ],
        "agreement": None,
        "period": (D(2023, 1, 1), D(2024, 12, 31)),
        "geography": "Stenungsunds, Orust och Tjörns kommuner",
        "focus_areas": [
            "Narkotika",
            "Våld och kränkningar",
            "Trafik",
            "Arbete utifrån lokala lägesbilder",
        ],
        "intro": "Medborgarlöftet är ett åtagande från lokalpolisområde Södra Fyrbodal och de tre kommunerna "
        "Stenungsund, Orust och Tjörn. Löftet innebär aktiviteter inom de områden som medborgarna och "
        "verksamheterna upplever är viktiga att arbeta med och förbättra.\n\n"
        "Tillsammans med polisen kommer de tre kommunerna att fokusera på arbetet mot droger, kränkningar och "
        "våld, insatser i trafikmiljön, arbeta utifrån aktuella lokala lägesbilder och så vidare. Arbetet "
        "innefattar bland annat föräldrastärkande insatser samt att involvera föreningsliv, näringsliv och andra "
        "aktörer i det gemensamma brottsförebyggande och trygghetsskapande arbetet. Medborgarlöftet är en "
        "långsiktig satsning och arbetet kommer att organiseras och samordnas utifrån den nya lagstiftningen "
        "Kommuner mot brott.",
        "goal": "Det gemensamma långsiktiga målet med medborgarlöftet är att öka tryggheten samt att förhindra och "
        "minska brottsligheten i kommunerna. För att nå målet krävs att vi arbetar både kortsiktigt och "
        "långsiktigt samt satsar på tidiga insatser i bred samverkan och att involvera flera aktörer i arbetet.",
        "basis": "Kommunerna och polisen har tagit fram lokala lägesbilder utifrån statistikunderlag där såväl "
        "verksamheter som medborgare har rapporterat in vad som skapar otrygghet. Det är dessa lägesbilder som "
        "ligger till grund för medborgarlöftet.\n\n"
        "Under hösten 2022 har det även genomförts medborgardialoger där medborgarna svarat på frågor gällande "
        "trygghet. Resultatet av medborgardialogerna visar att majoriteten av invånarna känner sig trygga.",
        "follow_along": "",
        "plain_summary": "",
        "signed_on": None,
        "signatories": "Kommundirektör, Stenungsunds kommun\nKommundirektör, Tjörns kommun\n"
        "T.f. kommundirektör, Orust kommun\nLokalpolisområdeschef, LPO Södra Fyrbodal",
        "status": "published",
        "published_on": D(2023, 9, 8),
        "follow_up_bodies": [],
        "commitments": [
            {
                "given_by": "police",
                "text": EXAMPLE
                + "genomföra riktade insatser mot narkotikabrott i offentlig miljö.",
                "focus_area": "Narkotika",
                "target": (15, "riktade insatser"),
                "activities": [
                    {
                        "title": EXAMPLE
                        + "Riktade narkotikainsatser i centrala Stenungsund, Henån och Skärhamn",
                        "responsible": "Lokalpolisområde Södra Fyrbodal",
                        "function": "Kommunpolis",
                        "dates": (D(2023, 2, 1), D(2024, 11, 30)),
                        "target": (15, "insatser"),
                        "status": "ongoing",
                        "updates": [
                            (
                                D(2023, 4, 14),
                                "Exempel: två insatser vid pendelparkeringen och busstationen.",
                                2,
                            ),
                            (D(2023, 9, 22), "Exempel: tre insatser i samband med skolstarten.", 3),
                            (D(2024, 3, 8), "Exempel: fyra insatser under vinterlovet.", 4),
                        ],
                    },
                ],
            },
            {
                "given_by": "police",
                "text": EXAMPLE
                + "genomföra trafikkontroller vid skolor vid minst tre tillfällen per termin.",
                "focus_area": "Trafik",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE + "Hastighetskontroller vid skolor",
                        "responsible": "Lokalpolisområde Södra Fyrbodal",
                        "function": "Trafikpolis",
                        "dates": (D(2023, 1, 9), D(2024, 12, 20)),
                        "target": (12, "kontroller"),
                        "status": "ongoing",
                        "updates": [
                            (D(2023, 5, 30), "Exempel: kontroller vid fyra skolor under våren.", 4)
                        ],
                    },
                ],
            },
            {
                "given_by": "municipalities",
                "text": EXAMPLE
                + "erbjuda föräldrastärkande insatser, till exempel föräldraträffar om droger "
                "och nätet.",
                "focus_area": "Narkotika",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE + "Föräldraträffar i högstadiet",
                        "responsible": "Tjörns kommun",
                        "function": "Fältgruppen",
                        "dates": (D(2023, 2, 1), D(2023, 12, 15)),
                        "target": (6, "träffar"),
                        "status": "done",
                        "updates": [
                            (D(2023, 3, 2), "Exempel: första föräldraträffen i Skärhamn.", 1),
                            (D(2023, 11, 20), "Exempel: fem träffar till under hösten.", 5),
                        ],
                    },
                ],
            },
            {
                "given_by": "together",
                "text": EXAMPLE
                + "involvera föreningsliv, näringsliv och andra aktörer i det gemensamma "
                "brottsförebyggande och trygghetsskapande arbetet.",
                "focus_area": "Arbete utifrån lokala lägesbilder",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE + "Trygghetsträff med företagare och föreningar",
                        "responsible": "Orust kommun",
                        "function": "Brottsförebyggande samordnare",
                        "dates": (D(2023, 9, 1), D(2024, 6, 30)),
                        "target": None,
                        "status": "planned",
                        "updates": [],
                    },
                ],
            },
        ],
        "follow_up": None,
        "indicators": [],
    },
    {
        "title": "Medborgarlöfte Härryda kommun 31 maj 2022 – 31 maj 2024",
        "parties": ["Lokalpolisområde Storgöteborg Syd", "Härryda kommun"],
        "agreement": None,
        "period": (D(2022, 5, 31), D(2024, 5, 31)),
        "geography": "Härryda kommun",
        "focus_areas": ["Ungdomar i riskzon", "Narkotika", "Skadegörelse och klotter"],
        "intro": "Medborgarlöftet är ett åtagande som Lokalpolisområde Storgöteborg syd och Härryda kommun ger till "
        "kommunens invånare under ett år. Löftet innebär konkreta aktiviteter som genomförs i syfte att minska ett "
        "problem. Särskilt fokus på ungdomar i riskzon.\n\n"
        "Medborgarlöftet är en del av det långsiktiga trygghetsarbetet i kommunen där polisen, kommunen och "
        "medborgarna samverkar för att öka den upplevda tryggheten utifrån en gemensam lokal lägesbild.\n\n"
        "Genomföra tidiga, förebyggande, stödjande och repressiva åtgärder för att fånga upp ungdomar som "
        "riskerar hamna i kriminalitet eller missbruk.",
        "goal": "De gemensamma långsiktiga målen är att öka den upplevda tryggheten för invånarna i Härryda kommun, "
        "minska brottsligheten bland ungdomar och stoppa nyrekrytering till kriminalitet.",
        "basis": "I den lokala lägesbilden för Härryda kommun har medborgarna, polisen och kommunen beskrivit "
        "problemen och orsakerna till upplevd otrygghet bland kommuninvånarna. Resultatet är baserat på bland "
        "annat brottsstatistik och medborgardialoger.\n\n"
        "Droghantering, skadegörelse och annan brottslighet bland ungdomar skapar otrygghet hos många "
        "kommuninvånare.\n\n"
        "För att nå framgång krävs samlade åtgärder, inte bara från kommunen och polisen, utan också från "
        "lokalsamhället. Det gemensamma trygghetsarbetet är motorn i detta arbete.",
        "follow_along": "",
        "plain_summary": "Polisen och Härryda kommun har lovat att arbeta för att unga inte ska hamna i "
        "brott eller missbruk.\n\nDe ska prata med unga, ge information till föräldrar, samarbeta bättre och "
        "göra platser tryggare.\n\nLöftet gäller från 31 maj 2022 till 31 maj 2024.",
        "signed_on": D(2022, 5, 31),
        "signatories": "",
        "status": "published",
        "published_on": D(2022, 5, 31),
        "follow_up_bodies": [],
        "commitments": [
            {
                "given_by": "together",
                "text": "Riktade insatser mot ungdomar för att minska kriminalitet och "
                "droganvändning.",
                "focus_area": "Ungdomar i riskzon",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE + "Fältarbete helgkvällar i Mölnlycke centrum",
                        "responsible": "Härryda kommun",
                        "function": "Fältgruppen",
                        "dates": (D(2022, 6, 1), D(2024, 5, 31)),
                        "target": (40, "kvällar"),
                        "status": "ongoing",
                        "updates": [
                            (
                                D(2022, 9, 30),
                                "Exempel: fältarbete tolv helgkvällar under sommaren och hösten.",
                                12,
                            ),
                            (
                                D(2023, 6, 30),
                                "Exempel: fältarbete femton helgkvällar under våren.",
                                15,
                            ),
                        ],
                    },
                    {
                        "title": EXAMPLE + "Polisiär närvaro vid skolavslutning och Valborg",
                        "responsible": "Lokalpolisområde Storgöteborg Syd",
                        "function": "Kommunpolis",
                        "dates": (D(2022, 6, 1), D(2024, 5, 31)),
                        "target": (4, "tillfällen"),
                        "status": "ongoing",
                        "updates": [
                            (
                                D(2023, 5, 1),
                                "Exempel: närvaro på Valborg i Mölnlycke och Landvetter.",
                                2,
                            )
                        ],
                    },
                ],
            },
            {
                "given_by": "together",
                "text": "Information till föräldrar och andra föräldrastärkande insatser.",
                "focus_area": "Ungdomar i riskzon",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE + "Informationsbrev till föräldrar inför sommarlovet",
                        "responsible": "Exempelskolan i Härryda (exempel)",
                        "function": "Rektor",
                        "dates": (D(2023, 5, 1), D(2023, 6, 10)),
                        "target": None,
                        "status": "done",
                        "updates": [
                            (
                                D(2023, 6, 5),
                                "Exempel: brevet skickades till alla vårdnadshavare i åk 7–9.",
                                0,
                            )
                        ],
                    },
                ],
            },
            {
                "given_by": "together",
                "text": "Fortsätta att utveckla samverkan mellan myndigheter i det "
                "förebyggande och främjande arbetet för ungdomar.",
                "focus_area": "Ungdomar i riskzon",
                "target": None,
                "activities": [],
            },
            {
                "given_by": "together",
                "text": "Insatser för att minska skadegörelse.",
                "focus_area": "Skadegörelse och klotter",
                "target": None,
                "activities": [],
            },
            {
                "given_by": "together",
                "text": "Fysiska åtgärder för att öka den upplevda tryggheten.",
                "focus_area": None,
                "target": None,
                "activities": [],
            },
        ],
        "follow_up": None,
        "indicators": [],
    },
    {
        "title": "Medborgarlöfte Svenljunga 2019",
        "parties": ["Lokalpolisområde Borås", "Svenljunga kommun"],
        "agreement": "Samverkansöverenskommelse mellan Svenljunga kommun och Polisen (januari 2016)",
        "period": (D(2019, 1, 1), D(2019, 12, 31)),
        "geography": "Svenljunga kommun, framförallt Svenljunga tätort",
        "focus_areas": [
            "Ungdomar i riskzon",
            "Narkotika",
            "Skadegörelse och klotter",
            "IT-relaterad brottslighet",
        ],
        "intro": "Polisen och Svenljunga kommun kommer att fokusera på insatser för att öka tryggheten – med "
        "ungdomar i fokus, under 2019.",
        "goal": "Öka den upplevda tryggheten i Svenljunga kommun.\n\n"
        "Tryggheten i Svenljunga kommun bör ses som en helhet och för att arbeta för en mer jämlik hälsa i "
        "kommunen behövs insatser på de platser där högst otrygghet upplevs. Mätningen kommer ske årligen genom "
        "trygghetsenkäter för att utvärdera effekten av det gemensamma trygghetsskapande arbetet.",
        "basis": "Polisens och kommunens gemensamma lägesbild i Svenljunga kommun visar på att invånarna i kommunen "
        "upplever en ökad otrygghet, framförallt i Svenljunga tätort. Otryggheten är ofta ungdomsrelaterad och "
        "grundar sig i droghantering, skadegörelse, klotter samt IT-relaterad brottslighet på sociala medier "
        "mellan individerna själva.\n\n"
        "Medborgarlöftet är ett åtagande som lokalpolisområde Borås och Svenljunga kommun tagit fram utifrån en "
        "lokal lägesbild och beskriver vad kommunen och polisen lovar att utföra i konkreta åtgärder under ett "
        "tidsintervall. Löftet är en komplettering till samverkansöverenskommelsen mellan kommunen och polisen "
        "som slöts i januari 2016. Löftet är utifrån ett medborgarperspektiv.",
        "follow_along": "Svenljunga kommun redovisar på hemsidan samt kommunens facebooksida hur arbetet "
        "fortskrider.",
        "plain_summary": "",
        "signed_on": None,
        "signatories": "",
        "status": "concluded",
        "published_on": D(2019, 1, 1),
        "follow_up_bodies": [],
        "commitments": [
            {
                "given_by": "together",
                "text": "Ökad polisiär närvaro enligt hot spots-metoden på otrygga platser "
                "eller områden.",
                "focus_area": "Ungdomar i riskzon",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE + "Hot spots-närvaro i Svenljunga tätort",
                        "responsible": "Lokalpolisområde Borås",
                        "function": "Kommunpolis",
                        "dates": (D(2019, 1, 15), D(2019, 12, 15)),
                        "target": (30, "pass"),
                        "status": "done",
                        "updates": [
                            (
                                D(2019, 6, 30),
                                "Exempel: 16 korta pass på de platser lägesbilden pekade ut.",
                                16,
                            ),
                            (D(2019, 12, 15), "Exempel: 15 pass under hösten.", 15),
                        ],
                    },
                ],
            },
            {
                "given_by": "together",
                "text": "I samverkan mellan Polisen, Barn & utbildningsförvaltningen och "
                "Folkhälsan fokusera på värdegrundsarbete och IT-relaterad brottslighet för elever i årskurs 4-6. "
                "Vårdnadshavare ges kvällstid möjlighet att delta i arbetet i form av en föreläsning om "
                "IT-relaterad brottslighet.",
                "focus_area": "IT-relaterad brottslighet",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE
                        + "Kvällsföreläsning för vårdnadshavare om IT-relaterad brottslighet",
                        "responsible": "Svenljunga kommun",
                        "function": "Folkhälsan",
                        "dates": (D(2019, 3, 1), D(2019, 11, 30)),
                        "target": (1, "föreläsning"),
                        "status": "done",
                        "updates": [
                            (D(2019, 10, 17), "Exempel: föreläsningen hölls i Svenljunga.", 1)
                        ],
                    },
                ],
            },
            {
                "given_by": "together",
                "text": "Skapa och genomföra en årlig trygghetsundersökning, i syfte att få en "
                "uppdaterad lägesbild utifrån invånarnas perspektiv. Lägesbilden ska ligga till grund för kommande "
                "insatser och medborgarlöften.",
                "focus_area": None,
                "target": None,
                "activities": [],
            },
        ],
        "follow_up": {
            "date": D(2020, 2, 12),
            "reviewer_kind": "styrgrupp",
            "reviewer_name": EXAMPLE + "styrgruppen för samverkan Svenljunga",
            "summary": "Exempel på en uppföljning (påhittad demodata, inte en verklig bedömning): hot spots-närvaron "
            "genomfördes som planerat, föreläsningen för vårdnadshavare hölls, men trygghetsundersökningen "
            "sköts upp till 2020.",
            "verdicts": ["genomford", "genomford", "ej_genomford"],
            "reasons": [
                "Exempel: 31 pass genomfördes, fler än de 30 som planerades.",
                "Exempel: föreläsningen hölls i oktober.",
                "Exempel: undersökningen sköts upp för att samordnas med polisens trygghetsmätning.",
            ],
        },
        "indicators": [
            {
                "name": EXAMPLE + "Andel som känner sig otrygga ute sent på kvällen",
                "definition": "Andel av de svarande som känner sig mycket eller ganska otrygga ute ensamma sent en "
                "kväll i sitt bostadsområde, eller som avstår från att gå ut av otrygghet.",
                "source": "Exempel: kommunens trygghetsenkät",
                "unit": "%",
                "baseline": (24, 2018),
                "target": (18, 2020),
                "direction": "down",
                "measurements": [(D(2018, 11, 1), 24), (D(2019, 11, 1), 21)],
            },
        ],
    },
    {
        "title": "Medborgarlöfte för Melleruds kommun 2023–2024",
        "parties": ["Lokalpolisområde Östra Fyrbodal", "Melleruds kommun"],
        "agreement": "Samverkansöverenskommelse mellan Melleruds kommun och Polismyndigheten",
        "period": (D(2023, 1, 1), D(2024, 12, 31)),
        "geography": "Melleruds kommun",
        "focus_areas": ["Brottsaktiva individer", "Trafik"],
        "intro": "Medborgarlöftet handlar om att lyssna på vad de som bor och verkar i kommunen upplever som viktigt "
        "för att de ska känna sig trygga och säkra.",
        "goal": "Utifrån problembilden ska löften ges på en fokuserad inriktning och konkreta aktiviteter, så att de "
        "som bor och verkar i kommunen ska känna sig trygga och säkra.",
        "basis": "Polisen och kommunen genomför medborgardialoger, enkätundersökning, analyserar lägesbilder och "
        "hämtar fortlöpande in synpunkter från näringslivet och kommunens förvaltningar. Utöver det hämtas "
        "synpunkter från kommunens lokala brottsförebyggande råd. Detta är en hjälp för att göra problembilden "
        "tydlig.",
        "follow_along": "En aktivitetsplan kopplad till medborgarlöftet upprättas i början av 2023 och revideras "
        "inför 2024. I denna plan beskrivs vilka aktiviteter som ska utföras och vem som ansvarar för respektive "
        "aktivitet. Aktivitetsplanen följs upp minst en gång per år av det lokala brottsförebyggande rådet.",
        "plain_summary": "",
        "signed_on": None,
        "signatories": "",
        "status": "published",
        "published_on": D(2023, 1, 1),
        "follow_up_bodies": ["Brottsförebyggande rådet i Melleruds kommun"],
        "commitments": [
            {
                "given_by": "together",
                "text": "Brottsaktiva individer – Polisen och kommunen ska gemensamt rikta "
                "åtgärder mot personer som kan definieras som brottsaktiva. Som brottsaktiv definieras individ som "
                "förekommer i brottsutredningar, ELLER individ under 21 år som utifrån en samlad bedömning med grund "
                "i underrättelseinformation, tidigare brottsbelastning i närtid, orosanmälningar till socialtjänst "
                "eller liknade kan definieras som brottsaktiv.",
                "focus_area": "Brottsaktiva individer",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE
                        + "Samordnade stödsamtal med unga brottsaktiva (endast antal)",
                        "responsible": "Melleruds kommun",
                        "function": "Socialtjänsten",
                        "dates": (D(2023, 2, 1), D(2024, 12, 31)),
                        "target": (10, "personer"),
                        "counts_people": True,
                        "status": "ongoing",
                        "updates": [
                            (
                                D(2023, 6, 30),
                                "Exempel: samtal genomförda under våren. Inga personuppgifter "
                                "registreras här – bara antal.",
                                3,
                            )
                        ],
                    },
                    {
                        "title": EXAMPLE + "Gemensamma lägesgenomgångar polis–socialtjänst",
                        "responsible": "Lokalpolisområde Östra Fyrbodal",
                        "function": "Kommunpolis",
                        "dates": (D(2023, 1, 15), D(2024, 12, 15)),
                        "target": (20, "genomgångar"),
                        "status": "ongoing",
                        "updates": [
                            (D(2023, 12, 15), "Exempel: månatliga genomgångar under 2023.", 11)
                        ],
                    },
                ],
            },
            {
                "given_by": "together",
                "text": "Trafiksäkerhet – Kommunen och Polisen kommer genom medborgarlöftet "
                "samverka och vidta åtgärder som ökar trafiksäkerheten. Fokusområdet trafiksäkerhet innefattar även "
                "kriminalitet som kan relateras till området trafik.",
                "focus_area": "Trafik",
                "target": None,
                "activities": [
                    {
                        "title": EXAMPLE
                        + "Hastighetskontroller på genomfartsgatan och vid skolorna",
                        "responsible": "Lokalpolisområde Östra Fyrbodal",
                        "function": "Trafikpolis",
                        "dates": (D(2023, 3, 1), D(2024, 10, 31)),
                        "target": (10, "kontroller"),
                        "status": "ongoing",
                        "updates": [(D(2023, 9, 29), "Exempel: sex kontroller under 2023.", 6)],
                    },
                    {
                        "title": EXAMPLE + "Farthinder vid en skola",
                        "responsible": "Melleruds kommun",
                        "function": "Gatuavdelningen",
                        "dates": (D(2023, 4, 1), D(2023, 10, 31)),
                        "target": None,
                        "status": "done",
                        "updates": [(D(2023, 10, 12), "Exempel: två farthinder byggdes.", 0)],
                    },
                ],
            },
        ],
        "plan_revisions": [
            (
                2023,
                EXAMPLE + "styrgruppen",
                D(2023, 2, 15),
                "Aktivitetsplanen upprättades i början av 2023.",
            ),
            (
                2024,
                EXAMPLE + "styrgruppen",
                D(2024, 1, 24),
                "Aktivitetsplanen reviderades inför 2024.",
            ),
        ],
        "follow_up": {
            "date": D(2024, 2, 7),
            "reviewer_kind": "bra",
            "reviewer_name": "Brottsförebyggande rådet i Melleruds kommun",
            "summary": "Exempel på en uppföljning (påhittad demodata, inte en verklig bedömning): arbetet med "
            "brottsaktiva individer har kommit igång; trafikåtgärderna är delvis genomförda.",
            "verdicts": ["delvis", "delvis"],
            "reasons": [
                "Exempel: samtal och genomgångar pågår men målet för året nåddes inte helt.",
                "Exempel: farthindren är byggda, kontrollerna ska fortsätta 2024.",
            ],
        },
        "indicators": [],
    },
]
