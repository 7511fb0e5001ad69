"""A clear 503 while the database cannot be reached (issue 9, part 7).

When PostgreSQL restarts or a connection drops, Django raises OperationalError or
InterfaceError. Without this the visitor gets the generic 500 page ("Något gick fel"); with it,
`handler500` (config/urls.py) answers 503 "Tjänsten är tillfälligt otillgänglig" with a
Retry-After header, so people, load balancers and crawlers know to come back. The page is
rendered without the request (no context processors, no session, no user): nothing on it needs
the database. Persistent connections recover by themselves (CONN_HEALTH_CHECKS in settings).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def is_database_unavailable(error: BaseException | None) -> bool:
    """The error, or one it was raised from, says the database cannot be reached."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def unavailable_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """`handler500`: 503 when the database is away, Django's 500 page otherwise."""
    if is_database_unavailable(sys.exc_info()[1]):
        logger.warning("database unavailable: answered 503 for %s", request.path)
        return unavailable_response()
    return defaults.server_error(request, template_name)
