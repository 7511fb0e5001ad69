"""The flood limit of the report form: at most REPORT_RATE_LIMIT reports (and "me too"s) per
internet address in REPORT_RATE_WINDOW_MINUTES.

The address itself is never stored: the cache key is an HMAC of it with a key derived from
SECRET_KEY and the current window, so the hashes change every window and cannot be looked up
in a table of all addresses without the secret. The limit never loses a report silently: a
sender over it is told so, with what to do, and the form keeps what they typed. Households and
workplaces share an address, so the default allows several people there to report in the same
hour.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def window_seconds() -> int:
    return settings.REPORT_RATE_WINDOW_MINUTES * 60


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind a reverse proxy the address it names in the header set in
    REPORT_RATE_ADDRESS_HEADER (e.g. HTTP_X_FORWARDED_FOR): the rightmost entry, the one our
    own proxy added, which the client cannot forge."""
    header = settings.REPORT_RATE_ADDRESS_HEADER
    forwarded = request.META.get(header, "") if header else ""
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def address_key(request: HttpRequest) -> str:
    window = int(time.time() // window_seconds())
    secret = hashlib.sha256(f"report-rate:{settings.SECRET_KEY}".encode()).digest()
    address = client_address(request)
    digest = hmac.new(secret, f"{window}:{address}".encode(), hashlib.sha256).hexdigest()
    return f"report-rate:{digest}"


def is_throttled(request: HttpRequest) -> bool:
    return cache.get(address_key(request), 0) >= settings.REPORT_RATE_LIMIT


def count(request: HttpRequest) -> None:
    key = address_key(request)
    if not cache.add(key, 1, timeout=window_seconds()):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, timeout=window_seconds())
        else:
            # The database and file caches' incr() stores with their default timeout (5 min).
            cache.touch(key, timeout=window_seconds())
