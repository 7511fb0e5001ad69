"""Plain factories for surveys: areas, a survey built from the standard bank, waves,
invitations and responses."""

import datetime

from django.utils import timezone

from organisations.models import Area, Municipality, Organisation
from surveys.models import (
    Invitation,
    Item,
    Question,
    Response,
    Section,
    Survey,
    SurveyLanguage,
    Wave,
)

D = datetime.date
LANGUAGES = {"sv": ("Svenska", False), "en": ("English", False), "ar": ("العربية", True)}
BASIC = ["otrygg_kvall", "otrygg_kvall_orsak", "oro_samhalle", "fortroende_polis", "kon", "alder"]


def area(code: str, name: str, municipality_code: str = "1419") -> Area:
    return Area.objects.create(
        municipality=Municipality.objects.get(code=municipality_code), name=name, code=code
    )


def survey(
    organisation: Organisation,
    codes: list[str] = BASIC,
    languages: tuple[str, ...] = ("sv", "en", "ar"),
    **fields: object,
) -> Survey:
    """A survey of standard bank items on one page, in their latest versions."""
    defaults = {
        "municipality": organisation.municipality,
        "title": {"sv": "Trygghetsundersökning", "en": "Safety survey", "ar": "استطلاع الأمان"},
    }
    s = Survey.objects.create(organisation=organisation, **{**defaults, **fields})
    for order, code in enumerate(languages):
        name, rtl = LANGUAGES[code]
        SurveyLanguage.objects.create(survey=s, code=code, name=name, rtl=rtl, order=order)
    section = Section.objects.create(survey=s, order=0, title={"sv": "Trygghet"})
    for order, code in enumerate(codes):
        item = Item.objects.get(code=code)
        show_if = None
        if code == "otrygg_kvall_orsak":
            show_if = {"op": "in", "q": "otrygg_kvall", "values": ["gar_aldrig_ut"]}
        Question.objects.create(
            survey=s,
            section=section,
            order=order,
            key=code,
            item_version=item.latest_version(),
            required=code == "otrygg_kvall",
            show_if=show_if,
        )
    return s


def wave(s: Survey, **fields: object) -> Wave:
    defaults = {
        "name": "Trygghetsmätning 2025",
        "year": 2025,
        "opens_on": D(2025, 9, 1),
        "closes_on": D(2025, 10, 31),
    }
    return Wave.objects.create(survey=s, **{**defaults, **fields})


def invitations(w: Wave, count: int, area: Area | None = None) -> list[Invitation]:
    return Invitation.objects.bulk_create(Invitation(wave=w, area=area) for _ in range(count))


def response(w: Wave, answers: dict, **fields: object) -> Response:
    defaults = {"mode": Response.Mode.SAMPLE, "submitted_on": timezone.localdate()}
    return Response.objects.create(wave=w, answers=answers, **{**defaults, **fields})
