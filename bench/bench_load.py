"""The site under twice a realistic campaign peak (issue 9, part 7), on the production stack:
gunicorn with config/gunicorn.py and DEBUG=0 settings, PostgreSQL on loopback (a private
cluster, bench/stack.py), the task worker beside them. The load and its rate are explained in
bench/loadgen.py: survey answers (GET the page, POST with CSRF), resident reports, public pages.

Figures per kind of visit: requests, p50/p95, 5xx; and stored == acknowledged (rows counted in
the database afterwards equal the 302s that told the visitor it was saved). The baseline is the
same schedule, in the same run, against the minimal submit endpoint (one UPDATE, one INSERT).
Goal: zero 5xx, stored == acknowledged, and p95 of the real answer POST within 10 × the
baseline's p95 (generous: the real view validates and stores 30 answers, renders, logs).

BENCH_LOAD_SECONDS (default 60) sets the length of each phase; ports BENCH_LOAD_WEB_PORT (8230)
and BENCH_LOAD_PG_PORT (55430).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import loadgen  # noqa: E402
from bench.common import emit  # noqa: E402
from bench.stack import Stack  # noqa: E402

SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
WEB_PORT = int(os.environ.get("BENCH_LOAD_WEB_PORT", "8230"))
PG_PORT = int(os.environ.get("BENCH_LOAD_PG_PORT", "55430"))


def main() -> dict:
    with Stack(pg_port=PG_PORT, web_port=WEB_PORT) as stack:
        stack.migrate()
        stack.setup_django()
        from django.db import connections

        from participation.models import ResidentReport

        seeded = loadgen.seed(loadgen.expected_jobs(SECONDS))
        reports_before = ResidentReport.objects.count()
        connections.close_all()
        stack.start_web()
        stack.start_worker()
        loadgen.warm_up(WEB_PORT, seeded.pages, per_page=2 * stack.web_workers)
        jobs = loadgen.schedule(SECONDS, seeded.pages)
        pools = loadgen.Pools(list(seeded.drafts), list(seeded.base_codes))
        real = loadgen.run_load(WEB_PORT, jobs, seeded, pools)
        base = loadgen.run_load(WEB_PORT, jobs, seeded, pools, baseline=True)
        counts = loadgen.stored(seeded, reports_before)
        connections.close_all()
    kinds = loadgen.summary(real.records + base.records)
    for kind, figures in kinds.items():
        figures["stored"] = counts.get(kind)
    consistent = all(
        kinds[k]["stored"] == kinds[k]["acknowledged"]
        for k in ("survey_submit", "report", "baseline_submit")
        if k in kinds
    )
    errors = sum(k["status_5xx"] + k["no_answer"] + k["other_errors"] for k in kinds.values())
    real_p95 = kinds.get("survey_submit", {}).get("p95_ms")
    base_p95 = kinds.get("baseline_submit", {}).get("p95_ms")
    ratio = round(real_p95 / base_p95, 2) if real_p95 and base_p95 else None
    result = {
        "name": "load_twice_campaign_peak",
        "value": real_p95,
        "unit": "ms p95 (survey answer page GET + POST)",
        "baseline_name": "same_load_minimal_submit_endpoint",
        "baseline_value": base_p95,
        "ratio": ratio,
        "goal": "zero 5xx, stored == acknowledged, p95 ratio <= 10",
        "meets": errors == 0 and consistent and ratio is not None and ratio <= 10,
        "seconds": SECONDS,
        "rates_per_s": {
            "survey_submit": round(loadgen.SUBMIT_RATE, 3),
            "report": round(loadgen.REPORT_RATE, 3),
            "public_page": round(loadgen.PAGE_RATE, 3),
        },
        "stored_equals_acknowledged": consistent,
        "errors": errors,
        "kinds": kinds,
        "web_workers": stack.web_workers,
        "database": "postgresql (private cluster, loopback)",
    }
    emit(**result)
    return result


if __name__ == "__main__":
    main()
