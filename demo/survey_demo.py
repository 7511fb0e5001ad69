"""Svenljunga's yearly safety survey in the demo (seed 003: "a yearly safety survey whose
results measure the effect"): the municipality's areas, a survey from the question bank, two
closed waves (2024 and 2025) with generated answers labelled "Exempeldata", population
margins, weights, and the promise's indicator measured from the survey.

Idempotent on its own: loading the demo again adds nothing, and a demo database from before
the survey existed gets it added.
"""

import datetime

import numpy as np
from django.contrib.auth import get_user_model
from django.db import transaction

from demo import content
from demo.survey_answers import generated_answers
from organisations.models import Area, Membership, Municipality, Organisation
from promises.models import Indicator
from surveys.models import (
    Invitation,
    Item,
    Margin,
    Question,
    Response,
    Section,
    Survey,
    SurveyIndicator,
    SurveyLanguage,
    Wave,
)
from surveys.results import on_wave_closed
from surveys.results.services import save_default_rules

D = datetime.date
EXAMPLE_DATA = "exempeldata"
TITLE = {
    "sv": "Trygghetsundersökning i Svenljunga (exempeldata)",
    "en": "Safety survey in Svenljunga (example data)",
    "ar": "استطلاع الأمان في سفينليونغا (بيانات تجريبية)",
}
INTRO = {
    "sv": "Exempeldata: frågorna kommer från plattformens frågebank, men svaren är påhittade för "
    "demonstrationen. Ingen har svarat på dem.",
    "en": "Example data: the questions come from the platform's question bank, but the answers "
    "are invented for the demonstration. Nobody gave them.",
}
# Areas of Svenljunga kommun (its tätort and the parishes around the other localities), with
# invented populations 16–84 for the margins.
AREAS = [
    ("svenljunga", "Svenljunga tätort", 3400),
    ("overlida", "Överlida", 1500),
    ("mjoback", "Mjöbäck", 1200),
    ("holsljunga", "Holsljunga", 900),
    ("ostra_frolunda", "Östra Frölunda", 1300),
]
SEXES = {"kvinna": 4080, "man": 4220}
AGES = {"16-29": 1600, "30-44": 1700, "45-64": 2650, "65-84": 2350}
QUESTIONS = [
    ("trygghet", ["otrygg_kvall", "otrygg_kvall_orsak", "oro_samhalle", "oro_inbrott", "avstatt"]),
    ("fortroende", ["fortroende_polis"]),
    (
        "problem",
        [
            "problem_nedskrapning",
            "problem_skadegorelse",
            "problem_klotter",
            "problem_belysning",
            "problem_buskorning",
            "problem_narkotikahandel",
            "problem_ungdomsgang",
            "problem_fortkorning",
        ],
    ),
    ("bakgrund", ["forslag", "kon", "alder"]),
]
SECTION_TITLES = {
    "trygghet": {"sv": "Trygghet", "en": "Safety", "ar": "الأمان"},
    "fortroende": {"sv": "Förtroende", "en": "Confidence", "ar": "الثقة"},
    "problem": {"sv": "Problem i ditt bostadsområde", "en": "Problems in your neighbourhood"},
    "bakgrund": {"sv": "Om dig", "en": "About you", "ar": "عنك"},
}
# (year, invitations per area, answers per area, insecurity level per area). The level in the
# tätort falls from 2024 to 2025, after the hot-spot presence; elsewhere it stays.
WAVES = [
    (2024, [700, 300, 250, 180, 260], [330, 140, 118, 84, 121], [0.32, 0.16, 0.14, 0.15, 0.15]),
    (2025, [700, 300, 250, 180, 260], [342, 138, 112, 80, 126], [0.16, 0.16, 0.15, 0.14, 0.16]),
]
USER = ("svenljunga", "Samordnare Svenljunga", "admin", "Trygghetssamordnare")


def is_loaded() -> bool:
    return Survey.objects.filter(title__sv=TITLE["sv"]).exists()


