"""The public, read-only API for safety survey results: what the public pages
(/kommun/<slug>/trygghet/) show, as JSON, with the same suppression (surveys.results.public).

A wave's results are public once it is closed. Every figure carries its state: "shown" (with the
value and its 95 % interval), "suppressed" (too few respondents, or hidden so that another hidden
figure cannot be computed back) or "missing".
"""

import datetime
from typing import Literal

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from pydantic import BaseModel

from api.errors import Error
from api.http import public_get
from api.pagination import PageParams, page_schema, paginate
from api.params import MAX_ID
from core.privacy import PublicFigure
from surveys.models import Survey, Wave, translated
from surveys.results.public import PublicSurvey, public_surveys
from surveys.results.tables import Breakdown, Estimate

router = Router(tags=["Trygghetsundersökningar"])
router.add_decorator(public_get, mode="view")
ERRORS = {404: Error, 422: Error}


class SurveyCount(BaseModel):
    state: Literal["shown", "suppressed", "missing"]
    value: float | int | None = None


class SurveyEstimate(BaseModel):
    """A share in percent (or an index value) with its 95 % confidence interval; the numbers
    only when `state` is "shown"."""

    state: Literal["shown", "suppressed", "missing"]
    value: float | None = Field(None, description="Andel i procent, eller indexvärde 0–6.")
    low: float | None = Field(None, description="Nedre gräns för 95 % konfidensintervall.")
    high: float | None = Field(None, description="Övre gräns för 95 % konfidensintervall.")


class SurveyGroup(BaseModel):
    group: str = Field(description="Områdets namn, eller ”Samtliga” för hela kommunen.")
    respondents: SurveyCount = Field(description="Antal svarande i gruppen.")
    estimate: SurveyEstimate


class SurveyIndicatorResult(BaseModel):
    code: str
    name: str
    higher_is_better: bool
    total: SurveyGroup
    areas: list[SurveyGroup]


class SurveyProblemIndex(BaseModel):
    code: str = Field(description="Frågans kod i frågebanken; tom för det sammanvägda indexet.")
    name: str
    total: SurveyGroup
    areas: list[SurveyGroup]


class SurveyWaveSummary(BaseModel):
    id: int
    name: str
    year: int
    opens_on: datetime.date
    closes_on: datetime.date
    url: str = Field(description="Den publika sidan.")
    api_url: str


class SurveySummary(BaseModel):
    id: int
    title: str
    kommunkod: str
    municipality: str
    organisation: str
    waves: list[SurveyWaveSummary] = Field(description="Stängda omgångar, äldst först.")
    url: str
    api_url: str


class SurveyTrendPoint(BaseModel):
    wave_id: int
    wave: str
    year: int
    estimate: SurveyEstimate


class SurveyIndicatorTrend(BaseModel):
    code: str
    name: str
    higher_is_better: bool
    trend: list[SurveyTrendPoint]


class SurveyDetail(SurveySummary):
    indicators: list[SurveyIndicatorTrend]


class SurveyWaveResults(SurveyWaveSummary):
    survey_id: int
    kommunkod: str
    respondents: int = Field(description="Svar från urvalet och pappersenkäter.")
    weighted: bool = Field(description="Viktade efter befolkningen (annars oviktade).")
    indicators: list[SurveyIndicatorResult]
    problem_index: list[SurveyProblemIndex] = Field(
        description="Problemindex 0 (knappast några problem) till 6 (alarmerande) per problem, "
        "sist det sammanvägda."
    )


class SurveyFilters(Schema):
    kommunkod: str | None = Field(
        None, pattern=r"^\d{4}$", description="Kommunkod, fyra siffror, t.ex. 1465."
    )


def _estimate(estimate: Estimate) -> dict:
    figure = estimate.figure
    shown = figure.shown and figure.value is not None
    return {
        "state": figure.state.value,
        "value": round(figure.value, 1) if shown else None,
        "low": round(estimate.low, 1) if shown and estimate.low is not None else None,
        "high": round(estimate.high, 1) if shown and estimate.high is not None else None,
    }


def _count(figure: PublicFigure) -> dict:
    return figure.as_dict()


def _groups(breakdown: Breakdown) -> tuple[dict, list[dict]]:
    rows = [
        {
            "group": row.label,
            "respondents": _count(row.base),
            "estimate": _estimate(row.cells[0]),
        }
        for row in breakdown.rows
    ]
    return rows[0], rows[1:]


def _wave(wave: Wave) -> dict:
    slug = wave.survey.municipality.slug
    return {
        "id": wave.pk,
        "name": wave.name,
        "year": wave.year,
        "opens_on": wave.opens_on,
        "closes_on": wave.closes_on,
        "url": reverse("public:safety_survey_wave", args=[slug, wave.pk]),
        "api_url": reverse("api:safety_survey_wave", args=[wave.pk]),
    }


