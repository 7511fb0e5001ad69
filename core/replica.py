"""Reads of public pages from a read replica (issue 9, scale-out).

When DATABASE_REPLICA_URL is set, the settings add a database alias "replica" and this router
sends the reads of anonymous GET requests to public pages there (PublicReadsMiddleware marks
them); every write, every staff page, every form post and everything outside a request (tasks,
commands) uses "default". A replica lags its primary by a moment, which a public page can
bear; a staff member who just saved something reads it back from the primary.
"""

import contextvars
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
# Django's database cache reads its table through this app label.
CACHE_APP_LABEL = "django_cache"
_public_read: contextvars.ContextVar[bool] = contextvars.ContextVar("public_read", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model: type, **hints: object) -> str | None:
        if model._meta.app_label == CACHE_APP_LABEL:
            return None  # the database cache (CACHE_URL=db://) counts on the primary only
        if _public_read.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model: type, **hints: object) -> str:
        return "default"

    def allow_relation(self, obj1: object, obj2: object, **hints: object) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: object) -> bool:
        return db == "default"


class PublicReadsMiddleware:
    """Marks anonymous GET/HEAD requests outside the staff pages as public reads."""

    private = ("/personal/", "/plattformsadmin/", "/logga-in/", "/logga-ut/", "/halsa/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        public = (
            request.method in ("GET", "HEAD")
            and not request.path_info.startswith(self.private)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        token = _public_read.set(public)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
