"""Real app servers for the scale-out tests: a database of their own (PostgreSQL when the suite
runs on it, else one SQLite file), shared uploads and task-progress directories, and gunicorn
processes started as `make serve` starts them, on ports 8250–8259."""

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import requests

from tests.second_factor_helpers import AppOnPhone

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(8250, 8260)
SECRET_KEY = "two-app-servers-" + "s" * 50
# Variables of the test run that must not reach a production-like server.
NOT_INHERITED = {
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_REPLICA_URL",
    "MAKEFLAGS",
    "TASKS_IMMEDIATE",
    "CACHE_URL",
    "TASK_PROGRESS_CACHE_URL",
    "MEDIA_ROOT",
}


@contextlib.contextmanager
def own_database(directory: Path, name: str) -> Iterator[str]:
    """A DATABASE_URL of the site's own: a SQLite file in `directory`, or a new database on the
    PostgreSQL server of the caller's DATABASE_URL (dropped afterwards), named
    `<that database>_<name>`. Used by the two-server test and by e2e/serving.py."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{directory / f'{name}.sqlite3'}"
        return
    from psycopg import sql

    parts = urlsplit(url)
    database = f"{parts.path.lstrip('/') or 'postgres'}_{name}"
    admin = urlunsplit(parts._replace(path="/postgres"))

    def execute(statement: sql.Composed) -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(statement)

    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
    execute(drop)
    execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    try:
        yield urlunsplit(parts._replace(path=f"/{database}"))
    finally:
        execute(drop)


def production_env(database_url: str, shared: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(
        DEBUG="0",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(shared / "media"),
        STATIC_ROOT=str(shared / "static"),
        TASK_PROGRESS_CACHE_URL=f"file://{shared / 'task-progress'}",
        WEB_WORKERS="2",
        **extra,
    )
    return env


def manage(*args: str, env: dict[str, str]) -> str:
    run = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def free_port(taken: set[int]) -> int:
    for port in PORTS:
        if port in taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port in 8250–8259")


@dataclass
class AppServer:
    """One gunicorn, as `make serve` runs it; its standard error goes to `log`."""

    port: int
    log: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, env: dict[str, str]) -> None:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    str(ROOT / ".venv" / "bin" / "gunicorn"),
                    "config.wsgi:application",
                    "--config",
                    "config/gunicorn.py",
                ],
                cwd=ROOT,
                env={**env, "HOST": f"127.0.0.1:{self.port}"},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_up(self, seconds: float = 600) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                if requests.get(f"{self.url}/halsa/", timeout=10).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server on {self.port} did not start:\n{self.output()}")
            time.sleep(0.3)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=60)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def raw(self, request: bytes) -> bytes:
        """Send bytes as they are (a malformed request no HTTP client would write)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
            s.sendall(request)
            answer = b""
            while chunk := s.recv(65536):
                answer += chunk
        return answer


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


# The app each staff member set up at enrolment, by user (one database per test module).
_apps_on_phones: dict[str, AppOnPhone] = {}


def log_in(server: AppServer, username: str, password: str) -> requests.Session:
    """A browser logged in as a staff member through `server`'s login form, giving the second
    factor: enrolling an app with the key the page shows the first time, a code from it after."""
    browser = requests.Session()
    page = browser.get(f"{server.url}/logga-in/", timeout=30)
    answer = browser.post(
        f"{server.url}/logga-in/",
        {"csrfmiddlewaretoken": csrf_token(page.text), "username": username, "password": password},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text
    step = urlsplit(answer.headers["Location"]).path
    if step not in ("/logga-in/kod/", "/logga-in/ny-app/"):
        return browser
    page = browser.get(f"{server.url}{step}", timeout=30)
    if step == "/logga-in/ny-app/":
        secret = re.search(r'<code id="secret">([^<]+)</code>', page.text).group(1)
        _apps_on_phones[username] = AppOnPhone(secret)
    answer = browser.post(
        f"{server.url}{step}",
        {"csrfmiddlewaretoken": csrf_token(page.text), "code": _apps_on_phones[username].code()},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code in (200, 302), answer.text
    assert (
        browser.get(f"{server.url}/personal/", allow_redirects=False, timeout=30).status_code == 200
    )
    return browser
