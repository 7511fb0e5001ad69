"""Durable submission of a 30-question survey response through the real answer view, on
gunicorn + PostgreSQL, against a minimal endpoint in the same run that does only the code's
UPDATE and one INSERT (bench/submit_urls.py, mounted only by bench/submit_settings.py).

A load generator on loopback (threads, keep-alive connections, standard library only) behaves as
a browser: it GETs the page, then POSTs the form with the CSRF token and cookie. The GETs come
first, untimed; the POSTs are timed, alternating baseline and real rounds so that drift on a
shared machine hits both alike. Goal: the real view reaches at least 0.8 of the baseline's
throughput, with zero errors and as many responses stored as acknowledged.

Needs PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) is
used to create and finally drop a throw-away database.
"""

import http.client
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from common import ROOT, emit
from survey_answers import CSRF_FIELD, QUESTIONS, answers_for

ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DB_NAME = f"{os.environ.get('BENCH_DB_PREFIX', 'medborgarloften_bench')}_submit_{os.getpid()}"
PORT = int(os.environ.get("BENCH_SUBMIT_PORT", "8115"))
WORKERS = int(os.environ.get("BENCH_SUBMIT_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
CLIENTS = int(os.environ.get("BENCH_SUBMIT_CLIENTS", "8"))
PER_ROUND = int(os.environ.get("BENCH_SUBMIT_PER_ROUND", "300"))
ROUNDS = int(os.environ.get("BENCH_SUBMIT_ROUNDS", "4"))
COOKIE = re.compile(r"(csrftoken|enkat_utkast)=([^;]*)")


def database_url(name: str) -> str:
    parts = urllib.parse.urlsplit(ADMIN_URL)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url(DB_NAME)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.submit_settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


@dataclass
class Job:
    """One resident's submission: the page to GET, then the form to POST."""

    page: str
    fields: dict[str, str]
    cookies: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def prepare() -> tuple[list[Job], list[Job], object, object]:
    """A 30-question survey, two open waves, drafts for the real view, codes for the baseline."""
    from surveys.answering import load_questionnaire, start_draft
    from surveys.models import Item, WaveStatus
    from tests.factories import make_cast
    from tests.survey_factories import area, invitations, survey, wave

    codes = list(Item.objects.exclude(kind="note").values_list("code", flat=True))[:QUESTIONS]
    area("centrum", "Skärhamn")
    s = survey(make_cast().tjorn, codes=codes)
    real_wave = wave(s, status=WaveStatus.OPEN, name="Verklig vy")
    base_wave = wave(s, status=WaveStatus.OPEN, name="Baslinje")
    questionnaire = load_questionnaire(real_wave)
    assert len(questionnaire.specs) == QUESTIONS
    typed = answers_for(questionnaire.specs)
    total = PER_ROUND * ROUNDS + CLIENTS  # and one warm-up each per client
    real = []
    for invitation in invitations(real_wave, total):
        draft, token = start_draft(wave=real_wave, language="sv", code=invitation.code)
        draft.answers = typed
        draft.save(update_fields=["answers"])
        real.append(Job("/enkat/svar/granska/", {"sprak": "sv"}, {"enkat_utkast": token}))
    flat = {key: values[0] for key, values in typed.items()}
    baseline = [
        Job("/bench/minimal-submit/", {"kod": i.code, "wave": str(base_wave.pk), **flat})
        for i in invitations(base_wave, total)
    ]
    return real, baseline, real_wave, base_wave


def request(conn: http.client.HTTPConnection, method: str, job: Job) -> http.client.HTTPResponse:
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in job.cookies.items())}
    if method == "POST":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"http://127.0.0.1:{PORT}"
    conn.request(method, job.page, body=job.body if method == "POST" else None, headers=headers)
    return conn.getresponse()


