"""CACHE_URL and TASK_PROGRESS_CACHE_URL (config/cache_url.py): the URL forms, the defaults
(the database cache when DEBUG=0, this process's memory when DEBUG=1) and the cache table that
core's migration makes."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import cache_url

ROOT = Path(__file__).resolve().parent.parent
PRINT_CACHES = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; "
    "from django.conf import settings; print(settings.CACHES)"
)


def test_the_url_forms():
    assert cache_url.parse("locmem://") == {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "",
    }
    db = cache_url.parse("db://")
    assert db["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert db["LOCATION"] == "django_cache" and db["OPTIONS"]["MAX_ENTRIES"] == 50_000
    assert cache_url.parse("db://site_cache?max_entries=900")["LOCATION"] == "site_cache"
    assert cache_url.parse("db://site_cache?max_entries=900")["OPTIONS"]["MAX_ENTRIES"] == 900
    shared = cache_url.parse("file:///srv/shared/cache")
    assert shared["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert shared["LOCATION"] == "/srv/shared/cache"


@pytest.mark.parametrize(
    "url", ["memcached://127.0.0.1", "db://bad-name;drop", "file://relative/path", "nonsense"]
)
def test_other_urls_are_refused_with_the_setting_named(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_url.parse(url)


def test_redis_needs_its_package():
    if importlib.util.find_spec("redis") is None:
        with pytest.raises(ImproperlyConfigured, match="pip install redis"):
            cache_url.parse("redis://127.0.0.1:6379/0")
    else:
        config = cache_url.parse("redis://127.0.0.1:6379/0")
        assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"


def caches_with(**env: str) -> subprocess.CompletedProcess:
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "CACHE_URL", "TASK_PROGRESS_CACHE_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_CACHES],
        cwd=ROOT,
        env={**inherited, "SECRET_KEY": "k" * 50, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_shares_the_database_cache_and_the_demo_keeps_its_own():
    assert "backends.db.DatabaseCache" in caches_with(DEBUG="0").stdout
    assert "backends.locmem.LocMemCache" in caches_with(DEBUG="1").stdout
    chosen = caches_with(DEBUG="0", CACHE_URL="file:///tmp/ml-cache").stdout
    assert "FileBasedCache" in chosen and "/tmp/ml-cache" in chosen


def test_task_progress_cannot_go_to_the_database():
    run = caches_with(DEBUG="0", TASK_PROGRESS_CACHE_URL="db://")
    assert run.returncode != 0 and "TASK_PROGRESS_CACHE_URL cannot be db://" in run.stderr


@pytest.mark.django_db
def test_the_migration_makes_the_cache_table():
    from django.db import connection

    assert "django_cache" in connection.introspection.table_names()


def test_the_database_cache_never_reads_from_the_replica(monkeypatch):
    """A public page read from the replica still counts the flood limit on the primary."""
    from django.conf import settings
    from django.core.cache.backends.db import BaseDatabaseCache

    from core import replica
    from organisations.models import Municipality

    # Only the router looks: the connections were set up before.
    monkeypatch.setitem(settings.DATABASES, "replica", settings.DATABASES["default"])
    router = replica.PrimaryReplicaRouter()
    cache_model = BaseDatabaseCache("django_cache", {}).cache_model_class
    token = replica._public_read.set(True)
    try:
        assert router.db_for_read(Municipality) == "replica"
        assert router.db_for_read(cache_model) is None
    finally:
        replica._public_read.reset(token)
