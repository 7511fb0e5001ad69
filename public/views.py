from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from core.retention import rules
from organisations.models import County, Municipality, Organisation
from promises.models import Promise
from promises.models.promises import PUBLIC_STATUSES
from public import pages


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    with_promises = set(
        Organisation.objects.municipalities()
        .filter(promises__status__in=PUBLIC_STATUSES)
        .values_list("municipality_id", flat=True)
    )
    matches = None
    if query:
        matches = list(Municipality.objects.filter(Q(name__icontains=query) | Q(code=query)))
        if len(matches) == 1:
            return redirect(matches[0])
    counties = County.objects.prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.only("name", "slug", "county_id"))
    )
    return render(
        request,
        "public/home.html",
        {
            "query": query,
            "matches": matches,
            "counties": counties,
            "with_promises": with_promises,
            "featured": Municipality.objects.filter(id__in=with_promises),
        },
    )


@require_GET
def municipality(request: HttpRequest, key: str) -> HttpResponse:
    if key.isdigit():
        return redirect(get_object_or_404(Municipality, code=key), permanent=True)
    place = get_object_or_404(Municipality.objects.select_related("county"), slug=key)
    return render(request, "public/municipality.html", pages.municipality_page(place))


def _promise_page_or_404(pk: int) -> dict:
    page = pages.promise_page(pk)
    if page is None:
        raise Http404
    return page


@require_GET
def promise(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "public/promise.html", _promise_page_or_404(pk))


@require_GET
def promise_plain(request: HttpRequest, pk: int) -> HttpResponse:
    page = _promise_page_or_404(pk)
    if not page["promise"].plain_summary:
        raise Http404
    return render(request, "public/promise_plain.html", page)


@require_GET
def promise_revision(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    promise = get_object_or_404(Promise.objects.public(), pk=pk)
    revision = get_object_or_404(promise.revisions, number=number)
    return render(
        request, "public/promise_revision.html", {"promise": promise, "revision": revision}
    )


def _municipality_or_404(key: str) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("county"), slug=key)


@require_GET
def safety_survey(request: HttpRequest, key: str, wave_id: int | None = None) -> HttpResponse:
    """The municipality's safety survey results: the latest closed wave (or an earlier one) and
    the trend over the waves."""
    place = _municipality_or_404(key)
    page = pages.safety_survey_page(place, wave_id)
    if page is None:
        raise Http404
    return render(request, "public/safety_survey.html", page)


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """What is kept, why and for how long: the retention rules with their configured periods
    (core.retention), and what is never kept or published."""
    return render(
        request,
        "public/privacy.html",
        {
            "rules": rules(),
            "min_cell": settings.PRIVACY_MIN_CELL,
            "min_breakdown": settings.PRIVACY_MIN_BREAKDOWN,
            "grid_metres": settings.PUBLIC_POINT_GRID_METRES,
            "rate_window_minutes": settings.REPORT_RATE_WINDOW_MINUTES,
        },
    )
