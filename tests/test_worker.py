"""`make worker` (manage.py task_worker, on django-tasks' db_worker) stops cleanly: SIGTERM
mid-task lets the task finish; a second SIGTERM stops it and puts it back in the queue; a
SIGKILL leaves it running until `requeue_stuck_tasks` puts it back. Never lost or stuck.

The real worker runs as a subprocess on a file SQLite database of its own."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLE = "django_tasks_database_dbtaskresult"
TASK_SECONDS = 4


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("worker")
    db = folder / "worker.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "TASKS_IMMEDIATE": "0",
    }
    env.pop("DATABASE_REPLICA_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return db, env


def manage(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


def enqueue(env: dict, folder: Path) -> str:
    code = (
        "from tests.worker_tasks import slow; "
        f"print(slow.enqueue({str(folder)!r}, {TASK_SECONDS}).id)"
    )
    return manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1]


def status(db: Path, task_id: str) -> str:
    """Read by SQLite itself (Django stores a UUID as 32 hex digits there)."""
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            f"SELECT status FROM {TABLE} WHERE id = ?",  # noqa: S608 - a constant table name
            (task_id.replace("-", ""),),
        ).fetchone()
    assert row is not None, f"task {task_id} is gone"
    return row[0]


def start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "task_worker", "--no-reload", "--interval", "0.1"]
        + ["--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(path: Path, worker: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert worker.poll() is None, worker.communicate()[0]
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def stop(worker: subprocess.Popen) -> str:
    try:
        return worker.communicate(timeout=120)[0]
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def test_make_worker_runs_the_task_worker():
    dry_run = subprocess.run(
        ["make", "-n", "--no-print-directory", "worker"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "manage.py task_worker --no-reload" in dry_run


def test_sigterm_mid_task_lets_the_task_finish(database, tmp_path):
    db, env = database
    task_id = enqueue(env, tmp_path)
    worker = start_worker(env)
    try:
        wait_for(tmp_path / "started", worker)
        assert status(db, task_id) == "RUNNING"
        worker.send_signal(signal.SIGTERM)
        output = stop(worker)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, output
    assert (tmp_path / "finished").exists()
    assert status(db, task_id) == "SUCCESSFUL"


def test_second_sigterm_puts_the_task_back_in_the_queue(database, tmp_path):
    db, env = database
    task_id = enqueue(env, tmp_path)
    worker = start_worker(env)
    try:
        wait_for(tmp_path / "started", worker)
        worker.send_signal(signal.SIGTERM)
        time.sleep(0.2)  # not an assertion: lets the first signal be handled on its own
        worker.send_signal(signal.SIGTERM)
        output = stop(worker)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert not (tmp_path / "finished").exists(), output
    assert status(db, task_id) == "READY", output
    # The next worker runs it to its end.
    manage(env, "task_worker", "--no-reload", "--batch", "--no-startup-delay", timeout=300)
    assert status(db, task_id) == "SUCCESSFUL"
    assert (tmp_path / "finished").exists()


def test_sigkill_leaves_it_running_until_requeue_stuck_tasks(database, tmp_path):
    db, env = database
    task_id = enqueue(env, tmp_path)
    worker = start_worker(env)
    try:
        wait_for(tmp_path / "started", worker)
        worker.kill()
        worker.wait()
    finally:
        if worker.poll() is None:
            worker.kill()
    assert status(db, task_id) == "RUNNING"
    out = manage(env, "requeue_stuck_tasks", "--minutes", "0").stdout
    assert "1 uppgifter köades om" in out
    assert status(db, task_id) == "READY"
    manage(env, "task_worker", "--no-reload", "--batch", "--no-startup-delay", timeout=300)
    assert status(db, task_id) == "SUCCESSFUL"


def test_a_failing_task_is_marked_failed_with_its_error(database):
    db, env = database
    code = (
        "from tests.worker_tasks import failing; "
        "print(failing.enqueue('value').id); print(failing.enqueue('sql').id)"
    )
    value_id, sql_id = manage(env, "shell", "-c", code).stdout.strip().splitlines()[-2:]
    # --batch stops when the queue is empty: a task put back for ever would never let it.
    manage(env, "task_worker", "--no-reload", "--batch", "--no-startup-delay", timeout=300)
    assert status(db, value_id) == "FAILED"
    assert status(db, sql_id) == "FAILED"
    with sqlite3.connect(db) as conn:
        (traceback,) = conn.execute(
            f"SELECT traceback FROM {TABLE} WHERE id = ?",  # noqa: S608 - a constant table name
            (value_id.replace("-", ""),),
        ).fetchone()
    assert "ValueError: rad 12 saknar kommunkod" in traceback
