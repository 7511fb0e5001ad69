"""The lägesbild's index pages: the public list of published lägesbilder and the staff start
page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from organisations.models import Municipality
from situation.access import can_import, reports_visible_to
from situation.models import PoliceEvent, SituationReport


def _with_municipalities(reports: "object") -> "object":
    return reports.prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.only("id", "name", "slug"))
    )


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    reports = _with_municipalities(SituationReport.objects.published())
    return render(request, "situation/index.html", {"reports": reports})


@login_required
@require_GET
def staff_index(request: HttpRequest) -> HttpResponse:
    reports = _with_municipalities(reports_visible_to(request.user).select_related("organisation"))
    context = {
        "reports": reports,
        "can_import": can_import(request.user),
        "event_count": PoliceEvent.objects.count(),
    }
    return render(request, "situation/staff_index.html", context)
