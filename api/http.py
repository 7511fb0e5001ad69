"""HTTP behaviour of the public API: conditional GET (ETag, Last-Modified, 304), caching, CORS
and errors in one JSON shape even where django-ninja answers outside an operation."""

import datetime
import functools
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from pydantic import BaseModel

from api.errors import error_response

API_PREFIX = "/api/v1/"
# Token-authenticated endpoints are not for other sites' scripts: no CORS there.
PRIVATE_PREFIXES = ("/api/v1/staff/",)


def is_public_api(path: str) -> bool:
    return path.startswith(API_PREFIX) and not path.startswith(PRIVATE_PREFIXES)


def validated_json(schema: type[BaseModel], data: dict) -> HttpResponse:
    """The body validated against its documented schema and rendered by pydantic in one go.

    For large documents (a promise with hundreds of activities): ninja's generic path validates,
    dumps to Python and encodes dates in Python, which costs per nested object."""
    body = schema.model_validate(data).model_dump_json()
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def set_last_modified(response: HttpResponse, moments: Iterable[datetime.datetime | None]) -> None:
    """Last-Modified from the latest of the dated changes behind a response, if any."""
    latest = max((m for m in moments if m is not None), default=None)
    if latest is not None:
        response["Last-Modified"] = http_date(latest.timestamp())


def public_get(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wraps a public operation (ninja "view" decorator): the answer in the API's language
    whatever the visitor's cookie, an ETag over the body, and 304 on If-None-Match or
    If-Modified-Since (Django's conditional GET)."""
    conditional = ConditionalGetMiddleware(lambda request: request._api_response)

    @functools.wraps(run)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        with translation.override(settings.LANGUAGE_CODE):
            response = run(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
            request._api_response = response
            response = conditional(request)
        return response

    return wrapper


class ApiMiddleware:
    """CORS for the public API (any origin may GET; preflight answered) and JSON errors for
    requests that never reach an operation (unknown path, wrong method)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        public = is_public_api(request.path)
        if public and request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = self._json_errors(self.get_response(request))
        if public:
            response["Access-Control-Allow-Origin"] = "*"
            if request.method == "OPTIONS":
                response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
                response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
                response["Access-Control-Max-Age"] = "86400"
            else:
                response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response

    def _json_errors(self, response: HttpResponse) -> HttpResponse:
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        if response.status_code == 404:
            return error_response(404, _("Det finns ingen sådan adress i API:t."))
        if response.status_code == 405:
            allowed = response.get("Allow", "")
            fixed = error_response(
                405, _("Metoden stöds inte här. Tillåtna: %(allowed)s.") % {"allowed": allowed}
            )
            fixed["Allow"] = allowed
            return fixed
        return response
