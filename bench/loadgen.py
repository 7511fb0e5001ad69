"""The load of bench_load.py and bench_faults.py: what is seeded, the arrival schedule at twice
a realistic campaign peak, the clients that behave as browsers, and the figures.

The rate. A municipality's safety survey sends 10,000 invitation letters; experience from such
campaigns is that half the answers come in on the first evening, within about four hours of
the letters landing, and the rest over the week. So the peak is 5,000 answers in 4 hours:
5,000 / 14,400 s ≈ 0.35 answers/s. The load is twice that (0.69/s), for a peak within the peak
and a margin. Beside the answers, the same campaign sends residents to the site: we assume one
resident report for every five answers (the letter also invites reports) and five public page
views per answer (home page, the promise, the map, the survey results). Arrivals are a Poisson
process at those rates (random but reproducible, seed 9), so bursts happen as they do for real.

Each arrival is one visitor on a new keep-alive connection: a survey respondent GETs the answer
page (the summary of a draft prepared beforehand) and POSTs it with the CSRF token and cookies;
a reporter GETs the report form and POSTs it; a reader GETs a public page. The baseline is the
same schedule against the minimal submit endpoint (bench/submit_urls.py: one UPDATE and one
INSERT), every visit a GET of its form, the submitting ones then a POST.
"""

import http.client
import queue
import random
import re
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from bench.survey_answers import CSRF_FIELD, QUESTIONS, answers_for

PEAK_ANSWERS = 5_000  # half of 10,000 invitations …
PEAK_SECONDS = 4 * 3600  # … on the first evening
LOAD_FACTOR = 2.0
SUBMIT_RATE = LOAD_FACTOR * PEAK_ANSWERS / PEAK_SECONDS  # ≈ 0.69 answers/s
REPORT_RATE = SUBMIT_RATE / 5
PAGE_RATE = SUBMIT_RATE * 5
CLIENTS = 16  # at most this many visitors at once (threads)
COOKIE = re.compile(r"([^=;\s]+)=([^;]*)")
UNAVAILABLE_TEXT = "Tjänsten är tillfälligt otillgänglig"


@dataclass
class Seeded:
    real_wave_id: int
    base_wave_id: int
    drafts: list[str]  # cookie tokens of prepared drafts
    base_codes: list[str]  # invitation codes for the baseline
    category_id: int
    pages: list[str]
    typed: dict[str, str]


def seed(expected_submits: int) -> Seeded:
    """A published promise, an open 30-question survey wave with 10,000 invitations (drafts
    prepared for the ones that will answer), open report categories and a baseline wave."""
    from participation.models import ReportCategory
    from promises.models import Promise
    from surveys.answering import load_questionnaire, start_draft
    from surveys.models import Item, WaveStatus
    from tests.factories import make_cast, make_world
    from tests.survey_factories import area, invitations, survey, wave

    cast = make_cast()
    world = make_world(cast, status=Promise.Status.PUBLISHED)
    codes = list(Item.objects.exclude(kind="note").values_list("code", flat=True))[:QUESTIONS]
    area("centrum", "Centrum")
    s = survey(cast.tjorn, codes=codes)
    real_wave = wave(s, status=WaveStatus.OPEN, name="Trygghetsmätning")
    base_wave = wave(s, status=WaveStatus.OPEN, name="Baslinje")
    invited = invitations(real_wave, 10_000)
    questionnaire = load_questionnaire(real_wave)
    typed = answers_for(questionnaire.specs)
    drafts = []
    for invitation in invited[:expected_submits]:
        draft, token = start_draft(wave=real_wave, language="sv", code=invitation.code)
        draft.answers = typed
        draft.save(update_fields=["answers"])
        drafts.append(token)
    base_codes = [i.code for i in invitations(base_wave, 2 * expected_submits + 50)]
    seed_results(cast.tjorn)
    category = ReportCategory.objects.filter(is_active=True, is_crime=False).order_by("order")[0]
    pages = [
        "/",
        f"/medborgarlofte/{world.promise.pk}/",
        "/kommun/tjorn/karta/",
        "/kommun/tjorn/trygghet/",
    ]
    return Seeded(
        real_wave_id=real_wave.pk,
        base_wave_id=base_wave.pk,
        drafts=drafts,
        base_codes=base_codes,
        category_id=category.pk,
        pages=pages,
        typed={k: v[0] for k, v in typed.items()},
    )


