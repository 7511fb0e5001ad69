"""The public, read-only part of the API: what the public pages show, as JSON.

Reads go through public.pages (public_promises(), promise_view()), so the API can show no more
and no less than the pages.
"""

from typing import Literal

from django.db.models import Exists, Max, OuterRef, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from api.errors import Error
from api.http import public_get, set_last_modified, validated_json
from api.pagination import PageParams, page_schema, paginate
from api.params import MAX_ID, IsoDate
from organisations.models import Municipality, Organisation
from promises.models import Agreement, GovernanceGroup, ProgressUpdate, Promise
from promises.models.promises import PUBLIC_STATUSES
from public import api_serializers as out
from public import pages
from public.api_schemas import (
    AgreementOut,
    MunicipalityDetail,
    MunicipalitySummary,
    ProgressUpdateOut,
    PromiseDetail,
    PromiseSummary,
    RevisionDetail,
)

router = Router(tags=["Publikt"])
router.add_decorator(public_get, mode="view")

KOMMUNKOD = Field(None, pattern=r"^\d{4}$", description="Kommunkod, fyra siffror, t.ex. 1419.")
LAN = Field(None, pattern=r"^\d{2}$", description="Länskod, två siffror, t.ex. 14.")
ERRORS = {404: Error, 422: Error}
PROMISE_ID = Path(..., ge=1, le=MAX_ID, description="Löftets id.")


class MunicipalityFilters(Schema):
    kommunkod: str | None = KOMMUNKOD
    lan: str | None = LAN
    has_promise: bool | None = Field(None, description="Bara kommuner med (true) eller utan löfte.")


class PromiseFilters(Schema):
    kommunkod: str | None = KOMMUNKOD
    lan: str | None = LAN
    status: Literal["published", "concluded", "replaced"] | None = None
    year: int | None = Field(None, ge=1900, le=2200, description="Perioden omfattar året.")
    focus_area: int | None = Field(None, ge=1, le=MAX_ID, description="Fokusområdets id.")


class AgreementFilters(Schema):
    kommunkod: str | None = KOMMUNKOD


class UpdateFilters(Schema):
    promise: int | None = Field(None, ge=1, le=MAX_ID, description="Löftets id.")
    kommunkod: str | None = KOMMUNKOD
    since: IsoDate | None = Field(None, description="Lägesrapporter från och med datumet.")


def _municipalities() -> QuerySet[Municipality]:
    with_promise = Organisation.objects.municipalities().filter(
        municipality=OuterRef("pk"), promises__status__in=PUBLIC_STATUSES
    )
    return Municipality.objects.select_related("county").annotate(has_promise=Exists(with_promise))


def _summaries() -> QuerySet[Promise]:
    parties = Organisation.objects.select_related("municipality")
    return Promise.objects.public().prefetch_related(
        Prefetch("parties", queryset=parties), "focus_areas"
    )


@router.get(
    "/municipalities",
    response={200: page_schema(MunicipalitySummary), 422: Error},
    url_name="municipality_list",
    summary="Kommuner",
)
def municipality_list(
    request: HttpRequest, filters: Query[MunicipalityFilters], page: Query[PageParams]
) -> dict:
    """Alla kommuner med län och om de har ett publicerat medborgarlöfte."""
    qs = _municipalities()
    if filters.kommunkod:
        qs = qs.filter(code=filters.kommunkod)
    if filters.lan:
        qs = qs.filter(county__code=filters.lan)
    if filters.has_promise is not None:
        qs = qs.filter(has_promise=filters.has_promise)
    return paginate(request, qs, page, lambda rows: [out.municipality_summary(m) for m in rows])


@router.get(
    "/municipalities/{kommunkod}",
    response={200: MunicipalityDetail, **ERRORS},
    url_name="municipality_detail",
    summary="En kommun",
)
def municipality_detail(request: HttpRequest, kommunkod: str, response: HttpResponse) -> dict:
    """Kommunen med lokalpolisområden, aktuella medborgarlöften och kontakter (per funktion)."""
    municipality = get_object_or_404(_municipalities(), code=kommunkod)
    current = list(
        _summaries()
        .filter(status=Promise.Status.PUBLISHED)
        .for_municipality(municipality.pk)
        .distinct()
        .order_by("id")
    )
    set_last_modified(response, [p.updated_at for p in current])
    return {
        **out.municipality_summary(municipality),
        "police_areas": [
            {"name": a.name, "police_district": a.police_district, "region": a.region.name}
            for a in municipality.police_areas.select_related("region")
        ],
        "current_promises": [out.promise_summary(p) for p in current],
        "contacts": [out.contact(c) for c in pages.contacts_for(municipality)],
    }


