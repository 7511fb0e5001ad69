"""bench_load.py and bench_faults.py, tiny: the production stack comes up on ports of its own
(8232/55432 and 8233/55433), the JSON line has its shape, there are no 5xx outside the
outages, nothing acknowledged is lost and every task ends done. No figure is asserted on (the
machine is shared): those are for `make bench`. Whatever happens, the processes and the
PostgreSQL cluster the benches started are stopped and removed."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")

pytestmark = [
    pytest.mark.bench_small,
    pytest.mark.skipif(not (PG_BIN / "initdb").exists(), reason="needs PostgreSQL 15's initdb"),
]


def clean_up(pg_port: int) -> None:
    """Stop what a bench on that port left behind (only after a crash or a timeout)."""
    for run_dir in (ROOT / "var" / "bench-pg").glob(f"{pg_port}-*"):
        pids = run_dir / "pids"
        for line in pids.read_text().splitlines() if pids.exists() else []:
            pid = int(line.split()[1])
            cmdline = Path(f"/proc/{pid}/cmdline")
            # Only our own gunicorn or worker (a pid may have been reused since).
            if cmdline.exists() and any(
                name in cmdline.read_bytes() for name in (b"gunicorn", b"task_worker")
            ):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signal.SIGKILL)
        if (run_dir / "data" / "postmaster.pid").exists():
            command = [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(run_dir / "data"),
                "stop",
                "-m",
                "immediate",
            ]
            if os.geteuid() == 0:
                command = ["runuser", "-u", "postgres", "--", *command]
            subprocess.run(command, capture_output=True)
        shutil.rmtree(run_dir, ignore_errors=True)


def run_bench(script: str, pg_port: int, **env: str) -> dict:
    process = subprocess.Popen(
        [sys.executable, f"bench/{script}"],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=1200)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGTERM)  # the bench stops its stack on SIGTERM
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        clean_up(pg_port)
    assert process.returncode == 0, err[-5000:]
    lines = [line for line in out.splitlines() if line.startswith("{")]
    assert len(lines) == 1, out
    return json.loads(lines[0])


def test_bench_load_small():
    result = run_bench(
        "bench_load.py",
        55432,
        BENCH_LOAD_SECONDS="6",
        BENCH_LOAD_WEB_PORT="8232",
        BENCH_LOAD_PG_PORT="55432",
        BENCH_WEB_WORKERS="2",
    )
    assert {"name", "value", "unit", "baseline_name", "baseline_value", "meets"} <= set(result)
    assert result["errors"] == 0, result
    assert result["stored_equals_acknowledged"] is True
    kinds = result["kinds"]
    for kind in ("survey_submit", "report", "public_page", "baseline_submit"):
        figures = kinds[kind]
        assert figures["status_5xx"] == 0 and figures["no_answer"] == 0, (kind, figures)
        assert {"requests", "p50_ms", "p95_ms"} <= set(figures)
    for kind in ("survey_submit", "report", "baseline_submit"):
        assert kinds[kind]["stored"] == kinds[kind]["acknowledged"] > 0, (kind, kinds[kind])
    assert not list((ROOT / "var" / "bench-pg").glob("55432-*"))


def test_bench_faults_small():
    result = run_bench(
        "bench_faults.py",
        55433,
        BENCH_FAULTS_SECONDS="12",
        BENCH_FAULTS_WEB_PORT="8233",
        BENCH_FAULTS_PG_PORT="55433",
        BENCH_OUTAGE_SECONDS="2",
        BENCH_MAIL_SECONDS="1",
        BENCH_WEB_WORKERS="2",
    )
    assert {"name", "value", "unit", "baseline_name", "baseline_value", "meets"} <= set(result)
    assert result["baseline_value"] == 0  # no 5xx without faults
    assert result["errors_outside_outages"] == 0, result
    for outage in result["outages"]:
        # Every 5xx while the database was away is the app's Swedish 503 with Retry-After.
        assert outage["clear_503"] == outage["requests_5xx"] - outage["no_answer"], outage
        assert outage["no_answer"] == 0, outage
    assert result["outages"][-1]["health_503_during"] > 0
    assert result["health_ok_after"] is True
    assert result["worker_kill"]["killed_task_done"] is True
    assert result["tasks"]["all_done"] is True and result["tasks"]["SUCCESSFUL"] > 0
    assert result["acknowledged_lost"] == 0
    assert result["baseline_stored_equals_acknowledged"] is True
    assert not list((ROOT / "var" / "bench-pg").glob("55433-*"))
