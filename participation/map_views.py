"""The public map of a municipality (/kommun/<slug>/karta/): moderated reports and safety-walk
stops on a map, the same reports as a list that needs neither the map nor JavaScript, filters by
category and status (a GET form). The map's GeoJSON comes from `map_data`."""

import json
from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from organisations.models import Municipality
from participation import public_reports
from participation.models import ReportStatus, ResidentReport

LIST_PAGE_SIZE = 50
# The list says how many reports match up to this many ("fler än 1 000" beyond it), so the page
# does not count a table that grows with the years.
COUNT_CAP = 1000


@dataclass
class ListPage:
    reports: list[ResidentReport]
    number: int
    has_next: bool
    count: int
    capped: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def list_page(reports: QuerySet[ResidentReport], requested: str | None) -> ListPage:
    """One page of the list without counting past COUNT_CAP: a page reads one row more than
    it shows to know whether another follows."""
    number = (
        int(requested) if requested and requested.isdigit() and 0 < int(requested) < 10_000 else 1
    )
    start = (number - 1) * LIST_PAGE_SIZE
    rows = list(reports[start : start + LIST_PAGE_SIZE + 1])
    count = reports[: COUNT_CAP + 1].count()
    return ListPage(
        reports=rows[:LIST_PAGE_SIZE],
        number=number,
        has_next=len(rows) > LIST_PAGE_SIZE,
        count=min(count, COUNT_CAP),
        capped=count > COUNT_CAP,
    )


class MapFilterForm(forms.Form):
    kategori = forms.ChoiceField(label=gettext_lazy("Kategori"), required=False)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Alla"))] + ReportStatus.choices,
    )

    def __init__(self, *args: object, language: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kategori"].choices = [("", _("Alla"))] + [
            (c.code, c.name_in(language)) for c in public_reports.public_categories()
        ]

    def filters(self) -> dict[str, str]:
        """The valid filters; an unknown value is left out rather than refused."""
        self.is_valid()
        return {
            "category": self.cleaned_data.get("kategori", ""),
            "status": self.cleaned_data.get("status", ""),
        }


def _filters(request: HttpRequest) -> tuple[MapFilterForm, dict[str, str]]:
    form = MapFilterForm(request.GET, language=request.LANGUAGE_CODE)
    return form, form.filters()


@require_GET
def municipality_map(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality.objects.select_related("county"), slug=slug)
    form, filters = _filters(request)
    reports = public_reports.municipality_reports(municipality, **filters)
    page = list_page(reports, request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "participation/public_map.html",
        {
            "municipality": municipality,
            "form": form,
            "filtered": any(filters.values()),
            "page": page,
            "reports": public_reports.as_public(page.reports),
            "stops": public_reports.walk_stops(municipality),
            "map": public_reports.report_map(municipality, query.urlencode()),
            "map_limit": public_reports.MAP_LIMIT,
            "query": query.urlencode(),
        },
    )


@require_GET
def map_data(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, slug=slug)
    _form, filters = _filters(request)
    data = public_reports.map_data(municipality, **filters)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/geo+json; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
