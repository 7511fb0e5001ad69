"""A slow task for tests/test_worker.py: it leaves a file when it starts and another when it
ends, so the test knows when to signal the worker and whether the task ran to its end."""

import time
from pathlib import Path

from django_tasks import task


@task()
def slow(folder: str, seconds: float) -> str:
    Path(folder, "started").write_text("1")
    time.sleep(seconds)
    Path(folder, "finished").write_text("1")
    return "klar"


@task()
def failing(kind: str) -> None:
    """Fails as a bug does: a ValueError, or (on SQLite) a query on a table that is not there,
    which SQLite reports as OperationalError although the database is fine."""
    if kind == "sql":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")
    raise ValueError("rad 12 saknar kommunkod")
