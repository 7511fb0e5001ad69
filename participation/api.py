"""Residents' reports in the public API: what the map page shows, as JSON, read through the one
public path (participation.public_reports): moderated reports only, the moderated text, the point
coarsened unless a moderator approved the exact one, never contact details or the text as typed.
"""

import datetime
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Path, Query, Router, Schema

from api.errors import Error
from api.http import public_get
from api.pagination import PageParams, page_schema, paginate
from api.params import MAX_ID, IsoDate
from participation.models import ReportStatus, ReportUpdate, ResidentReport
from participation.public_reports import (
    public_place,
    public_report_path,
    public_reports,
    report_point,
)

router = Router(tags=["Rapporter från invånare"])
router.add_decorator(public_get, mode="view")
ERRORS = {404: Error, 422: Error}


class ReportCategoryOut(Schema):
    code: str = Field(description="Kategorins kod (Open311:s service_code).")
    name: str


class ReportPointOut(Schema):
    lat: float
    lon: float
    precise: bool = Field(
        description="true bara när en moderator har godkänt den exakta platsen; annars är "
        "punkten mitten av en ruta på cirka 200 meter."
    )


class ReportMunicipalityOut(Schema):
    kommunkod: str
    name: str


class ReportUpdateOut(Schema):
    status: str
    status_label: str
    public_note: str
    date: datetime.date


class ResidentReportOut(Schema):
    id: int
    category: ReportCategoryOut
    status: str = Field(description="received, in_progress, planned, fixed eller closed.")
    status_label: str
    is_open: bool
    text: str = Field(description="Texten som en moderator har granskat och godkänt.")
    public_note: str = Field(description="De ansvarigas svar till invånarna.")
    responsible: str | None = Field(description="Organisationen som ansvarar för svaret.")
    place: str = Field(description="Område och kommun; adressen bara vid godkänd exakt plats.")
    point: ReportPointOut | None
    municipality: ReportMunicipalityOut
    created_at: datetime.datetime
    updated_at: datetime.datetime
    url: str = Field(description="Rapporten på kommunens kartsida.")


class ResidentReportDetail(ResidentReportOut):
    updates: list[ReportUpdateOut] = Field(description="Statusändringarna, äldst först.")


class ReportFilters(Schema):
    kommunkod: str | None = Field(
        None, pattern=r"^\d{4}$", description="Kommunkod, fyra siffror, t.ex. 1419."
    )
    category: str | None = Field(None, max_length=40, description="Kategorins kod.")
    status: Literal["received", "in_progress", "planned", "fixed", "closed"] | None = None
    since: IsoDate | None = Field(None, description="Rapporter som inkom från och med datumet.")


def _report(report: ResidentReport) -> dict:
    point = report_point(report)
    return {
        "id": report.pk,
        "category": {
            "code": report.category.code,
            "name": report.category.name_in(get_language() or "sv"),
        },
        "status": report.status,
        "status_label": str(ReportStatus(report.status).label),
        "is_open": report.is_open,
        "text": report.public_text,
        "public_note": report.public_note,
        "responsible": report.responsible.name if report.responsible_id else None,
        "place": public_place(report),
        "point": {"lat": point.lat, "lon": point.lon, "precise": point.precise} if point else None,
        "municipality": {"kommunkod": report.municipality.code, "name": report.municipality.name},
        "created_at": report.created_at,
        "updated_at": report.updated_at,
        "url": public_report_path(report),
    }


def _update(update: ReportUpdate) -> dict:
    return {
        "status": update.status,
        "status_label": str(ReportStatus(update.status).label),
        "public_note": update.public_note,
        "date": update.at.date(),
    }


@router.get(
    "/resident-reports",
    response={200: page_schema(ResidentReportOut), 422: Error},
    url_name="resident_report_list",
    summary="Rapporter från invånare",
)
def resident_report_list(
    request: HttpRequest, filters: Query[ReportFilters], page: Query[PageParams]
) -> dict:
    """Granskade och publicerade rapporter om otrygga platser, med status och svar. Platsen är
    ungefärlig (cirka 200 meter) utom där en moderator har godkänt den exakta."""
    qs = public_reports()
    if filters.kommunkod:
        qs = qs.filter(municipality__code=filters.kommunkod)
    if filters.category:
        qs = qs.filter(category__code=filters.category)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.since:
        qs = qs.filter(created_at__date__gte=filters.since)
    return paginate(request, qs, page, lambda rows: [_report(r) for r in rows])


@router.get(
    "/resident-reports/{report_id}",
    response={200: ResidentReportDetail, **ERRORS},
    url_name="resident_report_detail",
    summary="En rapport från invånare",
)
def resident_report_detail(
    request: HttpRequest,
    report_id: int = Path(..., ge=1, le=MAX_ID, description="Rapportens id."),
) -> dict:
    """En publicerad rapport med dess statusändringar."""
    report = get_object_or_404(public_reports(), pk=report_id)
    updates = ReportUpdate.objects.filter(report=report).only("status", "public_note", "at")
    return {**_report(report), "updates": [_update(u) for u in updates]}