@router.get(
    "/promises",
    response={200: page_schema(PromiseSummary), 422: Error},
    url_name="promise_list",
    summary="Medborgarlöften",
)
def promise_list(
    request: HttpRequest,
    filters: Query[PromiseFilters],
    page: Query[PageParams],
) -> dict:
    """Publicerade, avslutade och ersatta medborgarlöften. Utkast visas aldrig."""
    qs = _summaries()
    if filters.kommunkod:
        qs = qs.filter(
            id__in=Promise.objects.filter(parties__municipality__code=filters.kommunkod)
            .filter(parties__kind=Organisation.Kind.MUNICIPALITY)
            .values("id")
        )
    if filters.lan:
        qs = qs.filter(
            id__in=Promise.objects.filter(parties__municipality__county__code=filters.lan).values(
                "id"
            )
        )
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.year:
        qs = qs.filter(period_start__year__lte=filters.year, period_end__year__gte=filters.year)
    if filters.focus_area:
        qs = qs.filter(id__in=Promise.objects.filter(focus_areas=filters.focus_area).values("id"))
    return paginate(request, qs, page, lambda rows: [out.promise_summary(p) for p in rows])


@router.get(
    "/promises/{int:promise_id}",
    response={200: PromiseDetail, **ERRORS},
    url_name="promise_detail",
    summary="Ett medborgarlöfte",
)
def promise_detail(request: HttpRequest, promise_id: int = PROMISE_ID) -> HttpResponse:
    """Hela löftet som på den publika sidan: parter, period, fokusområden, mål, åtaganden per
    givare med aktiviteter och hur långt de kommit, publicerade uppföljningar, publika
    indikatorer med mätvärden och versionshistoriken."""
    promise = pages.public_promises().filter(pk=promise_id).first()
    if promise is None:
        raise Http404
    view = pages.promise_view(promise)
    latest_update = ProgressUpdate.objects.filter(activity__commitment__promise=promise).aggregate(
        at=Max("created_at")
    )["at"]
    activities = [av.activity for g in view.groups for cv in g.commitments for av in cv.activities]
    response = validated_json(PromiseDetail, out.promise_detail(view))
    set_last_modified(
        response,
        [promise.updated_at, latest_update]
        + [a.updated_at for a in activities]
        + [fu.updated_at for fu in view.follow_ups]
        + [r.published_at for r in promise.revisions.all()],
    )
    return response


@router.get(
    "/promises/{int:promise_id}/revisions/{int:number}",
    response={200: RevisionDetail, **ERRORS},
    url_name="promise_revision",
    summary="En version av ett löfte",
)
def promise_revision(
    request: HttpRequest,
    response: HttpResponse,
    promise_id: int = PROMISE_ID,
    number: int = Path(..., ge=1, le=32767, description="Versionens nummer."),
) -> dict:
    """Den text som publicerades i en viss version, med vad som ändrades."""
    promise = get_object_or_404(Promise.objects.public(), pk=promise_id)
    revision = get_object_or_404(promise.revisions, number=number)
    set_last_modified(response, [revision.published_at])
    return {
        **out.revision_summary(revision),
        "promise_id": promise.pk,
        "text": revision.snapshot,
    }


@router.get(
    "/agreements",
    response={200: page_schema(AgreementOut), 422: Error},
    url_name="agreement_list",
    summary="Samverkansöverenskommelser",
)
def agreement_list(
    request: HttpRequest,
    filters: Query[AgreementFilters],
    page: Query[PageParams],
) -> dict:
    """Publika samverkansöverenskommelser med styr-, berednings- och arbetsgrupper."""
    parties = Organisation.objects.select_related("municipality")
    qs = Agreement.objects.public().prefetch_related(
        Prefetch("parties", queryset=parties),
        Prefetch("groups", queryset=GovernanceGroup.objects.all()),
    )
    if filters.kommunkod:
        qs = qs.filter(
            id__in=Agreement.objects.filter(
                parties__municipality__code=filters.kommunkod,
                parties__kind=Organisation.Kind.MUNICIPALITY,
            ).values("id")
        )
    return paginate(request, qs, page, lambda rows: [out.agreement(a) for a in rows])


@router.get(
    "/progress-updates",
    response={200: page_schema(ProgressUpdateOut), 422: Error},
    url_name="progress_update_list",
    summary="Lägesrapporter",
)
def progress_update_list(
    request: HttpRequest,
    filters: Query[UpdateFilters],
    page: Query[PageParams],
) -> dict:
    """Publicerade lägesrapporter (granskade och godkända) för publika löften."""
    qs = (
        ProgressUpdate.objects.published()
        .filter(activity__commitment__promise__status__in=PUBLIC_STATUSES)
        .select_related("activity__commitment", "activity__responsible")
    )
    if filters.promise:
        qs = qs.filter(activity__commitment__promise_id=filters.promise)
    if filters.kommunkod:
        qs = qs.filter(
            activity__commitment__promise__in=Promise.objects.filter(
                parties__municipality__code=filters.kommunkod,
                parties__kind=Organisation.Kind.MUNICIPALITY,
            ).values("id")
        )
    if filters.since:
        qs = qs.filter(date__gte=filters.since)
    return paginate(request, qs, page, lambda rows: [out.progress_update(u) for u in rows])
