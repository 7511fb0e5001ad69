"""Scale-out: with DATABASE_REPLICA_URL set, public pages read from a second database alias.
The check runs in its own pytest process, because the alias exists only when the settings are
loaded with that variable (tests/replica/replica_check.py)."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def test_public_pages_run_against_a_second_database_alias(tmp_path):
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        replica_url = f"sqlite:///{tmp_path / 'replica-unused.sqlite3'}"  # MIRROR: the test db
        env = {"SQLITE_TEST_NAME": str(tmp_path / "primary.sqlite3")}
    else:
        # Its own database (test_<name>_replica), never the test database of this run.
        replica_url = os.environ["DATABASE_URL"].rstrip("/") + "_replica"
        env = {"DATABASE_URL": replica_url}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "python_files=replica_check.py",
            "tests/replica/replica_check.py",
        ],
        cwd=ROOT,
        env={**os.environ, **env, "DATABASE_REPLICA_URL": replica_url},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "2 passed" in run.stdout
