"""The site served as in production, for browser tests: gunicorn with config/gunicorn.py (as
`make serve` runs it), DEBUG=0, the Content-Security-Policy and WhiteNoise's hashed, compressed
static files collected into a temporary STATIC_ROOT, on a database of its own.

The database is a SQLite file in the given directory, or, when DATABASE_URL names PostgreSQL, a
database of its own on that server, created before and dropped after. Plain HTTP on loopback:
SECURE_SSL_REDIRECT=0 and SECURE_COOKIES=0, everything else as production has it. The server
listens on the first free port of E2E_SERVING_PORTS (default 8260-8269).

    with serve_production(tmp_path, seed=["load_demo"]) as site:
        page.goto(site.url + "/")
        site.run_tasks()  # what the worker would do: runs the queued background tasks

or, in a test module, the module-scoped fixture `production_site` (the demo loaded).
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.app_servers import own_database

ROOT = Path(__file__).resolve().parent.parent
SECRET_KEY = "e2e-production-serving-" + "s" * 40
# Kept from the calling environment; everything else the app reads is set here.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHONPATH", "VIRTUAL_ENV")


@dataclass
class ProductionSite:
    url: str
    env: dict[str, str]
    log: Path

    def manage(self, *args: str) -> str:
        """Run a management command against the site's database; returns its output."""
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, f"manage.py {' '.join(args)}:\n{done.stdout}{done.stderr}"
        return done.stdout

    def run_tasks(self) -> str:
        """Run every queued background task, as the worker (`make worker`) would, then stop;
        returns what it printed (the demo's e-mail backend prints the mail)."""
        return self.manage("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    def server_errors(self) -> list[str]:
        """Lines of the server's log that tell of an error: a traceback or a 5xx answer."""
        errors = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                if "Traceback" in line or "[ERROR]" in line:
                    errors.append(line)
                continue
            if entry.get("level") in {"ERROR", "CRITICAL"} or entry.get("status", 0) >= 500:
                errors.append(line)
        return errors


def serving_ports() -> range:
    first, _, last = os.environ.get("E2E_SERVING_PORTS", "8260-8269").partition("-")
    return range(int(first), int(last or first) + 1)


def free_port(ports: range) -> int:
    for port in ports:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


def production_environment(directory: Path, database_url: str, port: int) -> dict[str, str]:
    return {
        **{key: os.environ[key] for key in PASSED_THROUGH if key in os.environ},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(directory / "static"),
        "MEDIA_ROOT": str(directory / "media"),
        "HOST": f"127.0.0.1:{port}",
        "WEB_WORKERS": "2",
        "LOG_LEVEL": "INFO",
    }


def wait_until_up(url: str, server: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url + "/halsa/", timeout=10)
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"gunicorn did not answer at {url}:\n{log.read_text()}"
                ) from None
            time.sleep(0.3)


@contextlib.contextmanager
def serve_production(
    directory: Path, *, seed: Sequence[str] = ("load_demo",)
) -> Iterator[ProductionSite]:
    """Migrate, run the `seed` management command, collect the static files and serve the site
    with gunicorn until the block ends (then SIGTERM, as systemd stops it)."""
    port = free_port(serving_ports())
    with own_database(directory, f"serving_{port}") as database_url:
        url = f"http://127.0.0.1:{port}"
        env = production_environment(directory, database_url, port)
        site = ProductionSite(url=url, env=env, log=directory / "server.log")
        site.manage("migrate", "--noinput", "--verbosity", "0")
        if seed:
            site.manage(*seed)
        site.manage("collectstatic", "--noinput", "--verbosity", "0")
        with site.log.open("w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
                + ["--config", "config/gunicorn.py"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_until_up(url, server, site.log)
            yield site
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


@pytest.fixture(scope="module")
def production_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProductionSite]:
    """The demo served as in production, shared by the tests of one module."""
    with serve_production(tmp_path_factory.mktemp("production")) as site:
        yield site
