"""The standard question bank (DOMAIN.md §5), in Swedish, English and Arabic.

Wordings follow the typical questions of Brå's NTU, Polisen's local safety survey and SCB's
medborgarundersökning; verify them against the current questionnaires before a wave goes out.
Codes are stable: the same code links answers across surveys and years. Loaded by a data
migration (surveys/migrations/0002_standard_question_bank.py) and by `load_question_bank()`.
"""

from typing import TypedDict


class Option(TypedDict, total=False):
    value: str
    label: dict[str, str]
    missing: bool  # "Vet ej" and the like: shown, but left out of shares


class BankItem(TypedDict, total=False):
    code: str
    kind: str
    topic: str
    wording: dict[str, str]
    help: dict[str, str]
    options: list[Option]
    constraints: dict


def _o(value: str, sv: str, en: str, ar: str, missing: bool = False) -> Option:
    option: Option = {"value": value, "label": {"sv": sv, "en": en, "ar": ar}}
    if missing:
        option["missing"] = True
    return option


DONT_KNOW = _o("vet_ej", "Vet ej", "Don't know", "لا أعرف", missing=True)
YES_NO = [_o("ja", "Ja", "Yes", "نعم"), _o("nej", "Nej", "No", "لا")]

SAFETY = [
    _o("mycket_trygg", "Mycket trygg", "Very safe", "آمن جدًا"),
    _o("ganska_trygg", "Ganska trygg", "Fairly safe", "آمن إلى حد ما"),
    _o("ganska_otrygg", "Ganska otrygg", "Fairly unsafe", "غير آمن إلى حد ما"),
    _o("mycket_otrygg", "Mycket otrygg", "Very unsafe", "غير آمن على الإطلاق"),
    _o(
        "gar_aldrig_ut",
        "Går aldrig ut ensam sent på kvällen",
        "Never go out alone late in the evening",
        "لا أخرج وحدي أبدًا في وقت متأخر من المساء",
    ),
    DONT_KNOW,
]

WORRY_SOCIETY = [
    _o("mycket_stor", "I mycket stor utsträckning", "To a very great extent", "بدرجة كبيرة جدًا"),
    _o(
        "ganska_stor",
        "I ganska stor utsträckning",
        "To a fairly great extent",
        "بدرجة كبيرة نوعًا ما",
    ),
    _o(
        "ganska_liten",
        "I ganska liten utsträckning",
        "To a fairly small extent",
        "بدرجة قليلة نوعًا ما",
    ),
    _o("mycket_liten", "I mycket liten utsträckning", "To a very small extent", "بدرجة قليلة جدًا"),
    _o("inte_alls", "Inte alls", "Not at all", "لا على الإطلاق"),
]

HOW_OFTEN = [
    _o("mycket_ofta", "Mycket ofta", "Very often", "كثيرًا جدًا"),
    _o("ganska_ofta", "Ganska ofta", "Fairly often", "كثيرًا إلى حد ما"),
    _o("ganska_sallan", "Ganska sällan", "Fairly seldom", "نادرًا إلى حد ما"),
    _o("aldrig", "Aldrig", "Never", "أبدًا"),
]

REFRAINED = [
    _o("ja_ofta", "Ja, ofta", "Yes, often", "نعم، كثيرًا"),
    _o("ja_ibland", "Ja, ibland", "Yes, sometimes", "نعم، أحيانًا"),
    _o("nej", "Nej", "No", "لا"),
]

CONFIDENCE = [
    _o("mycket_stort", "Mycket stort", "Very high", "كبيرة جدًا"),
    _o("ganska_stort", "Ganska stort", "Fairly high", "كبيرة إلى حد ما"),
    _o("varken_eller", "Varken stort eller litet", "Neither high nor low", "لا كبيرة ولا صغيرة"),
    _o("ganska_litet", "Ganska litet", "Fairly low", "قليلة إلى حد ما"),
    _o("mycket_litet", "Mycket litet", "Very low", "قليلة جدًا"),
    DONT_KNOW,
]

