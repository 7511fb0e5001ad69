"""The EST period analysis: a quarter or a tertial (setting EST_ANALYSIS_PERIOD) or a year, by
area and category, against the period before, by time of day and weekday, and the Gi* hot-spot
map; every chart and the map with a table beside it. The data comes from
situation.est_inputs, which the lägesbild uses too."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET

from core.charts import Chart, Point, bar_chart
from core.maps import MapBlock, MapTexts, municipality_background
from core.privacy import public_count
from organisations.models import Area, Municipality
from situation.est.choices import chosen_municipality
from situation.est.periods import QUARTER, TERTIAL, YEAR, Period, parse_period, period_containing
from situation.est_inputs import EstSummary, HotSpotMap, est_hot_spots, est_summary

WEEKDAYS = [
    gettext_noop("måndag"),
    gettext_noop("tisdag"),
    gettext_noop("onsdag"),
    gettext_noop("torsdag"),
    gettext_noop("fredag"),
    gettext_noop("lördag"),
    gettext_noop("söndag"),
]


def analysis_kind() -> str:
    kind = getattr(settings, "EST_ANALYSIS_PERIOD", QUARTER)
    return kind if kind in (QUARTER, TERTIAL) else QUARTER


def _url(period: Period, municipality: Municipality) -> str:
    url = reverse("est_staff:analysis", args=[period.slug])
    return f"{url}?{urlencode({'kommun': municipality.code})}"


@login_required
@require_GET
def analysis_current(request: HttpRequest) -> HttpResponse:
    _municipalities, municipality = chosen_municipality(request)
    return redirect(_url(period_containing(timezone.localdate(), analysis_kind()), municipality))


def _counts(labels: list[str], values: list[int], title: str, heading: str) -> Chart:
    points = [Point(public_count(v, counts_people=False)) for v in values]
    return bar_chart(title, labels, points, label_heading=heading)


def _charts(summary: EstSummary) -> list[Chart]:
    return [
        _counts(
            [c.name for c in summary.categories],
            [c.count for c in summary.categories],
            _("Observationer per kategori"),
            _("Kategori"),
        ),
        _counts(
            [label for _v, label, _n in summary.by_time_of_day],
            [n for _v, _l, n in summary.by_time_of_day],
            _("Observationer per tid på dygnet"),
            _("Tid på dygnet"),
        ),
        _counts(
            [_(day) for day in WEEKDAYS],
            summary.by_weekday,
            _("Observationer per veckodag"),
            _("Veckodag"),
        ),
    ]


def _area_table(summary: EstSummary) -> tuple[list, list]:
    categories = [c for c in summary.categories if c.count]
    rows = [
        (
            name,
            [summary.by_area_category.get((code, c.code), 0) for c in categories],
            summary.by_area.get(code, 0),
        )
        for code, name in summary.areas
    ]
    return categories, rows


def _map(municipality: Municipality, hot: HotSpotMap | None) -> MapBlock | None:
    if hot is None:
        return None
    areas = list(Area.objects.of_municipality(municipality.pk))
    return MapBlock(
        id="est-hot-spot-map",
        texts=MapTexts(
            label=_("Karta över hot spots"),
            help=_("Rutorna är hot spots; tabellen under kartan visar samma rutor."),
            zoom_in=_("Zooma in"),
            zoom_out=_("Zooma ut"),
        ),
        features=municipality_background(municipality, areas) + hot.geojson["features"],
    )


@login_required
@require_GET
def analysis(request: HttpRequest, period: str) -> HttpResponse:
    chosen = parse_period(period)
    if chosen is None:
        raise Http404
    municipalities, municipality = chosen_municipality(request)
    before = chosen.previous()
    summary = est_summary(
        municipality, chosen.start, chosen.end, previous=(before.start, before.end)
    )
    hot = est_hot_spots(summary.points)
    kind = chosen.kind if chosen.kind != YEAR else analysis_kind()
    year = Period(YEAR, chosen.year)
    categories, area_rows = _area_table(summary)
    context = {
        "municipalities": municipalities,
        "municipality": municipality,
        "period": chosen,
        "before": before,
        "periods": [(p, _url(p, municipality)) for p in [*year.parts(kind), year]],
        "previous_url": _url(before, municipality),
        "next_url": _url(chosen.next(), municipality),
        "summary": summary,
        "charts": _charts(summary) if summary.total else [],
        "area_categories": categories,
        "area_rows": area_rows,
        "hot": hot,
        "map": _map(municipality, hot),
    }
    return render(request, "situation/est/analysis.html", context)
