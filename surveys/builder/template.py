"""The ready template: "Standardenkät: trygghet, oro, förtroende, problem i området, bakgrund".

Every item of the standard bank in sensible sections, the problem battery as one matrix, Brå's
follow-up "otrygg_kvall_orsak" shown only to those who never go out alone late, and the number of
times asked only of those who were exposed.
"""

from dataclasses import dataclass, field

from surveys.bank_data import EXPOSURES, PROBLEMS, WORRIES


@dataclass(frozen=True)
class TemplateSection:
    title: dict[str, str]
    codes: list[str]
    kind: str = "page"
    intro: dict[str, str] = field(default_factory=dict)


def _shown_if_yes(code: str) -> dict:
    return {"op": "in", "q": code, "values": ["ja"]}


STANDARD_TEMPLATE = "standard"
TITLE = {
    "sv": "Trygghetsundersökning %(place)s",
    "en": "Safety survey %(place)s",
    "ar": "استطلاع الأمان – %(place)s",
}
INTRO = {
    "sv": (
        "Undersökningen handlar om hur trygg du känner dig där du bor. Svaren hjälper polisen "
        "och kommunen att välja vad de ska göra. Dina svar är anonyma: ingen kan se vem som "
        "har svarat vad."
    ),
    "en": (
        "This survey is about how safe you feel where you live. Your answers help the police "
        "and the municipality decide what to do. Your answers are anonymous: no one can see "
        "who answered what."
    ),
    "ar": (
        "يتناول هذا الاستطلاع مدى شعورك بالأمان في المكان الذي تسكن فيه. تساعد إجاباتك الشرطة "
        "والبلدية على اختيار ما يجب فعله. إجاباتك مجهولة الهوية: لا يمكن لأحد أن يعرف من أجاب "
        "بماذا."
    ),
}
THANKS = {
    "sv": "Tack för dina svar! De är nu sparade.",
    "en": "Thank you for your answers! They have been saved.",
    "ar": "شكرًا على إجاباتك! لقد تم حفظها.",
}
FIRST_SECTION = {"sv": "Frågor", "en": "Questions", "ar": "الأسئلة"}  # of an empty survey
SECTIONS = [
    TemplateSection(
        {"sv": "Trygghet", "en": "Safety", "ar": "الأمان"},
        ["otrygg_kvall", "otrygg_kvall_orsak", "trygghet_index"],
    ),
    TemplateSection(
        {"sv": "Oro för brott", "en": "Worry about crime", "ar": "القلق من الجريمة"},
        ["oro_samhalle", *[f"oro_{w[0]}" for w in WORRIES], "avstatt"],
    ),
    TemplateSection(
        {"sv": "Förtroende för polisen", "en": "Confidence in the police", "ar": "الثقة بالشرطة"},
        ["fortroende_polis"],
    ),
    TemplateSection(
        {
            "sv": "Problem i ditt bostadsområde",
            "en": "Problems in your neighbourhood",
            "ar": "مشكلات في منطقة سكنك",
        },
        [f"problem_{p[0]}" for p in PROBLEMS],
        kind="matrix",
        intro={
            "sv": "Hur stort problem anser du följande vara i ditt bostadsområde?",
            "en": "How big a problem do you consider the following to be in your neighbourhood?",
            "ar": "ما مدى حجم المشكلة التي تعتبرها فيما يلي في منطقة سكنك؟",
        },
    ),
    TemplateSection(
        {"sv": "Utsatthet för brott", "en": "Exposure to crime", "ar": "التعرض للجريمة"},
        [code for e in EXPOSURES for code in (f"utsatt_{e[0]}", f"utsatt_{e[0]}_antal")],
    ),
    TemplateSection(
        {"sv": "Platser och förslag", "en": "Places and suggestions", "ar": "أماكن واقتراحات"},
        ["otrygg_plats", "forslag"],
    ),
    TemplateSection(
        {"sv": "Om dig", "en": "About you", "ar": "معلومات عنك"}, ["omrade", "kon", "alder"]
    ),
]
SHOW_IF = {
    "otrygg_kvall_orsak": {"op": "in", "q": "otrygg_kvall", "values": ["gar_aldrig_ut"]},
    **{f"utsatt_{e[0]}_antal": _shown_if_yes(f"utsatt_{e[0]}") for e in EXPOSURES},
}
REQUIRED = {"otrygg_kvall"}
