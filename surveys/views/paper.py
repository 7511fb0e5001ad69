"""Keying in paper questionnaires: the whole survey on one page, keyboard first, validated like
the web form, stored with mode "paper". The area and language are kept for the next entry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import posted
from organisations.models import Area
from surveys.access import Need, get_wave_for_user
from surveys.forms.paper import PaperHeaderForm, PaperQuestionnaire
from surveys.models import Wave, WaveStatus
from surveys.questionnaire import spec_for, survey_questions
from surveys.services_waves import WaveRefused, paper_entered_today, record_paper_response


@login_required
@require_http_methods(["GET", "POST"])
def paper_entry(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.ENTER)
    if refusal := _refusal(wave):
        messages.error(request, refusal)
        return redirect("surveys_staff:wave_detail", wave.pk)
    areas = list(Area.objects.of_municipality(wave.survey.municipality_id))
    header = PaperHeaderForm(
        posted(request),
        areas=areas,
        languages=list(wave.survey.languages.all()),
        initial={"area": request.GET.get("omrade", ""), "language": request.GET.get("sprak", "sv")},
    )
    questions = survey_questions(wave.survey)
    area_codes = tuple(a.code for a in areas)
    specs = [spec_for(q, area_codes) for q in questions]
    sheet = PaperQuestionnaire(questions, specs, areas, posted(request))
    if request.method == "POST" and header.is_valid() and sheet.is_valid():
        try:
            record_paper_response(
                wave=wave,
                user=request.user,
                answers=sheet.answers,
                area_id=header.area_id(),
                language=header.cleaned_data["language"],
            )
        except WaveRefused as error:
            messages.error(request, str(error))
            return redirect("surveys_staff:wave_detail", wave.pk)
        messages.success(request, _("Enkäten är registrerad. Fyll i nästa."))
        query = urlencode(
            {"omrade": header.cleaned_data["area"], "sprak": header.cleaned_data["language"]}
        )
        return redirect(reverse("surveys_staff:paper_entry", args=[wave.pk]) + "?" + query)
    in_wave, by_me = paper_entered_today(wave, request.user)
    context = {"wave": wave, "header": header, "sheet": sheet, "today": in_wave, "by_me": by_me}
    status = 400 if request.method == "POST" else 200
    return render(request, "surveys/waves/paper_entry.html", context, status=status)


def _refusal(wave: Wave) -> str | None:
    if not wave.uses_paper:
        return _("Omgången använder inte pappersenkäter. En redaktör kan slå på det under ”Ändra”.")
    if wave.status != WaveStatus.OPEN:
        return _("Pappersenkäter kan bara registreras medan omgången är öppen.")
    return None
