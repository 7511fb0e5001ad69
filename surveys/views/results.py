"""Staff results pages: the list of waves with results, and one wave's results."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.privacy import minimum_breakdown, minimum_cell
from organisations.access import access_for
from surveys.access import Need, can, get_wave_for_user
from surveys.forms.results import ResultsFilter
from surveys.forms.rules import PROBLEM_OPTIONS
from surveys.models import Survey, Wave
from surveys.results.charts import indicator_chart, problem_chart
from surveys.results.report import build_report, earlier_waves


@login_required
@require_GET
def result_index(request: HttpRequest) -> HttpResponse:
    """Every wave of the user's organisations' surveys, with its number of responses."""
    waves = Wave.objects.annotate(response_count=Count("responses")).order_by("-year", "-opens_on")
    surveys = (
        Survey.objects.owned_by(access_for(request.user).org_ids())
        .select_related("organisation", "municipality")
        .prefetch_related(Prefetch("waves", queryset=waves))
    )
    return render(request, "surveys/results/index.html", {"surveys": list(surveys)})


@login_required
@require_GET
def wave_results(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk)
    earlier = earlier_waves(wave)
    has_open_link = wave.responses.filter(is_representative=False).exists()
    choices = ResultsFilter(request.GET, earlier=earlier, has_open_link=has_open_link)
    report = build_report(
        wave,
        dimension_key=choices.dimension,
        earlier=choices.compare_with,
        open_link=choices.open_link,
    )
    access = access_for(request.user)
    return render(
        request,
        "surveys/results/wave.html",
        {
            "wave": wave,
            "survey": wave.survey,
            "report": report,
            "results": report.current,
            "choices": choices,
            "indicator_chart": indicator_chart(report.current),
            "problem_chart": problem_chart(report.current),
            "problem_weights": [
                (label, wave.survey.problem_index_weights.get(value, "–"))
                for value, label in PROBLEM_OPTIONS
            ],
            "can_edit": can(access, wave.survey, Need.EDIT),
            "can_export_microdata": can(access, wave.survey, Need.ADMIN),
            "min_cell": minimum_cell(),
            "min_breakdown": minimum_breakdown(),
        },
    )