def seed_results(organisation: object) -> None:
    """Last year's closed wave, published: the public results page has something to show."""
    from surveys.results import on_wave_closed
    from tests import results_factories as rf

    results, areas = rf.results_survey(organisation)
    closed = rf.closed_wave(results, 2024)
    rf.fill(closed, areas, [400, 200, 150], seed=2024)
    rf.margins(closed, areas, [3000, 900, 600])
    on_wave_closed(closed)


def warm_up(port: int, pages: list[str], per_page: int) -> None:
    """Each page a few times before the clock starts: every gunicorn worker has loaded its
    templates and code, as on a server that has been up for a while."""
    run = Run()
    for _ in range(per_page):
        for path in [*pages, "/enkat/", "/kommun/tjorn/rapportera/", "/bench/minimal-submit/"]:
            visitor = Visitor(port, run, time.monotonic(), "warm_up")
            visitor.request("GET", path)
            visitor.close()
    bad = [r.status for r in run.records if r.status != 200]
    assert not bad, f"warm-up pages answered {bad}"


def expected_jobs(seconds: float) -> int:
    """Submissions to prepare drafts for: the mean plus a wide margin for the Poisson spread."""
    mean = SUBMIT_RATE * seconds
    return int(mean + 6 * mean**0.5 + 10)


@dataclass
class Job:
    at: float  # seconds after the start
    kind: str  # survey_submit, report, public_page
    page: str = ""


def schedule(seconds: float, pages: list[str], seed_value: int = 9) -> list[Job]:
    rng = random.Random(seed_value)
    jobs = []
    for kind, rate in (
        ("survey_submit", SUBMIT_RATE),
        ("report", REPORT_RATE),
        ("public_page", PAGE_RATE),
    ):
        t = rng.expovariate(rate)
        while t < seconds:
            jobs.append(Job(t, kind, rng.choice(pages) if kind == "public_page" else ""))
            t += rng.expovariate(rate)
    return sorted(jobs, key=lambda j: j.at)


@dataclass
class Record:
    kind: str
    method: str
    start: float  # seconds after the load's start
    end: float
    status: int  # 0: no answer (connection refused or dropped)
    acknowledged: bool = False
    retry_after: bool = False
    swedish_503: bool = False


@dataclass
class Run:
    records: list[Record] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    acknowledged: dict[str, int] = field(default_factory=dict)

    def add(self, record: Record) -> None:
        with self.lock:
            self.records.append(record)
            if record.acknowledged:
                self.acknowledged[record.kind] = self.acknowledged.get(record.kind, 0) + 1


class Visitor:
    """One browser: its cookies, one keep-alive connection."""

    def __init__(self, port: int, run: Run, t0: float, kind: str) -> None:
        self.port = port
        self.run = run
        self.t0 = t0
        self.kind = kind
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, fields: dict | None = None) -> tuple[int, bytes]:
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
            body = urllib.parse.urlencode(fields or {}).encode()
        start = time.monotonic() - self.t0
        status, html, location, retry_after = 0, b"", "", False
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            html = response.read()
            status = response.status
            location = response.headers.get("Location", "")
            retry_after = response.headers.get("Retry-After") is not None
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = COOKIE.match(header).groups()
                self.cookies[name] = value
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        record = Record(
            self.kind,
            method,
            start,
            time.monotonic() - self.t0,
            status,
            retry_after=retry_after,
            swedish_503=status == 503 and UNAVAILABLE_TEXT.encode() in html,
        )
        if method == "POST":
            record.acknowledged = status == 302 and self.acknowledges(location)
        self.run.add(record)
        return status, html

    def acknowledges(self, location: str) -> bool:
        return any(part in location for part in ("/enkat/tack/", "/rapport/"))

    def form(self, path: str) -> str | None:
        """GET a form: its CSRF token, or None when the page did not come."""
        status, html = self.request("GET", path)
        match = CSRF_FIELD.search(html) if status == 200 else None
        return match.group(1).decode() if match else None

    def close(self) -> None:
        self.conn.close()


