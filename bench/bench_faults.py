"""Faults under load (issue 9, part 7), on the production stack of bench/stack.py with the load
of bench/loadgen.py (twice a realistic campaign peak):

1. the task worker is killed (SIGKILL) while it runs a task (a report's e-mail, which takes
   BENCH_MAIL_SECONDS, as an SMTP server would); `requeue_stuck_tasks --minutes 0` (no worker
   is running then) puts the task back and a new worker is started;
2. PostgreSQL is restarted mid-load (`pg_ctl restart -m fast`);
3. PostgreSQL is stopped (`-m fast`) for BENCH_OUTAGE_SECONDS (default 5) and started again,
   an outage long enough for many requests to meet it.

Figures: while the database is away requests get the app's Swedish 503 page with Retry-After
and /halsa/ answers 503; the recovery time after the database is back (until the first page
served, and the last request refused, after it; and
no 5xx outside the outages plus RECOVERY_GRACE_SECONDS); every task enqueued ends done,
the killed one too; nothing acknowledged is lost (stored ≥ acknowledged: a row committed whose
answer was cut off by the restart is counted as stored but not acknowledged). The baseline is
the same load on the same stack without faults, run first.

BENCH_FAULTS_SECONDS (default 75) per phase; ports BENCH_FAULTS_WEB_PORT (8231) and
BENCH_FAULTS_PG_PORT (55431).
"""

import http.client
import os
import signal
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import loadgen  # noqa: E402
from bench.common import emit  # noqa: E402
from bench.stack import Stack  # noqa: E402

SECONDS = float(os.environ.get("BENCH_FAULTS_SECONDS", "75"))
WEB_PORT = int(os.environ.get("BENCH_FAULTS_WEB_PORT", "8231"))
PG_PORT = int(os.environ.get("BENCH_FAULTS_PG_PORT", "55431"))
OUTAGE_SECONDS = float(os.environ.get("BENCH_OUTAGE_SECONDS", "5"))
RECOVERY_GRACE_SECONDS = 5.0
TASKS_DONE_TIMEOUT = 180.0
TAIL_SECONDS = 2 * RECOVERY_GRACE_SECONDS


def orm(fn):  # noqa: ANN001,ANN201 - a query from the controller, on a fresh connection
    from django.db import connections

    connections.close_all()
    return fn()


def task_counts() -> dict[str, int]:
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def running_task_ids() -> list[str]:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list("id")
    return [str(pk) for (pk,) in rows]


