"""CACHES entries from URLs (CACHE_URL, TASK_PROGRESS_CACHE_URL), as DATABASE_URL does for the
database:

    locmem://            this process only (the demo, tests); locmem://name for a separate one
    db://                the database's table django_cache (db://other_table for another);
                         made by core's migration, so `manage.py migrate` creates it
    file:///srv/cache    one directory; shared by processes that see the same directory
    redis://host:6379/0  Django's RedisCache (also rediss://); needs the `redis` package

Only db://, file:// on a shared directory and redis:// are shared between app servers.
"""

import importlib.util
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ImproperlyConfigured

DEFAULT_TABLE = "django_cache"
# The database and file caches forget a third of their entries once they hold this many; the
# report form's flood limit needs an entry per address and window, so allow plenty.
MAX_ENTRIES = 50_000

_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "db": "django.core.cache.backends.db.DatabaseCache",
    "file": "django.core.cache.backends.filebased.FileBasedCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
}


def parse(url: str, *, setting: str = "CACHE_URL") -> dict:
    """The CACHES entry for `url`; ImproperlyConfigured, naming `setting`, if it is not one."""
    parts = urlsplit(url.strip())
    backend = _BACKENDS.get(parts.scheme)
    if backend is None:
        raise ImproperlyConfigured(
            f"{setting}={url!r}: use locmem://, db://[table], file:///path or redis://host."
        )
    config: dict = {"BACKEND": backend}
    options = {k.upper(): int(v[-1]) for k, v in parse_qs(parts.query).items() if v[-1].isdigit()}
    if parts.scheme == "locmem":
        config["LOCATION"] = parts.netloc
    elif parts.scheme == "db":
        table = (parts.netloc + parts.path).strip("/") or DEFAULT_TABLE
        if not table.replace("_", "").isalnum():
            raise ImproperlyConfigured(f"{setting}={url!r}: the table name must be a plain name.")
        config["LOCATION"] = table
        config["OPTIONS"] = {"MAX_ENTRIES": MAX_ENTRIES, **options}
    elif parts.scheme == "file":
        if parts.netloc or not parts.path.startswith("/"):
            raise ImproperlyConfigured(f"{setting}={url!r}: write file:///absolute/path.")
        config["LOCATION"] = parts.path
        config["OPTIONS"] = {"MAX_ENTRIES": MAX_ENTRIES, **options}
    else:
        if importlib.util.find_spec("redis") is None:
            raise ImproperlyConfigured(
                f"{setting}={url!r} needs the redis package: pip install redis."
            )
        config["LOCATION"] = url.strip()
    return config


def is_database(config: dict) -> bool:
    return config["BACKEND"] == _BACKENDS["db"]


def database_tables(caches: dict) -> list[str]:
    """The tables of the database caches in `caches` (settings.CACHES), and always the default
    one, so that switching CACHE_URL to db:// later needs no new table."""
    return sorted({DEFAULT_TABLE, *(c["LOCATION"] for c in caches.values() if is_database(c))})
