"""The benchmark's own URLs (bench/submit_settings.py): the whole site, plus the baseline the
answer view is measured against: a form whose POST does only the code's conditional UPDATE and
one INSERT of the answers, in one transaction."""

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import include, path
from django.utils import timezone
from django.utils.html import escape

from config.urls import handler500  # noqa: F401 - the site's error pages apply here too
from surveys.models import Invitation, Response


def minimal_submit(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        token = escape(get_token(request))
        return HttpResponse(
            f'<!DOCTYPE html><form method="post"><input type="hidden" '
            f'name="csrfmiddlewaretoken" value="{token}"><button>Skicka</button></form>'
        )
    answers = {
        k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "kod", "wave")
    }
    with transaction.atomic():
        used = Invitation.objects.filter(code=request.POST["kod"], consumed=False).update(
            consumed=True
        )
        if not used:
            return HttpResponse(status=409)
        Response.objects.create(
            wave_id=int(request.POST["wave"]),
            mode=Response.Mode.SAMPLE,
            submitted_on=timezone.localdate(),
            answers=answers,
        )
    return HttpResponseRedirect("/enkat/tack/")


urlpatterns = [
    path("bench/minimal-submit/", minimal_submit),
    path("", include("config.urls")),
]