def fetch_form(conn: http.client.HTTPConnection, job: Job) -> None:
    """The browser's GET: the CSRF cookie and the form's token."""
    response = request(conn, "GET", job)
    html = response.read()
    assert response.status == 200, (job.page, response.status, html[:500])
    for header in response.headers.get_all("Set-Cookie") or []:
        name, value = COOKIE.match(header).groups()
        job.cookies[name] = value
    token = CSRF_FIELD.search(html).group(1).decode()
    job.body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **job.fields}).encode()


@dataclass
class Outcome:
    acknowledged: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run(jobs: list[Job], work: str, outcome: Outcome | None = None) -> Outcome:
    """`work` ("get" or "post") for every job over CLIENTS keep-alive connections."""
    outcome = outcome or Outcome()
    lock = threading.Lock()
    queue = list(reversed(jobs))

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                job = queue.pop()
            try:
                if work == "get":
                    fetch_form(conn, job)
                    continue
                response = request(conn, "POST", job)
                response.read()
                ok = response.status == 302 and "/enkat/tack/" in response.headers["Location"]
                with lock:
                    if ok:
                        outcome.acknowledged += 1
                    else:
                        outcome.errors.append(f"{job.page}: HTTP {response.status}")
            except Exception as error:  # a dropped connection is an error to count, not a crash
                with lock:
                    outcome.errors.append(f"{job.page}: {error!r}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    outcome.seconds += time.perf_counter() - start
    return outcome


def start_gunicorn() -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.submit_settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-submit-only-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "0",  # loopback, no TLS terminator in front
        "SECURE_COOKIES": "0",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn")
            if (ROOT / ".venv" / "bin" / "gunicorn").exists()
            else "gunicorn",
            "config.wsgi:application",
            f"--bind=127.0.0.1:{PORT}",
            f"--workers={WORKERS}",
            "--worker-class=sync",
            "--keep-alive=30",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            probe.request("GET", "/enkat/")
            probe.getresponse().read()
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError(f"gunicorn did not start on port {PORT}")


def main() -> None:
    admin(f'CREATE DATABASE "{DB_NAME}"')
    server = None
    try:
        setup_django()
        from django.db import connections

        from surveys.models import Response

        real, baseline, real_wave, base_wave = prepare()
        connections.close_all()
        server = start_gunicorn()
        for jobs in (real, baseline):
            run(jobs, "get")
        results = {"real": run(real[:CLIENTS], "post"), "baseline": run(baseline[:CLIENTS], "post")}
        timed = {name: Outcome(r.acknowledged, r.errors) for name, r in results.items()}
        for n in range(ROUNDS):
            chunk = slice(CLIENTS + n * PER_ROUND, CLIENTS + (n + 1) * PER_ROUND)
            for name, jobs in (("baseline", baseline), ("real", real)):
                run(jobs[chunk], "post", timed[name])
        stored = {
            "real": Response.objects.filter(wave=real_wave).count(),
            "baseline": Response.objects.filter(wave=base_wave).count(),
        }
        report(timed, stored)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def report(timed: dict[str, Outcome], stored: dict[str, int]) -> None:
    timed_posts = PER_ROUND * ROUNDS
    rate = {name: timed_posts / o.seconds for name, o in timed.items()}
    ratio = rate["real"] / rate["baseline"]
    errors = sum(len(o.errors) for o in timed.values())
    consistent = all(stored[name] == timed[name].acknowledged for name in timed)
    emit(
        name="survey_submit_30_questions_real_view",
        value=round(rate["real"], 1),
        unit="responses/s",
        baseline_name="survey_submit_minimal_update_insert",
        baseline_value=round(rate["baseline"], 1),
        ratio=round(ratio, 3),
        goal=">= 0.8, zero errors, stored == acknowledged",
        meets=ratio >= 0.8 and errors == 0 and consistent,
        errors=errors,
        acknowledged=timed["real"].acknowledged,
        stored=stored["real"],
        baseline_acknowledged=timed["baseline"].acknowledged,
        baseline_stored=stored["baseline"],
        clients=CLIENTS,
        workers=WORKERS,
        database="postgresql",
    )
    for o in timed.values():
        for error in o.errors[:5]:
            print(error, file=sys.stderr)


if __name__ == "__main__":
    main()
