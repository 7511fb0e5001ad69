"""The production stack on loopback for the load and fault benchmarks (bench_load.py,
bench_faults.py) and their quick test: a private, throw-away PostgreSQL cluster (initdb into
var/bench-pg/, started with pg_ctl on a port of its own, stopped and deleted at the end),
gunicorn with the project's config/gunicorn.py and production settings from the environment
(DEBUG=0), and the task worker (`manage.py task_worker`, as `make worker`).

    with Stack(pg_port=55430, web_port=8230) as stack:
        stack.migrate(); stack.setup_django(); ...seed...
        stack.start_web(); stack.start_worker()
        ...load...

Everything started here is stopped on leaving the block, also after an error: gunicorn and the
worker by their process group, the cluster with `pg_ctl stop -m immediate`, its directory
removed. Ports come from the caller (each bench and the test have their own).
"""

import contextlib
import http.client
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("BENCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
DB_NAME = os.environ.get("BENCH_PG_DB", "ml_loadbench")
SETTINGS = "bench.load_settings"


def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


class Stack:
    def __init__(self, *, pg_port: int, web_port: int, web_workers: int | None = None) -> None:
        self.pg_port = pg_port
        self.web_port = web_port
        self.web_workers = web_workers or int(os.environ.get("BENCH_WEB_WORKERS", "4"))
        base = ROOT / "var" / "bench-pg"
        base.mkdir(parents=True, exist_ok=True)
        self.run_dir = Path(tempfile.mkdtemp(prefix=f"{pg_port}-", dir=base))
        self.pg_data = self.run_dir / "data"
        self.logs = self.run_dir / "logs"
        self.logs.mkdir()
        self.pids = self.run_dir / "pids"  # read by the quick test's clean-up
        self.web: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self.pg_started = False

    # --- environment -------------------------------------------------------------------------
    @property
    def database_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.pg_port}/{DB_NAME}"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def env(self, **extra: str) -> dict[str, str]:
        """Production settings from the environment, as `make serve` gets them, on plain HTTP."""
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.database_url,
            "SECURE_SSL_REDIRECT": "0",  # loopback, no TLS terminator in front
            "SECURE_COOKIES": "0",
            "HOST": f"127.0.0.1:{self.web_port}",
            "WEB_WORKERS": str(self.web_workers),
            "LOG_REQUESTS": "0",
            # One address sends everything here; the flood limit is per address.
            "REPORT_RATE_LIMIT": "1000000",
            "EMAIL_BACKEND": "bench.slow_mail.EmailBackend",
            "PYTHONPATH": str(ROOT),
            # Its own static files, never var/staticfiles that a running server or test reads.
            "STATIC_ROOT": str(ROOT / "var" / f"bench-static-{self.web_port}"),
        }
        env.pop("DATABASE_REPLICA_URL", None)
        env.update(extra)
        return env

    # --- PostgreSQL --------------------------------------------------------------------------
    def start_pg(self) -> None:
        self.pg_data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.run_dir, "postgres")
            shutil.chown(self.pg_data, "postgres")
            shutil.chown(self.logs, "postgres")
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(self.pg_data), "-A", "trust", "-U", "postgres"]
                + ["--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.pg_started = True
        self._pg_ctl("start", "-w", "-t", "60")
        subprocess.run(
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.pg_port)]
            + ["-U", "postgres", DB_NAME],
            check=True,
        )

    def _pg_ctl(self, action: str, *args: str) -> None:
        options = (
            f"-p {self.pg_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories="
            f"{self.run_dir} -c max_connections=100 -c fsync=on"
        )
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.pg_data), "-l", str(self.logs / "pg.log")]
                + ["-o", options, action, *args]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def restart_pg(self) -> None:
        """`pg_ctl restart -m fast`: sessions are cut, in-flight transactions rolled back."""
        self._pg_ctl("restart", "-m", "fast", "-w", "-t", "60")

    def stop_pg_fast(self) -> None:
        self._pg_ctl("stop", "-m", "fast", "-w", "-t", "60")

    def start_pg_again(self) -> None:
        self._pg_ctl("start", "-w", "-t", "60")

    # --- Django ------------------------------------------------------------------------------
    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [_python(), "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def migrate(self) -> None:
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")

    def setup_django(self) -> None:
        """This process as a Django client of the same database (seeding, counting rows)."""
        os.environ.update(self.env())
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()

    # --- gunicorn and the worker -------------------------------------------------------------
    def start_web(self, timeout: float = 120) -> None:
        log = open(self.logs / "gunicorn.log", "ab")  # noqa: SIM115 - closed with the process
        self.web = subprocess.Popen(
            [str(Path(_python()).parent / "gunicorn"), "config.wsgi:application"]
            + ["--config", "config/gunicorn.py"],
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self._note_pid("web", self.web)
        deadline = time.monotonic() + timeout
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.web_port, timeout=10)
                conn.request("GET", "/halsa/")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return
            except OSError:
                pass
            if self.web.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start; see {self.logs / 'gunicorn.log'}")
            time.sleep(0.2)

    def start_worker(self) -> subprocess.Popen:
        n = len(self.workers)
        log = open(self.logs / f"worker-{n}.log", "ab")  # noqa: SIM115 - closed with the process
        worker = subprocess.Popen(
            [_python(), "manage.py", "task_worker", "--no-reload", "--interval", "0.2"]
            + ["--no-startup-delay"],
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self.workers.append(worker)
        self._note_pid("worker", worker)
        return worker

    def _note_pid(self, what: str, process: subprocess.Popen) -> None:
        with self.pids.open("a") as f:
            f.write(f"{what} {process.pid}\n")

    @staticmethod
    def _stop(process: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=40)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def stop_worker(self, worker: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
        self._stop(worker, sig)

    # --- the whole --------------------------------------------------------------------------
    def __enter__(self) -> "Stack":
        # SIGTERM (a test's clean-up, a timeout) stops the stack as an error does.
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _exit_on_sigterm)
        try:
            self.start_pg()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001,S110 - Django may not be set up in this process
            pass
        for worker in self.workers:
            self._stop(worker)
        self._stop(self.web)
        if self.pg_started:
            with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
                self._pg_ctl("stop", "-m", "immediate", "-w", "-t", "60")
        if os.environ.get("BENCH_KEEP_LOGS"):
            return
        shutil.rmtree(self.run_dir, ignore_errors=True)
