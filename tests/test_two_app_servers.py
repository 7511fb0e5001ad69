"""Two app servers (two gunicorn processes on their own ports, as `make serve` runs them) on one
database behave as one site: a session made on one works on the other, a photo uploaded through
one is served by the other, a task enqueued through one is run by the worker and followed from
the other, and the report form's flood limit counts the posts to both together. Both answer a
malformed Host header with 400 and log it without a traceback or the header's text.

The database is the suite's PostgreSQL server (a database of its own, dropped afterwards) when
DATABASE_URL names one, else one SQLite file; the caches are the production defaults
(CACHE_URL unset: the database's cache table; task progress in a file cache both servers see).
"""

import gzip
import io
import json
import re

import pytest
import requests
from django.urls import reverse
from PIL import Image

from tests.app_servers import (
    AppServer,
    csrf_token,
    free_port,
    log_in,
    manage,
    own_database,
    production_env,
)
from tests.factories import PASSWORD
from tests.test_imports_police_events import notice

RATE_LIMIT = 4
FORM = "/kommun/tjorn/rapportera/"
MAKE_STAFF = """
from tests.factories import municipality_org, user
from organisations.models import Role
user("alice", municipality_org("1419"), Role.EDITOR, "Trygghetssamordnare")
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    shared = tmp_path_factory.mktemp("shared")
    with own_database(shared, "two_servers") as database_url:
        env = production_env(
            database_url,
            shared,
            REPORT_RATE_LIMIT=str(RATE_LIMIT),
            REPORT_RATE_ADDRESS_HEADER="HTTP_X_FORWARDED_FOR",
        )
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
        manage("shell", "-c", MAKE_STAFF, env=env)
        yield env, shared


@pytest.fixture(scope="module")
def servers(site, tmp_path_factory):
    env, _ = site
    logs = tmp_path_factory.mktemp("logs")
    first = AppServer(free_port(set()), logs / "a.log")
    second = AppServer(free_port({first.port}), logs / "b.log")
    try:
        for server in (first, second):
            server.start(env)
        for server in (first, second):
            server.wait_until_up()
        yield first, second
    finally:
        for server in (first, second):
            server.stop()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, format="JPEG")
    return out.getvalue()


def send_report(server: AppServer, address: str, description: str, photo: bytes | None = None):
    """The report form as a resident fills it in, from `address` (the proxy's X-Forwarded-For)."""
    browser = requests.Session()
    browser.headers["X-Forwarded-For"] = address
    page = browser.get(server.url + FORM, timeout=30).text
    category = re.search(r'name="category" value="(\d+)"', page)
    data = {
        "csrfmiddlewaretoken": csrf_token(page),
        "category": category.group(1),
        "description": description,
        "point": "57.99131,11.54778",
    }
    files = {"photo": ("lampa.jpg", photo, "image/jpeg")} if photo else None
    return browser.post(server.url + FORM, data, files=files, allow_redirects=False, timeout=60)


def test_a_session_made_on_one_server_works_on_the_other(servers):
    first, second = servers
    dashboard = reverse("staff:dashboard")
    assert requests.get(second.url + dashboard, allow_redirects=False).status_code == 302
    browser = log_in(first, "alice", PASSWORD)
    page = browser.get(second.url + dashboard, allow_redirects=False, timeout=30)
    assert page.status_code == 200 and "alice" in page.text
    # Logging out on the second ends the session on the first too.
    token = csrf_token(page.text)
    browser.post(second.url + "/logga-ut/", {"csrfmiddlewaretoken": token}, timeout=30)
    assert browser.get(first.url + dashboard, allow_redirects=False).status_code == 302


def test_a_photo_uploaded_on_one_server_is_served_by_the_other(servers, site):
    first, second = servers
    _, shared = site
    sent = send_report(first, "203.0.113.1", "Lampan vid hållplatsen är släckt.", photo=jpeg())
    assert sent.status_code == 302, sent.text
    assert any((shared / "media").rglob("*.jpg"))
    staff = log_in(second, "alice", PASSWORD)
    queue = staff.get(second.url + reverse("participation_staff:report_queue"), timeout=30).text
    pk = re.search(r"/rapporter/(\d+)/", queue).group(1)
    photo = staff.get(
        second.url + reverse("participation_staff:report_photo", args=[pk]), timeout=30
    )
    assert photo.status_code == 200
    assert Image.open(io.BytesIO(photo.content)).size == (40, 30)


def test_a_task_enqueued_on_one_server_is_followed_on_the_other(servers, site):
    first, second = servers
    env, _ = site
    staff = log_in(first, "alice", PASSWORD)
    upload = reverse("situation_staff:import_upload")
    token = csrf_token(staff.get(first.url + upload, timeout=30).text)
    events = gzip.compress(json.dumps([notice(1), notice(2)]).encode())
    started = staff.post(
        first.url + upload,
        {"csrfmiddlewaretoken": token},
        files={"file": ("events.json.gz", events, "application/gzip")},
        allow_redirects=False,
        timeout=60,
    )
    assert started.status_code == 302, started.text
    progress_url = second.url + started.headers["Location"]
    progress_id = started.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert "Väntar" in staff.get(progress_url, timeout=30).text  # queued, seen from the other

    # A worker's step count goes through the task-progress cache, not the database.
    step = (
        "from core.tasks import Progress\n"
        f"p = Progress({progress_id!r}); p.running('Läser'); p.step(1, 4, 'Händelser')"
    )
    manage("shell", "-c", step, env=env)
    assert "Händelser: 1 av 4 (25 procent)" in staff.get(progress_url, timeout=30).text

    manage("db_worker", "--batch", "--no-reload", "--no-startup-delay", env=env)
    page = staff.get(progress_url, timeout=30).text
    assert "Klar" in page and "Inlästa händelser</th><td>2<" in page


def test_the_flood_limit_counts_both_servers_together(servers):
    first, second = servers
    home = "203.0.113.2"
    for number in range(RATE_LIMIT):
        server = first if number % 2 == 0 else second
        answer = send_report(server, home, f"Rapport nummer {number}.")
        assert answer.status_code == 302, (number, answer.text)
    for server in (first, second):
        refused = send_report(server, home, "En rapport för mycket.")
        assert refused.status_code == 429
        assert "Rapporten är inte skickad ännu" in refused.text
    assert send_report(second, "198.51.100.20", "En annan adress.").status_code == 302


BAD_HOSTS = [b"bad host\x00", b"[::1", b"evil.example", b"anna.andersson@example.se", b"a" * 300]


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_gunicorn_answers_a_malformed_host_with_400(servers, host):
    first, _ = servers
    answer = first.raw(b"GET / HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]


def test_the_bad_hosts_left_no_error_or_header_text_in_the_log(servers):
    first, _ = servers
    for host in BAD_HOSTS:  # independent of the order the tests run in
        first.raw(b"GET / HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
    assert requests.get(first.url + "/halsa/", timeout=30).status_code == 200
    log = first.output()
    assert "Traceback" not in log and "ERROR" not in log, log
    for host in BAD_HOSTS:
        assert host.decode(errors="replace").strip("\x00") not in log
    assert "Host header is not in ALLOWED_HOSTS" in log
