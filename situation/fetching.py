"""Fetching Polisen's live events API within its rules: an identifying User-Agent, at least
10 s between calls and at most 60 calls an hour. Every call is recorded (PoliceApiCall), so the
limits hold across restarts and between processes. The API gives only the latest 500 events;
each fetch is upserted by the police's id, so the platform keeps the history beyond them.

The clock and the sleep are injectable, and tests talk to a local fake server only.
"""

import datetime
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.imports import FileRefused, ImportFile, Plan
from organisations.auditlog import acting_via
from situation.imports.police_events import PoliceEventImporter
from situation.models import PoliceApiCall

# The API's own rules: configurable to be stricter, never looser.
RULE_MIN_INTERVAL_SECONDS = 10.0
RULE_MAX_CALLS_PER_HOUR = 60
HOUR = datetime.timedelta(hours=1)

Clock = Callable[[], datetime.datetime]
Sleep = Callable[[float], None]


class FetchRefused(Exception):
    """The call was not made or its answer cannot be used; the message says why."""


def min_interval() -> datetime.timedelta:
    seconds = max(settings.POLICE_API_MIN_INTERVAL_SECONDS, RULE_MIN_INTERVAL_SECONDS)
    return datetime.timedelta(seconds=seconds)


def max_calls_per_hour() -> int:
    return min(settings.POLICE_API_MAX_CALLS_PER_HOUR, RULE_MAX_CALLS_PER_HOUR)


def now() -> datetime.datetime:
    return timezone.now()


def sleep(seconds: float) -> None:
    time.sleep(seconds)


@dataclass
class RateLimit:
    now: Clock
    sleep: Sleep

    @classmethod
    def default(cls) -> "RateLimit":
        """The real clock and sleep (looked up when called, so a test can replace them)."""
        return cls(now=now, sleep=sleep)

    def wait_for_turn(self) -> None:
        """Sleep until 10 s have passed since the last call; refuse when the hour's calls are
        used up (saying when the next one may be made) rather than sleep for up to an hour."""
        now = self.now()
        in_last_hour = PoliceApiCall.objects.filter(called_at__gt=now - HOUR)
        if in_last_hour.count() >= max_calls_per_hour():
            oldest = in_last_hour.order_by("called_at").values_list("called_at", flat=True)
            next_at = timezone.localtime(oldest[0] + HOUR)
            raise FetchRefused(
                _("Högst %(n)s anrop i timmen till polisens API. Nästa anrop får göras %(when)s.")
                % {"n": max_calls_per_hour(), "when": next_at.strftime("%H.%M.%S")}
            )
        last = PoliceApiCall.objects.order_by("-called_at").values_list("called_at", flat=True)
        if last:
            wait = (last[0] + min_interval() - now).total_seconds()
            if wait > 0:
                self.sleep(wait)


def events_url(params: dict[str, str]) -> str:
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v})
    return settings.POLICE_API_URL + (f"?{query}" if query else "")


def call_api(url: str, limit: RateLimit) -> tuple[PoliceApiCall, bytes]:
    limit.wait_for_turn()
    call = PoliceApiCall.objects.create(called_at=limit.now(), url=url[:500])
    request = urllib.request.Request(
        url,
        headers={"User-Agent": settings.POLICE_API_USER_AGENT, "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.POLICE_API_TIMEOUT_SECONDS) as r:
            call.status_code = r.status
            body = r.read(settings.IMPORT_MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        call.status_code = error.code
        call.save(update_fields=["status_code"])
        raise FetchRefused(
            _("Polisens API svarade %(code)s %(reason)s.")
            % {"code": error.code, "reason": error.reason}
        ) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise FetchRefused(
            _("Polisens API kunde inte nås: %(reason)s.")
            % {"reason": getattr(error, "reason", error)}
        ) from error
    call.save(update_fields=["status_code"])
    return call, body


def fetch_events(params: dict[str, str] | None = None, *, limit: RateLimit | None = None) -> Plan:
    """One call, its answer upserted: new events created, amended ones updated. All or
    nothing, like a file import; a broken answer stores nothing."""
    url = events_url(params or {})
    call, body = call_api(url, limit or RateLimit.default())
    try:
        source = ImportFile.from_bytes("events.json", body)
    except FileRefused as refused:
        raise FetchRefused(str(refused)) from refused
    importer = PoliceEventImporter(update_existing=True, actor_label="polisens API")
    with acting_via(_("polisens API: %(url)s") % {"url": url}):
        plan = importer.run(source)
    if not plan.errors:
        call.event_count = len(plan.changes)
        call.save(update_fields=["event_count"])
    return plan
