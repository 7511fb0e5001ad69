"""Structured logs: one JSON object per line, each carrying the id of the request it belongs to.

No personal data reaches the logs: the request middleware records method, path (without the
query string, which may carry codes and addresses), status and duration; never the client's
address, user agent or e-mail addresses (DOMAIN.md §7).
"""

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
access_log = logging.getLogger("medborgarloften.request")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
# Single-use survey codes and private follow links are secrets too.
_SECRET_PATH = re.compile(r"/(kod|rapport|bekrafta|avsluta|oppen|tokens)/[^/]+")


def scrub(text: str) -> str:
    """The text with e-mail addresses, IPv4 addresses and secrets in paths replaced."""
    text = _EMAIL.sub("[e-post]", text)
    text = _IPV4.sub("[ip]", text)
    return _SECRET_PATH.sub(lambda m: f"/{m.group(1)}/[dold]", text)


class DisallowedHostFilter(logging.Filter):
    """Django logs a request with a Host header outside ALLOWED_HOSTS (answered with 400) as an
    error with a traceback and the header's text. It is the client's mistake or a scan, not
    ours, and the header is whatever the client sent: keep one warning without it."""

    message = "Refused a request whose Host header is not in ALLOWED_HOSTS (400)."

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.message, ()
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        record.status = 400
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", None) or request_id.get(),
            "message": scrub(record.getMessage()),
        }
        for key in ("method", "path", "status", "duration_ms"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID when it is sane), returns it in the
    response and logs one access line per request."""

    header = "HTTP_X_REQUEST_ID"
    sane = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.META.get(self.header, "")
        rid = given if self.sane.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response.headers["X-Request-ID"] = rid
            access_log.info(
                "%s %s %s",
                request.method,
                scrub(request.path),
                response.status_code,
                extra={
                    "request_id": rid,
                    "method": request.method,
                    "path": scrub(request.path),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)
