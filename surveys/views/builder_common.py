"""Small helpers shared by the builder's views."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from surveys.builder import BuilderError
from surveys.models import Survey


def builder_url(survey: Survey, anchor: str = "") -> str:
    url = reverse("surveys_staff:survey_detail", args=[survey.pk])
    return f"{url}#{anchor}" if anchor else url


def attempt(
    request: HttpRequest, change: Callable[[], object], done: str, back: str
) -> HttpResponse:
    """Run a builder change; say it is done, or why it was refused, and go back."""
    try:
        change()
    except BuilderError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(back)


def step_of(request: HttpRequest) -> int:
    """The direction of a move button: "upp" is -1, anything else +1."""
    return -1 if request.POST.get("riktning") == "upp" else 1
