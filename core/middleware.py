from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix, set_script_prefix
from django.utils import translation


class PathLocaleMiddleware:
    """Swedish, or another language when the path starts with its code (`/en/kommun/tjorn/`).

    The language is in the address, not in a cookie, so that a public page is the same for
    everyone who asks for that address and can be cached by a proxy (issue 9). Inside the app the
    prefix is stripped from `path_info` and set as the script prefix, so every `reverse()` and
    `{% url %}` keeps the visitor in their language. The browser's Accept-Language is
    deliberately ignored: a Swedish public-sector site is in Swedish by default.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefixed = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = settings.LANGUAGE_CODE
        first = request.path_info.split("/", 2)[1] if request.path_info.count("/") >= 2 else ""
        old_prefix = get_script_prefix()
        if first in self.prefixed:
            language = first
            request.path_info = request.path_info[len(first) + 1 :]
            set_script_prefix(f"{old_prefix}{first}/")
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            set_script_prefix(old_prefix)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send: the Permissions-Policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
