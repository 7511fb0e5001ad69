"""Preview of a survey in each of its languages (right to left where the language is)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from surveys.access import get_survey_for_user
from surveys.builder.preview import preview


@login_required
@require_GET
def survey_preview(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk)
    language = get_object_or_404(survey.languages, code=code)
    context = {
        "survey": survey,
        "language": language,
        "languages": survey.languages.all(),
        **preview(survey, language),
    }
    return render(request, "surveys/builder/preview.html", context)
