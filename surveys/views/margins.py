"""Population margins of a wave, entered by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import form_page, posted
from surveys.access import Need, get_wave_for_user
from surveys.forms.margins import MarginsForm
from surveys.models import Wave
from surveys.results.closing import ClosingReport
from surveys.results.data import load_wave
from surveys.results.margins import save_margins
from surveys.results.weighting import compute_weights


@login_required
@require_http_methods(["GET", "POST"])
def margins_edit(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    areas = list(wave.survey.municipality.areas.order_by("name"))
    form = MarginsForm(posted(request), areas=areas, margins=list(wave.margins.all()))
    results_url = reverse("surveys_staff:wave_results", args=[wave.pk])
    if form.is_valid():
        report = save_margins(wave=wave, tables=form.tables(), user=request.user)
        _tell(request, report, wave)
        return redirect(results_url)
    return form_page(
        request,
        form,
        title=_("Populationsmarginaler: %(wave)s") % {"wave": wave.name},
        submit=_("Spara marginalerna"),
        cancel_url=results_url,
        intro=_(
            "Ange hur många invånare 16–84 år kommunen har per område, per kön och per "
            "åldersgrupp (SCB:s befolkningsstatistik). Svaren viktas så att de speglar "
            "befolkningen. Lämna en hel grupp tom för att inte vikta efter den."
        ),
        template="surveys/results/margins_form.html",
        context={"wave": wave},
    )


def _tell(request: HttpRequest, report: ClosingReport | None, wave: Wave) -> None:
    if report is None:
        # An open wave: try the weighting on the answers so far, so problems show early.
        data = load_wave(wave)
        sample = data.subset(data.representative)
        trial = compute_weights(sample, list(wave.margins.all()), wave.trim_ratio)
        if trial.weighted or not sample.size:
            messages.success(
                request,
                _("Marginalerna är sparade. Vikterna beräknas när omgången stängs."),
            )
        else:
            messages.warning(
                request,
                _("Marginalerna är sparade, men svaren hittills går inte att vikta: %(problem)s")
                % {"problem": trial.problem},
            )
    elif report.weighted:
        messages.success(
            request,
            _("Marginalerna är sparade och svaren är viktade på nytt (designeffekt %(deff)s).")
            % {"deff": f"{report.design_effect:.2f}".replace(".", ",")},
        )
    else:
        messages.warning(
            request,
            _("Marginalerna är sparade, men svaren kunde inte viktas: %(problem)s")
            % {"problem": report.problem},
        )
