"""`make serve` with production settings serves the site with gunicorn: /halsa/ answers, a public
page renders with hashed, compressed static files, and SIGTERM stops it cleanly."""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, seconds: float = 600):  # noqa: ANN201
    """The first answer from `url` (migrating a new database takes a while on a busy machine)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return urllib.request.urlopen(url, timeout=10)
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_make_serve_runs_gunicorn_with_production_settings(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "serve-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HOST": f"127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "WEB_WORKERS": "2",
        # Its own static files: collectstatic must not rewrite var/staticfiles under other tests.
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    env.pop("MAKEFLAGS", None)
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    output = ""
    try:
        health = wait_for(f"http://127.0.0.1:{port}/halsa/", server)
        assert health.status == 200
        page = wait_for(f"http://127.0.0.1:{port}/", server).read().decode()
        assert "Medborgarlöften" in page
        css = next(part for part in page.split('"') if part.endswith(".css"))
        assert len(css.rsplit(".", 2)[-2]) == 12, f"hashed name expected, got {css}"
        static = urllib.request.urlopen(
            urllib.request.Request(
                f"http://127.0.0.1:{port}{css}", headers={"Accept-Encoding": "gzip"}
            )
        )
        assert static.headers["Content-Encoding"] == "gzip"
        assert "max-age" in static.headers["Cache-Control"]
    except Exception:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        print(server.communicate(timeout=60)[0].decode())
        raise
    os.killpg(server.pid, signal.SIGTERM)
    output = server.communicate(timeout=60)[0].decode()
    assert server.returncode is not None
    assert "Traceback" not in output, output
