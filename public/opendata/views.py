"""The open-data page, the streamed downloads and the DCAT catalogue."""

from collections.abc import Iterator

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from organisations.models import County, Municipality
from public.opendata.dcat import catalogue_graph
from public.opendata.scopes import Scope, country, scope_from_slug
from public.opendata.tables import TABLES, TABLES_BY_NAME
from public.opendata.writers import csv_stream, json_stream, scope_json_stream

SCOPE_FIELD = "omrade"
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _page_context(error: str = "") -> dict:
    municipalities = Municipality.objects.only("name", "code", "county_id").order_by("name")
    counties = County.objects.order_by("name").prefetch_related(
        Prefetch("municipalities", queryset=municipalities)
    )
    return {"tables": TABLES, "scope": country(), "counties": counties, "error": error}


def _not_found(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "public/open_data_not_found.html", {"message": message}, status=404)


def _unknown_scope(request: HttpRequest, slug: str) -> HttpResponse:
    return _not_found(
        request,
        _(
            "Det finns inget län eller någon kommun som heter ”%(scope)s”. Använd sverige, "
            "lan-<länskod> (t.ex. lan-14) eller kommun-<kommunkod> (t.ex. kommun-1419)."
        )
        % {"scope": slug},
    )


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    """The page; its GET form (works without JavaScript) sends ?omrade=<scope> here, and we
    redirect to that scope's page."""
    if SCOPE_FIELD in request.GET:
        scope = scope_from_slug(request.GET[SCOPE_FIELD])
        if scope is not None:
            return redirect("public:open_data_scope", scope=scope.slug)
        error = _("Välj ett län eller en kommun i listan.")
        return render(request, "public/open_data.html", _page_context(error), status=400)
    return render(request, "public/open_data.html", _page_context())


@require_GET
def open_data_scope(request: HttpRequest, scope: str) -> HttpResponse:
    found = scope_from_slug(scope)
    if found is None:
        return _unknown_scope(request, scope)
    return render(request, "public/open_data_scope.html", {"scope": found, "tables": TABLES})


def _stream(chunks: Iterator[bytes], fmt: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _table_download(request: HttpRequest, scope_slug: str, name: str, fmt: str) -> HttpResponse:
    scope = scope_from_slug(scope_slug)
    if scope is None:
        return _unknown_scope(request, scope_slug)
    table = TABLES_BY_NAME.get(name)
    if table is None:
        message = _("Det finns ingen fil som heter ”%(name)s.%(fmt)s”. Filerna: %(names)s.")
        names = ", ".join(t.name for t in TABLES)
        return _not_found(request, message % {"name": name, "fmt": fmt, "names": names})
    chunks = csv_stream(table, scope) if fmt == "csv" else json_stream(table, scope)
    return _stream(chunks, fmt, f"medborgarloften-{scope.slug}-{table.name}.{fmt}")


@require_GET
def table_csv(request: HttpRequest, scope: str, table: str) -> HttpResponse:
    return _table_download(request, scope, table, "csv")


@require_GET
def table_json(request: HttpRequest, scope: str, table: str) -> HttpResponse:
    return _table_download(request, scope, table, "json")


@require_GET
def scope_json(request: HttpRequest, scope: str) -> HttpResponse:
    found: Scope | None = scope_from_slug(scope)
    if found is None:
        return _unknown_scope(request, scope)
    return _stream(scope_json_stream(found), "json", f"medborgarloften-{found.slug}.json")


@require_GET
def catalogue_turtle(request: HttpRequest) -> HttpResponse:
    body = catalogue_graph().serialize(format="turtle")
    return HttpResponse(body, content_type="text/turtle; charset=utf-8")


@require_GET
def catalogue_rdf_xml(request: HttpRequest) -> HttpResponse:
    body = catalogue_graph().serialize(format="pretty-xml")
    return HttpResponse(body, content_type="application/rdf+xml; charset=utf-8")