PROBLEM = [
    _o("mycket_stort", "Ett mycket stort problem", "A very big problem", "مشكلة كبيرة جدًا"),
    _o("ganska_stort", "Ett ganska stort problem", "A fairly big problem", "مشكلة كبيرة إلى حد ما"),
    _o(
        "ganska_litet",
        "Ett ganska litet problem",
        "A fairly small problem",
        "مشكلة صغيرة إلى حد ما",
    ),
    _o("inget", "Inget problem alls", "No problem at all", "ليست مشكلة على الإطلاق"),
    DONT_KNOW,
]

# The problem items of Polisen's survey: code suffix, then the item in sv, en, ar.
PROBLEMS = [
    ("nedskrapning", "Nedskräpning", "Littering", "رمي النفايات"),
    ("skadegorelse", "Skadegörelse", "Vandalism", "التخريب"),
    ("klotter", "Klotter", "Graffiti", "الكتابة على الجدران"),
    ("belysning", "Dålig belysning", "Poor lighting", "ضعف الإنارة"),
    (
        "buskorning",
        "Buskörning med bil, mc eller moped",
        "Reckless joyriding by car, motorcycle or moped",
        "القيادة المتهورة بالسيارات أو الدراجات النارية أو الدراجات البخارية",
    ),
    (
        "fortkorning",
        "Bilar som körs för fort eller vårdslöst",
        "Cars driven too fast or carelessly",
        "سيارات تسير بسرعة زائدة أو بتهور",
    ),
    (
        "alkohol",
        "Personer påverkade av alkohol på allmän plats",
        "People under the influence of alcohol in public places",
        "أشخاص تحت تأثير الكحول في الأماكن العامة",
    ),
    (
        "narkotika_paverkade",
        "Personer påverkade av narkotika på allmän plats",
        "People under the influence of drugs in public places",
        "أشخاص تحت تأثير المخدرات في الأماكن العامة",
    ),
    ("narkotikahandel", "Öppen narkotikahandel", "Open drug dealing", "الاتجار العلني بالمخدرات"),
    (
        "ungdomsgang",
        "Ungdomsgäng som stör ordningen",
        "Gangs of young people disturbing the peace",
        "عصابات شبابية تخل بالنظام",
    ),
    (
        "brak",
        "Personer som bråkar och slåss utomhus",
        "People quarrelling and fighting outdoors",
        "أشخاص يتشاجرون ويتعاركون في الأماكن المفتوحة",
    ),
    ("bostadsinbrott", "Bostadsinbrott", "Burglary in homes", "سرقة المنازل"),
    (
        "bilbrott",
        "Bilinbrott och bilstölder",
        "Thefts from and of cars",
        "السرقة من السيارات وسرقتها",
    ),
    ("cykelstolder", "Cykelstölder", "Bicycle thefts", "سرقة الدراجات الهوائية"),
]

# What one may worry about being exposed to ("oro_X"): suffix, sv, en, ar.
WORRIES = [
    (
        "inbrott",
        "utsättas för inbrott i din bostad",
        "having your home burgled",
        "تعرض منزلك للسرقة",
    ),
    (
        "overfall",
        "bli överfallen eller misshandlad",
        "being attacked or assaulted",
        "التعرض لاعتداء أو ضرب",
    ),
    ("ran", "bli rånad", "being robbed", "التعرض للسطو"),
]

# What one may have been exposed to in the last year ("utsatt_X"): suffix, sv, en, ar.
EXPOSURES = [
    ("inbrott", "inbrott i din bostad", "burglary in your home", "سرقة منزلك"),
    ("misshandel", "misshandel", "assault", "الاعتداء الجسدي"),
    ("hot", "hot", "threats", "التهديد"),
]


