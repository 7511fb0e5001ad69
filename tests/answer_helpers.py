"""Shared set-up for the answer-page tests: an open wave of a survey with every kind of
question, over several pages and a matrix, and a client that has started answering."""

from django.test import Client

from organisations.models import Area
from surveys.answering import DRAFT_COOKIE
from surveys.models import Item, Question, Section, Survey, Wave, WaveStatus
from tests.survey_factories import area, invitations, survey, wave

PROBLEMS = ["problem_nedskrapning", "problem_klotter", "problem_belysning"]


def full_survey(organisation) -> Survey:
    """Page 1: safety (with the follow-up shown only after 'never go out'); page 2: a matrix
    of problems; page 3: a scale, a number, a place, an area and free text; page 4: background."""
    s = survey(organisation, codes=["otrygg_kvall", "otrygg_kvall_orsak", "oro_samhalle"])
    matrix = Section.objects.create(
        survey=s, order=1, kind="matrix", title={"sv": "Problem i ditt område", "en": "Problems"}
    )
    other = Section.objects.create(survey=s, order=2, title={"sv": "Mer om ditt område"})
    background = Section.objects.create(survey=s, order=3, title={"sv": "Om dig"})
    layout = [(matrix, code) for code in PROBLEMS] + [
        (other, "trygghet_index"),
        (other, "utsatt_inbrott_antal"),
        (other, "otrygg_plats"),
        (other, "omrade"),
        (other, "forslag"),
        (background, "kon"),
        (background, "alder"),
    ]
    for order, (section, code) in enumerate(layout):
        Question.objects.create(
            survey=s,
            section=section,
            order=order,
            key=code,
            item_version=Item.objects.get(code=code).latest_version(),
        )
    return s


def tjorn_areas() -> list[Area]:
    return [area("centrum", "Skärhamn"), area("kladesholmen", "Klädesholmen")]


def open_wave(organisation, **fields) -> Wave:
    return wave(full_survey(organisation), status=WaveStatus.OPEN, **fields)


def start_with_code(client: Client, w: Wave, area: Area | None = None) -> str:
    """Type a fresh code on the entry page; returns the code."""
    (invitation,) = invitations(w, 1, area=area)
    response = client.post("/enkat/", {"kod": invitation.code})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DRAFT_COOKIE in response.cookies
    return invitation.code