class HealthProbe(threading.Thread):
    """GET /halsa/ four times a second: (time, status)."""

    def __init__(self, port: int, t0: float) -> None:
        super().__init__(daemon=True)
        self.port, self.t0 = port, t0
        self.samples: list[tuple[float, int, bool]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            status, retry_after = 0, False
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                conn.request("GET", "/halsa/")
                response = conn.getresponse()
                response.read()
                status = response.status
                retry_after = response.headers.get("Retry-After") is not None
                conn.close()
            except OSError:
                pass
            self.samples.append((time.monotonic() - self.t0, status, retry_after))
            self.stopping.wait(0.25)


def kill_worker_mid_task(stack: Stack, seeded: loadgen.Seeded, run: loadgen.Run, t0: float) -> dict:
    """File one report (its e-mail is a task), wait until the worker runs a task, SIGKILL it,
    requeue what it left running, start a new worker."""
    started = time.monotonic() - t0
    visitor = loadgen.Visitor(WEB_PORT, run, t0, "report")
    loadgen.visit(loadgen.Job(0, "report"), visitor, seeded, None, baseline=False)
    visitor.close()
    deadline = time.monotonic() + 20
    running = []
    while time.monotonic() < deadline and not running:
        running = orm(running_task_ids)
        if not running:
            time.sleep(0.05)
    worker = stack.workers[-1]
    killed = time.monotonic() - t0
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    left_running = orm(running_task_ids)
    out = stack.manage("requeue_stuck_tasks", "--minutes", "0")
    stack.start_worker()
    return {
        "started_s": round(started, 1),
        "killed_s": round(killed, 1),
        "new_worker_s": round(time.monotonic() - t0, 1),
        "killed_mid_task": bool(set(running) & set(left_running)),
        "left_running": left_running,
        "requeue_output": out.strip().splitlines()[0] if out.strip() else "",
    }


def fault_phase(stack: Stack, seeded: loadgen.Seeded, pools: loadgen.Pools) -> tuple:
    jobs = loadgen.schedule(SECONDS, seeded.pages, seed_value=10)
    run = loadgen.Run()
    t0 = time.monotonic()
    probe = HealthProbe(WEB_PORT, t0)
    probe.start()
    load = threading.Thread(
        target=loadgen.run_load, args=(WEB_PORT, jobs, seeded, pools), kwargs={"t0": t0, "run": run}
    )
    load.start()

    def wait_until(fraction: float) -> None:
        """Until that part of the load, and at least 5 s after the last fault (a slow machine
        may take long to kill and restart the worker)."""
        since_last = (outages[-1]["up_s"] + 5) if outages else 0
        delay = max(fraction * SECONDS, since_last) - (time.monotonic() - t0)
        if delay > 0:
            time.sleep(delay)

    outages = []
    wait_until(0.12)
    kill = kill_worker_mid_task(stack, seeded, run, t0)
    wait_until(0.4)
    down = time.monotonic() - t0
    stack.restart_pg()
    outages.append(
        {"fault": "pg_ctl restart -m fast", "down_s": down, "up_s": time.monotonic() - t0}
    )
    wait_until(0.65)
    down = time.monotonic() - t0
    stack.stop_pg_fast()
    time.sleep(OUTAGE_SECONDS)
    stack.start_pg_again()
    outages.append(
        {
            "fault": f"stop -m fast, {OUTAGE_SECONDS:g} s down, start",
            "down_s": down,
            "up_s": time.monotonic() - t0,
        }
    )
    load.join()
    # The load goes on for a while after the last fault (with a short BENCH_FAULTS_SECONDS the
    # faults may end after the schedule): recovery and /halsa/ are then seen under load.
    now = time.monotonic() - t0
    if now < outages[-1]["up_s"] + TAIL_SECONDS:
        tail = loadgen.schedule(TAIL_SECONDS, seeded.pages, seed_value=11)
        for job in tail:
            job.at += now
        loadgen.run_load(WEB_PORT, tail, seeded, pools, t0=t0, run=run)
    probe.stopping.set()
    probe.join()
    return run, outages, probe.samples, kill


def wait_for_tasks() -> tuple[dict, float]:
    start = time.monotonic()
    while True:
        counts = orm(task_counts)
        if not counts.get("READY") and not counts.get("RUNNING"):
            return counts, time.monotonic() - start
        if time.monotonic() - start > TASKS_DONE_TIMEOUT:
            return counts, time.monotonic() - start
        time.sleep(0.5)


def judge(records: list, outages: list, health: list) -> dict:
    def met(r: loadgen.Record, o: dict) -> bool:
        """The request was in flight while the database was away, or soon after it was back."""
        return r.end >= o["down_s"] and r.start <= o["up_s"] + RECOVERY_GRACE_SECONDS

    errors = [r for r in records if r.status >= 500 or r.status == 0]
    outside = [r for r in errors if not any(met(r, o) for o in outages)]
    for r in outside:
        print(f"error outside the outages: {r}", file=sys.stderr)
    figures = []
    for o in outages:
        mine = [r for r in errors if met(r, o)]
        # Requests sent after the database was back and still refused; the first one served.
        late = [r.start - o["up_s"] for r in mine if r.start >= o["up_s"]]
        ok_after = [
            r.end - o["up_s"] for r in records if r.start >= o["up_s"] and 200 <= r.status < 400
        ]
        first_ok = min(ok_after) if ok_after else None
        probes = [s for s in health if o["down_s"] <= s[0] <= o["up_s"]]
        figures.append(
            {
                "fault": o["fault"],
                "outage_s": round(o["up_s"] - o["down_s"], 2),
                "requests_5xx": len(mine),
                "clear_503": sum(r.status == 503 and r.swedish_503 and r.retry_after for r in mine),
                "no_answer": sum(r.status == 0 for r in mine),
                "down_at_s": round(o["down_s"], 1),
                "recovery_s": round(max([*late, first_ok or 0.0]), 2),
                "refused_after_up": len(late),
                "first_ok_after_up_s": round(first_ok, 2) if first_ok is not None else None,
                "health_503_during": sum(s[1] == 503 and s[2] for s in probes),
                "health_probes_during": len(probes),
            }
        )
    last = [s for s in health if s[0] > outages[-1]["up_s"] + RECOVERY_GRACE_SECONDS]
    return {
        "outages": figures,
        "errors_outside_outages": len(outside),
        "health_ok_after": bool(last) and all(s[1] == 200 for s in last),
    }


def main() -> dict:
    os.environ.setdefault("BENCH_MAIL_SECONDS", "2")
    with Stack(pg_port=PG_PORT, web_port=WEB_PORT) as stack:
        stack.migrate()
        stack.setup_django()
        from django.db import connections

        from participation.models import ResidentReport

        seeded = loadgen.seed(loadgen.expected_jobs(2 * SECONDS + TAIL_SECONDS))
        reports_before = ResidentReport.objects.count()
        connections.close_all()
        stack.start_web()
        stack.start_worker()
        loadgen.warm_up(WEB_PORT, seeded.pages, per_page=2 * stack.web_workers)
        pools = loadgen.Pools(list(seeded.drafts), list(seeded.base_codes))
        base = loadgen.run_load(WEB_PORT, loadgen.schedule(SECONDS, seeded.pages), seeded, pools)
        base_counts = orm(lambda: loadgen.stored(seeded, reports_before))
        run, outages, health, kill = fault_phase(stack, seeded, pools)
        tasks, tasks_wait = wait_for_tasks()
        counts = orm(lambda: loadgen.stored(seeded, reports_before))
        killed_done = orm(lambda: killed_status(kill["left_running"]))
        connections.close_all()
    verdict = judge(run.records, outages, health)
    stored = {k: counts[k] - base_counts[k] for k in ("survey_submit", "report")}
    acknowledged = {k: run.acknowledged.get(k, 0) for k in stored}
    lost = sum(max(0, acknowledged[k] - stored[k]) for k in stored)
    base_summary = loadgen.summary(base.records)
    fault_summary = loadgen.summary(run.records)
    base_errors = sum(k["status_5xx"] + k["no_answer"] for k in base_summary.values())
    all_done = set(tasks) <= {"SUCCESSFUL"}
    clear = all(o["clear_503"] == o["requests_5xx"] - o["no_answer"] for o in verdict["outages"])
    health_503 = all(o["health_503_during"] > 0 for o in verdict["outages"] if o["outage_s"] > 1)
    meets = (
        verdict["errors_outside_outages"] == 0
        and clear
        and health_503
        and verdict["health_ok_after"]
        and all_done
        and killed_done
        and lost == 0
        and base_errors == 0
    )
    recovery = max(o["recovery_s"] for o in verdict["outages"])
    result = {
        "name": "faults_under_load_recovery",
        "value": recovery,
        "unit": "s from the database back to the first page served and the last refused (worst)",
        "baseline_name": "same_load_no_faults_5xx",
        "baseline_value": base_errors,
        "goal": "5xx only during outages (clear Swedish 503 + Retry-After, /halsa/ 503), "
        "recovery <= 5 s, all tasks done, nothing acknowledged lost",
        "meets": meets and recovery <= RECOVERY_GRACE_SECONDS,
        "seconds": SECONDS,
        **verdict,
        "worker_kill": {**kill, "killed_task_done": killed_done},
        "tasks": {**tasks, "all_done": all_done, "waited_s": round(tasks_wait, 1)},
        "acknowledged": acknowledged,
        "stored": stored,
        "acknowledged_lost": lost,
        "stored_not_acknowledged": sum(max(0, stored[k] - acknowledged[k]) for k in stored),
        "p95_ms": {k: v["p95_ms"] for k, v in fault_summary.items()},
        "baseline_p95_ms": {k: v["p95_ms"] for k, v in base_summary.items()},
        "baseline_stored_equals_acknowledged": all(
            base_counts[k] == base.acknowledged.get(k, 0) for k in ("survey_submit", "report")
        ),
    }
    emit(**result)
    return result


def killed_status(ids: list[str]) -> bool:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if not ids:
        return True
    return DBTaskResult.objects.filter(
        pk__in=ids, status=TaskResultStatus.SUCCESSFUL
    ).count() == len(ids)


if __name__ == "__main__":
    main()
