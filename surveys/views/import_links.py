"""Where an import's pages lead back to: the survey's builder page and the wave's overview."""

from django.urls import reverse

from surveys.models import Survey, Wave


def survey_page_url(survey: Survey) -> str:
    return reverse("surveys_staff:survey_detail", args=[survey.pk])


def wave_page_url(wave: Wave) -> str:
    return reverse("surveys_staff:wave_detail", args=[wave.pk])