def _problem(suffix: str, sv: str, en: str, ar: str) -> BankItem:
    return {
        "code": f"problem_{suffix}",
        "kind": "single",
        "topic": "problem",
        "wording": {
            "sv": f"Hur stort problem anser du följande vara i ditt bostadsområde? {sv}",
            "en": f"How big a problem do you consider the following to be in your neighbourhood? {en}",
            "ar": f"ما مدى حجم المشكلة التي تعتبرها فيما يلي في منطقة سكنك؟ {ar}",
        },
        "help": {"sv": sv, "en": en, "ar": ar},
        "options": PROBLEM,
    }


def _worry(suffix: str, sv: str, en: str, ar: str) -> BankItem:
    return {
        "code": f"oro_{suffix}",
        "kind": "single",
        "topic": "oro",
        "wording": {
            "sv": f"Hur ofta har du under de senaste 12 månaderna känt dig orolig för att {sv}?",
            "en": f"In the last 12 months, how often have you felt worried about {en}?",
            "ar": f"خلال الأشهر الاثني عشر الماضية، كم مرة شعرت بالقلق من {ar}؟",
        },
        "help": {"sv": sv, "en": en, "ar": ar},
        "options": HOW_OFTEN,
    }


def _exposure(suffix: str, sv: str, en: str, ar: str) -> list[BankItem]:
    return [
        {
            "code": f"utsatt_{suffix}",
            "kind": "single",
            "topic": "utsatthet",
            "wording": {
                "sv": f"Har du under det senaste året blivit utsatt för {sv}?",
                "en": f"In the last year, have you been exposed to {en}?",
                "ar": f"هل تعرضت خلال العام الماضي إلى {ar}؟",
            },
            "options": YES_NO,
        },
        {
            "code": f"utsatt_{suffix}_antal",
            "kind": "number",
            "topic": "utsatthet",
            "wording": {
                "sv": "Hur många gånger?",
                "en": "How many times?",
                "ar": "كم مرة؟",
            },
            "constraints": {"min": 1, "max": 100, "integer": True},
        },
    ]