@transaction.atomic
def load_survey_demo() -> bool:
    """Load the survey demo; False when it was already there (or the promises are not)."""
    organisation = Organisation.objects.filter(name="Svenljunga kommun").first()
    if organisation is None or is_loaded():
        return False
    _user(organisation)
    municipality = Municipality.objects.get(code="1465")
    areas = [
        Area.objects.get_or_create(municipality=municipality, code=code, defaults={"name": name})[0]
        for code, name, _population in AREAS
    ]
    survey = _survey(organisation, municipality)
    for number, (year, invited, answered, unsafe) in enumerate(WAVES):
        wave = _wave(survey, year)
        _answers(wave, areas, invited, answered, unsafe, seed=2024 + number)
        _margins(wave, areas)
    rules = save_default_rules(survey=survey, user=None)
    indicator = Indicator.objects.filter(
        promise__title="Medborgarlöfte Svenljunga 2019", name__contains="otrygga ute"
    ).first()
    if indicator is not None:
        rule = next(r for r in rules if r.code == "otrygg_ute_sen_kvall")
        SurveyIndicator.objects.create(indicator=indicator, rule=rule)
        indicator.source = "Trygghetsundersökning i Svenljunga (exempeldata)"
        indicator.save(update_fields=["source"])
    for wave in survey.waves.all():
        on_wave_closed(wave)
    return True


def _user(organisation: Organisation) -> None:
    username, first_name, role, title = USER
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first_name}
    )
    if created:
        user.set_password(content.DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role, "title": title}
    )


def _survey(organisation: Organisation, municipality: Municipality) -> Survey:
    survey = Survey.objects.create(
        organisation=organisation, municipality=municipality, title=TITLE, intro=INTRO
    )
    for order, (code, name, rtl) in enumerate(
        [("sv", "Svenska", False), ("en", "English", False), ("ar", "العربية", True)]
    ):
        SurveyLanguage.objects.create(survey=survey, code=code, name=name, rtl=rtl, order=order)
    items = {i.code: i for i in Item.objects.standard().prefetch_related("versions")}
    order = 0
    for section_order, (key, codes) in enumerate(QUESTIONS):
        kind = Section.Kind.MATRIX if key == "problem" else Section.Kind.PAGE
        section = Section.objects.create(
            survey=survey, order=section_order, kind=kind, title=SECTION_TITLES[key]
        )
        for code in codes:
            show_if = None
            if code == "otrygg_kvall_orsak":
                show_if = {"op": "in", "q": "otrygg_kvall", "values": ["gar_aldrig_ut"]}
            Question.objects.create(
                survey=survey,
                section=section,
                order=order,
                key=code,
                item_version=max(items[code].versions.all(), key=lambda v: v.number),
                required=code == "otrygg_kvall",
                show_if=show_if,
            )
            order += 1
    return survey


def _wave(survey: Survey, year: int) -> Wave:
    return Wave.objects.create(
        survey=survey,
        name=f"Trygghetsmätning {year} ({EXAMPLE_DATA})",
        year=year,
        opens_on=D(year, 9, 2),
        closes_on=D(year, 10, 13),
        status=Wave.Status.CLOSED,
        uses_sample=True,
        uses_paper=True,
        question_versions=dict(survey.questions.values_list("key", "item_version_id")),
    )


def _answers(
    wave: Wave,
    areas: list[Area],
    invited: list[int],
    answered: list[int],
    unsafe: list[float],
    seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    keys = set(wave.question_versions)
    invitations, responses = [], []
    for area, sent, count, level in zip(areas, invited, answered, unsafe, strict=True):
        paper = count // 4  # about a quarter come back on paper
        invitations += [
            Invitation(wave=wave, area=area, consumed=i < count - paper) for i in range(sent)
        ]
        for i in range(count):
            answers = {k: v for k, v in generated_answers(rng, unsafe=level).items() if k in keys}
            responses.append(
                Response(
                    wave=wave,
                    mode=Response.Mode.PAPER if i < paper else Response.Mode.SAMPLE,
                    area=area,
                    language="sv",
                    submitted_on=wave.opens_on + datetime.timedelta(days=int(rng.integers(0, 40))),
                    answers=answers,
                )
            )
    Invitation.objects.bulk_create(invitations)
    Response.objects.bulk_create(responses)


def _margins(wave: Wave, areas: list[Area]) -> None:
    rows = [
        Margin(wave=wave, variable="area", category=area.code, population=population)
        for area, (_code, _name, population) in zip(areas, AREAS, strict=True)
    ]
    rows += [Margin(wave=wave, variable="kon", category=c, population=p) for c, p in SEXES.items()]
    rows += [Margin(wave=wave, variable="alder", category=c, population=p) for c, p in AGES.items()]
    Margin.objects.bulk_create(rows)
