"""Downloads of a wave's results: aggregated (CSV, XLSX) for everyone who reads the survey,
microdata for admins only (audited)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from organisations.auditlog import record
from surveys.access import Need, get_wave_for_user
from surveys.results import exports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(body: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def results_csv(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk)
    name = f"resultat-{slugify(wave.name)}.csv"
    return _download(exports.results_csv(wave), "text/csv; charset=utf-8", name)


@login_required
@require_GET
def results_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk)
    return _download(exports.results_xlsx(wave), XLSX, f"resultat-{slugify(wave.name)}.xlsx")


@login_required
@require_GET
def microdata_csv(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.ADMIN)
    body = exports.microdata_csv(wave)
    record(
        actor=request.user,
        action="wave.microdata_exported",
        obj=wave,
        parties=[wave.survey.organisation_id],
    )
    return _download(body, "text/csv; charset=utf-8", f"mikrodata-{slugify(wave.name)}.csv")