QUESTION_BANK: list[BankItem] = [
    {
        "code": "otrygg_kvall",
        "kind": "single",
        "topic": "trygghet",
        "wording": {
            "sv": (
                "Hur trygg eller otrygg känner du dig om du går ut ensam sent en kväll i ditt "
                "eget bostadsområde?"
            ),
            "en": (
                "How safe or unsafe do you feel if you go out alone late in the evening in your "
                "own neighbourhood?"
            ),
            "ar": "ما مدى شعورك بالأمان أو عدم الأمان إذا خرجت وحدك في وقت متأخر من المساء في منطقة سكنك؟",
        },
        "options": SAFETY,
    },
    {
        "code": "otrygg_kvall_orsak",
        "kind": "single",
        "topic": "trygghet",
        "wording": {
            "sv": "Är det för att du känner dig otrygg som du aldrig går ut ensam sent på kvällen?",
            "en": "Is it because you feel unsafe that you never go out alone late in the evening?",
            "ar": "هل السبب في أنك لا تخرج وحدك أبدًا في وقت متأخر من المساء هو شعورك بعدم الأمان؟",
        },
        "options": YES_NO,
    },
    {
        "code": "oro_samhalle",
        "kind": "single",
        "topic": "oro",
        "wording": {
            "sv": "I vilken utsträckning oroar du dig för brottsligheten i samhället?",
            "en": "To what extent do you worry about crime in society?",
            "ar": "إلى أي مدى تقلق بشأن الجريمة في المجتمع؟",
        },
        "options": WORRY_SOCIETY,
    },
    *[_worry(*w) for w in WORRIES],
    {
        "code": "avstatt",
        "kind": "single",
        "topic": "oro",
        "wording": {
            "sv": (
                "Har det hänt att du avstått från en aktivitet eller valt en annan väg eller ett "
                "annat färdsätt på grund av oro för att utsättas för brott?"
            ),
            "en": (
                "Have you ever refrained from an activity, or chosen another route or another "
                "way of travelling, because you were worried about being exposed to crime?"
            ),
            "ar": (
                "هل حدث أن امتنعت عن نشاط ما أو اخترت طريقًا آخر أو وسيلة تنقل أخرى بسبب "
                "القلق من التعرض لجريمة؟"
            ),
        },
        "options": REFRAINED,
    },
    {
        "code": "fortroende_polis",
        "kind": "single",
        "topic": "fortroende",
        "wording": {
            "sv": "Hur stort eller litet förtroende har du för polisen?",
            "en": "How much or how little confidence do you have in the police?",
            "ar": "ما مدى ثقتك بالشرطة؟",
        },
        "options": CONFIDENCE,
    },
    *[_problem(*p) for p in PROBLEMS],
    *[item for e in EXPOSURES for item in _exposure(*e)],
    {
        "code": "trygghet_index",
        "kind": "scale",
        "topic": "trygghet",
        "wording": {
            "sv": "Hur trygg känner du dig när du går ut ensam på kvällen?",
            "en": "How safe do you feel when you go out alone in the evening?",
            "ar": "ما مدى شعورك بالأمان عندما تخرج وحدك في المساء؟",
        },
        "constraints": {
            "min": 1,
            "max": 10,
            "min_label": {"sv": "Inte alls", "en": "Not at all", "ar": "لا على الإطلاق"},
            "max_label": {
                "sv": "I mycket hög grad",
                "en": "To a very high degree",
                "ar": "بدرجة عالية جدًا",
            },
        },
    },
    {
        "code": "otrygg_plats",
        "kind": "point",
        "topic": "platser",
        "wording": {
            "sv": "Finns det en plats i ditt bostadsområde där du känner dig otrygg? Markera den på kartan.",
            "en": "Is there a place in your neighbourhood where you feel unsafe? Mark it on the map.",
            "ar": "هل يوجد مكان في منطقة سكنك تشعر فيه بعدم الأمان؟ حدده على الخريطة.",
        },
        "help": {
            "sv": "Frivilligt. Markera en plats, inte en bostad.",
            "en": "Optional. Mark a place, not a home.",
            "ar": "اختياري. حدد مكانًا وليس منزلًا.",
        },
    },
    {
        "code": "forslag",
        "kind": "text",
        "topic": "forslag",
        "wording": {
            "sv": "Har du förslag på vad som skulle göra ditt bostadsområde tryggare?",
            "en": "Do you have suggestions for what would make your neighbourhood safer?",
            "ar": "هل لديك اقتراحات لما يمكن أن يجعل منطقة سكنك أكثر أمانًا؟",
        },
        "help": {
            "sv": "Skriv inte namn eller annat som kan peka ut någon.",
            "en": "Do not write names or anything else that could identify someone.",
            "ar": "لا تكتب أسماء أو أي شيء آخر قد يدل على هوية شخص ما.",
        },
        "constraints": {"max_length": 2000},
    },
    {
        "code": "omrade",
        "kind": "area",
        "topic": "bakgrund",
        "wording": {
            "sv": "I vilket område bor du?",
            "en": "Which area do you live in?",
            "ar": "في أي منطقة تسكن؟",
        },
    },
    {
        "code": "kon",
        "kind": "single",
        "topic": "bakgrund",
        "wording": {"sv": "Är du …", "en": "Are you …", "ar": "هل أنت …"},
        "options": [
            _o("kvinna", "Kvinna", "A woman", "امرأة"),
            _o("man", "Man", "A man", "رجل"),
            _o(
                "annat",
                "Annat / vill inte svara",
                "Other / prefer not to say",
                "آخر / أفضل عدم الإجابة",
                missing=True,
            ),
        ],
    },
    {
        "code": "alder",
        "kind": "single",
        "topic": "bakgrund",
        "wording": {"sv": "Hur gammal är du?", "en": "How old are you?", "ar": "كم عمرك؟"},
        "options": [
            _o("16-29", "16–29 år", "16–29 years", "16–29 سنة"),
            _o("30-44", "30–44 år", "30–44 years", "30–44 سنة"),
            _o("45-64", "45–64 år", "45–64 years", "45–64 سنة"),
            _o("65-84", "65–84 år", "65–84 years", "65–84 سنة"),
        ],
    },
]
