"""The residents' pages for following by e-mail, under /folj/. No page ever shows an address,
and every answer to a request to follow is the same whether or not the address follows already.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core.views import posted
from notifications import subscriptions
from notifications.forms import FollowForm
from notifications.models import Subscription
from organisations.models import Municipality
from promises.models import Promise


def _page_language() -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _follow(
    request: HttpRequest,
    *,
    promise: Promise | None = None,
    municipality: Municipality | None = None,
) -> HttpResponse:
    target = promise or municipality
    form = FollowForm(posted(request))
    if form.is_valid():
        subscriptions.ask_to_follow(
            email=form.cleaned_data["email"],
            frequency=form.cleaned_data["frequency"],
            language=_page_language(),
            promise=promise,
            municipality=municipality,
        )
        name = "promise_sent" if promise else "municipality_sent"
        return redirect(f"notifications:{name}", promise.pk if promise else municipality.slug)
    context = {
        "form": form,
        "target_name": str(target),
        "target_url": target.get_absolute_url(),
        "promise": promise,
        "confirm_days": settings.SUBSCRIPTION_CONFIRM_DAYS,
    }
    status = 400 if form.errors else 200
    return render(request, "notifications/follow.html", context, status=status)


# No CSRF token: the form sits on public pages that proxies cache, and a forged post can do no
# more than anyone typing an address – send one confirmation mail, at most once a minute.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def follow_municipality(request: HttpRequest, slug: str) -> HttpResponse:
    return _follow(request, municipality=get_object_or_404(Municipality, slug=slug))


# No CSRF token: the form sits on public pages that proxies cache, and a forged post can do no
# more than anyone typing an address – send one confirmation mail, at most once a minute.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def follow_promise(request: HttpRequest, pk: int) -> HttpResponse:
    return _follow(request, promise=get_object_or_404(Promise.objects.public(), pk=pk))


def _sent(request: HttpRequest, target: Promise | Municipality, follow_url: str) -> HttpResponse:
    context = {
        "target_name": str(target),
        "target_url": target.get_absolute_url(),
        "follow_url": follow_url,
        "confirm_days": settings.SUBSCRIPTION_CONFIRM_DAYS,
    }
    return render(request, "notifications/sent.html", context)


@require_GET
def municipality_sent(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, slug=slug)
    return _sent(request, municipality, reverse("notifications:follow_municipality", args=[slug]))


@require_GET
def promise_sent(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_object_or_404(Promise.objects.public(), pk=pk)
    return _sent(request, promise, reverse("notifications:follow_promise", args=[pk]))


def _by_token(token: str) -> Subscription | None:
    return (
        Subscription.objects.select_related("promise", "municipality").filter(token=token).first()
    )


def _link_not_valid(request: HttpRequest, purpose: str) -> HttpResponse:
    context = {"purpose": purpose, "confirm_days": settings.SUBSCRIPTION_CONFIRM_DAYS}
    return render(request, "notifications/link_not_valid.html", context, status=404)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (link scanners fetch links in mail); the POST confirms."""
    subscription = _by_token(token)
    if subscription is None:
        return _link_not_valid(request, "confirm")
    if request.method == "POST":
        subscriptions.confirm(subscription)
        return redirect("notifications:confirm", token)
    context = {"subscription": subscription, "confirm_days": settings.SUBSCRIPTION_CONFIRM_DAYS}
    return render(request, "notifications/confirm.html", context)


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" here without a form
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; a POST (the button, or a mail program's one-click) unsubscribes at
    once. Unsubscribing twice is no error."""
    if request.method == "POST":
        subscriptions.unsubscribe(token)
        return redirect("notifications:unsubscribed")
    subscription = _by_token(token)
    if subscription is None:
        return _link_not_valid(request, "unsubscribe")
    return render(request, "notifications/unsubscribe.html", {"subscription": subscription})


@require_GET
def unsubscribed(request: HttpRequest) -> HttpResponse:
    return render(request, "notifications/unsubscribed.html")
