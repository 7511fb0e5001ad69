"""Cache headers: public pages can be cached by a proxy or CDN, staff pages never.

A page for an anonymous resident (GET, no session cookie, no cookie set by the answer) carries
no `Vary: Cookie`, a `Cache-Control` that lets shared caches keep it for PUBLIC_CACHE_SECONDS
and an `ETag` (a repeated request with `If-None-Match` gets 304). The page is the same for every
anonymous visitor: the language is in the address (core.middleware.PathLocaleMiddleware) and
the public pages read nothing personal. A visitor with a session (staff) gets `private`, and the
staff pages, private links and forms that need CSRF are never stored. Views that set their own
Cache-Control (the API, feeds, health) keep it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

# Staff pages, login, private links (survey codes, report follow links, subscription tokens).
NEVER_STORED = (
    "/personal/",
    "/plattformsadmin/",
    "/logga-in/",
    "/logga-ut/",
    "/losenord/",
    "/enkat/",
    "/rapport/",
    "/folj/bekrafta/",
    "/folj/avsluta/",
)


def _without_cookie_vary(response: HttpResponse) -> None:
    if "Vary" in response:
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class PublicCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Cache-Control" in response:
            return response
        path = request.path_info
        if path.startswith(NEVER_STORED) or response.cookies:
            patch_cache_control(response, private=True, no_store=True)
            return response
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True, max_age=0)
            return response
        _without_cookie_vary(response)
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        if not response.streaming and not response.has_header("ETag"):
            set_response_etag(response)
        if response.has_header("ETag"):
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response