@dataclass
class Pools:
    """What the visitors use up: drafts or invitation codes, one each."""

    drafts: list[str]
    codes: list[str]
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, what: str) -> str | None:
        with self.lock:
            pool = self.drafts if what == "draft" else self.codes
            return pool.pop() if pool else None


def visit(job: Job, visitor: Visitor, seeded: Seeded, pools: Pools, baseline: bool) -> None:
    if baseline:
        token = visitor.form("/bench/minimal-submit/")
        if token is None or job.kind == "public_page":
            return
        code = pools.take("code")
        if code is None:
            return
        fields = {"csrfmiddlewaretoken": token, "kod": code, "wave": seeded.base_wave_id}
        visitor.request("POST", "/bench/minimal-submit/", {**fields, **seeded.typed})
        return
    if job.kind == "public_page":
        visitor.request("GET", job.page)
    elif job.kind == "survey_submit":
        draft = pools.take("draft")
        if draft is None:
            return
        visitor.cookies["enkat_utkast"] = draft
        token = visitor.form("/enkat/svar/granska/")
        if token is not None:
            visitor.request(
                "POST", "/enkat/svar/granska/", {"csrfmiddlewaretoken": token, "sprak": "sv"}
            )
    else:
        form = "/kommun/tjorn/rapportera/"
        token = visitor.form(form)
        if token is not None:
            fields = {
                "csrfmiddlewaretoken": token,
                "category": seeded.category_id,
                "description": "Lampan vid hållplatsen är släckt sedan en vecka.",
                "point": "57.99131,11.54778",
                "place_text": "",
                "email": "rapport@example.org",  # a follow link is e-mailed: a worker task
                "phone": "",
                "webbplats": "",
                "send": "1",
            }
            visitor.request("POST", form, fields)


def run_load(
    port: int,
    jobs: list[Job],
    seeded: Seeded,
    pools: Pools,
    *,
    baseline: bool = False,
    t0: float | None = None,
    run: Run | None = None,
) -> Run:
    """Play the schedule (open loop: a visit starts at its time whether or not others are done,
    up to CLIENTS at once) and wait for the last visit to finish."""
    run = run or Run()
    t0 = time.monotonic() if t0 is None else t0
    waiting: queue.Queue[Job | None] = queue.Queue()

    def client() -> None:
        while (job := waiting.get()) is not None:
            delay = job.at - (time.monotonic() - t0)
            if delay > 0:
                time.sleep(delay)
            kind = "baseline_" + ("submit" if job.kind != "public_page" else "page")
            visitor = Visitor(port, run, t0, kind if baseline else job.kind)
            try:
                visit(job, visitor, seeded, pools, baseline)
            finally:
                visitor.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for job in jobs:
        waiting.put(job)
    for _ in threads:
        waiting.put(None)
    for t in threads:
        t.join()
    return run


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def summary(records: list[Record]) -> dict[str, dict]:
    """Per kind: visits' requests, p50/p95 in ms, 5xx and unanswered counts."""
    out: dict[str, dict] = {}
    for kind in sorted({r.kind for r in records}):
        mine = [r for r in records if r.kind == kind]
        ms = [1000 * (r.end - r.start) for r in mine if r.status]
        out[kind] = {
            "requests": len(mine),
            "posts": sum(r.method == "POST" for r in mine),
            "acknowledged": sum(r.acknowledged for r in mine),
            "p50_ms": round(percentile(ms, 50), 1) if ms else None,
            "p95_ms": round(percentile(ms, 95), 1) if ms else None,
            "status_5xx": sum(r.status >= 500 for r in mine),
            "no_answer": sum(r.status == 0 for r in mine),
            "other_errors": sum(400 <= r.status < 500 for r in mine),
        }
    return out


def stored(seeded: Seeded, reports_before: int) -> dict[str, int]:
    from participation.models import ResidentReport
    from surveys.models import Response

    return {
        "survey_submit": Response.objects.filter(wave_id=seeded.real_wave_id).count(),
        "report": ResidentReport.objects.count() - reports_before,
        "baseline_submit": Response.objects.filter(wave_id=seeded.base_wave_id).count(),
    }
