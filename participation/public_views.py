"""Public pages of dialogues and safety walks."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from participation import public


@require_GET
def walk(request: HttpRequest, pk: int) -> HttpResponse:
    view = public.public_walk(pk)
    if view is None:
        raise Http404
    return render(request, "participation/public_walk.html", {"view": view, "walk": view.walk})


@require_GET
def dialogue(request: HttpRequest, pk: int) -> HttpResponse:
    view = public.public_dialogue(pk)
    if view is None:
        raise Http404
    return render(
        request, "participation/public_dialogue.html", {"view": view, "dialogue": view.dialogue}
    )