def _survey(survey: Survey, waves: list[Wave]) -> dict:
    return {
        "id": survey.pk,
        "title": translated(survey.title, get_language() or "sv"),
        "kommunkod": survey.municipality.code,
        "municipality": survey.municipality.name,
        "organisation": survey.organisation.name,
        "waves": [_wave(w) for w in waves],
        "url": reverse("public:safety_survey", args=[survey.municipality.slug]),
        "api_url": reverse("api:safety_survey_detail", args=[survey.pk]),
    }


def _public_surveys() -> QuerySet[Survey]:
    closed = Wave.objects.filter(status=Wave.Status.CLOSED).select_related("survey__municipality")
    has_closed = Wave.objects.filter(survey=OuterRef("pk"), status=Wave.Status.CLOSED)
    return (
        Survey.objects.filter(Exists(has_closed))
        .select_related("municipality", "organisation")
        .prefetch_related(
            Prefetch("waves", queryset=closed.order_by("year", "opens_on", "id"), to_attr="closed")
        )
    )


@router.get(
    "/safety-surveys",
    response={200: page_schema(SurveySummary), 422: Error},
    url_name="safety_survey_list",
    summary="Trygghetsundersökningar",
)
def safety_survey_list(
    request: HttpRequest, filters: Query[SurveyFilters], page: Query[PageParams]
) -> dict:
    """Trygghetsundersökningar med minst en stängd omgång, och deras stängda omgångar."""
    qs = _public_surveys()
    if filters.kommunkod:
        qs = qs.filter(municipality__code=filters.kommunkod)
    return paginate(request, qs, page, lambda rows: [_survey(s, s.closed) for s in rows])


def _only(found: list[PublicSurvey], survey_id: int) -> PublicSurvey:
    for public in found:
        if public.survey.pk == survey_id:
            return public
    raise Http404


@router.get(
    "/safety-surveys/{survey_id}",
    response={200: SurveyDetail, **ERRORS},
    url_name="safety_survey_detail",
    summary="En trygghetsundersökning över tid",
)
def safety_survey_detail(
    request: HttpRequest,
    survey_id: int = Path(..., ge=1, le=MAX_ID, description="Undersökningens id."),
) -> dict:
    """Undersökningens indikatorer i varje stängd omgång, med konfidensintervall."""
    survey = get_object_or_404(_public_surveys(), pk=survey_id)
    public = _only(public_surveys(survey.municipality), survey.pk)
    return {
        **_survey(survey, public.waves),
        "indicators": [
            {
                "code": i.rule.code,
                "name": i.name,
                "higher_is_better": i.rule.higher_is_better,
                "trend": [
                    {
                        "wave_id": p.wave.pk,
                        "wave": p.wave.name,
                        "year": p.wave.year,
                        "estimate": _estimate(p.estimate),
                    }
                    for p in i.trend
                ],
            }
            for i in public.indicators
        ],
    }


@router.get(
    "/safety-survey-waves/{wave_id}",
    response={200: SurveyWaveResults, **ERRORS},
    url_name="safety_survey_wave",
    summary="Resultaten av en omgång",
)
def safety_survey_wave(
    request: HttpRequest,
    wave_id: int = Path(..., ge=1, le=MAX_ID, description="Omgångens id."),
) -> dict:
    """Huvudresultaten av en stängd omgång: indikatorerna och problemindexet för hela kommunen
    och per område."""
    wave = get_object_or_404(
        Wave.objects.filter(status=Wave.Status.CLOSED).select_related("survey__municipality"),
        pk=wave_id,
    )
    public = _only(
        public_surveys(wave.survey.municipality, wave_id=wave.pk, trend=False), wave.survey_id
    )
    indicators = []
    for i in public.indicators:
        total, areas = _groups(i.latest.breakdown)
        indicators.append(
            {
                "code": i.rule.code,
                "name": i.name,
                "higher_is_better": i.rule.higher_is_better,
                "total": total,
                "areas": areas,
            }
        )
    problems = []
    if public.problem is not None:
        items = [(q.key, q.short_text, b) for q, b in public.problem.items]
        items.append(("", _("Sammanvägt problemindex"), public.problem.combined))
        for code, name, breakdown in items:
            total, areas = _groups(breakdown)
            problems.append({"code": code, "name": name, "total": total, "areas": areas})
    return {
        **_wave(wave),
        "survey_id": wave.survey_id,
        "kommunkod": wave.survey.municipality.code,
        "respondents": public.respondents,
        "weighted": public.weighted,
        "indicators": indicators,
        "problem_index": problems,
    }
