"""`manage.py fetch_police_events` against a local fake of Polisen's API (a threading HTTP
server on a free port; never the real one), with an injected clock and sleep: the
identifying User-Agent, at least 10 s between calls, at most 60 an hour across restarts, and
history kept beyond the API's window by upserting on the police's id."""

import datetime
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from situation import fetching
from situation.models import PoliceApiCall, PoliceEvent
from tests.test_imports_police_events import notice

pytestmark = pytest.mark.django_db


class FakeApi:
    """Answers each request with the next queued (status, body); remembers what it was asked."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, bytes]] = []
        self.requests: list[dict] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server interface
                api.requests.append({"path": self.path, "headers": dict(self.headers)})
                status, body = api.answers.pop(0) if api.answers else (200, b"[]")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/events"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, records: object, status: int = 200) -> None:
        body = records if isinstance(records, bytes) else json.dumps(records).encode()
        self.answers.append((status, body))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class FakeClock:
    """Time that moves only when the code under test sleeps (or the test says so)."""

    def __init__(self) -> None:
        self.at = timezone.now()
        self.slept: list[float] = []

    def now(self) -> datetime.datetime:
        return self.at

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.at += datetime.timedelta(seconds=seconds)


@pytest.fixture
def api(settings):
    fake = FakeApi()
    settings.POLICE_API_URL = fake.url
    settings.POLICE_API_USER_AGENT = "Medborgarloften-test/1.0 (+https://example.org)"
    yield fake
    fake.close()


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(fetching, "now", fake.now)
    monkeypatch.setattr(fetching, "sleep", fake.sleep)
    return fake


def fetch(*args: str) -> str:
    out = io.StringIO()
    call_command("fetch_police_events", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_fetch_stores_the_events_and_identifies_itself(api, clock):
    api.answer([notice(1), notice(2)])
    out = fetch()
    assert "2 händelser i svaret, 2 nya, 0 ändrade, 0 fanns redan" in out
    assert PoliceEvent.objects.count() == 2
    (request,) = api.requests
    assert request["headers"]["User-Agent"] == "Medborgarloften-test/1.0 (+https://example.org)"
    assert request["path"] == "/api/events"
    call = PoliceApiCall.objects.get()
    assert (call.status_code, call.event_count) == (200, 2)


def test_history_is_kept_beyond_the_window_and_amended_events_are_updated(api, clock):
    api.answer([notice(1), notice(2)])
    fetch()
    clock.at += datetime.timedelta(minutes=10)
    api.answer([notice(2, summary="Två personer gripna."), notice(3)])  # 1 has left the window
    out = fetch()
    assert "2 händelser i svaret, 1 nya, 1 ändrade, 0 fanns redan" in out
    assert set(PoliceEvent.objects.values_list("police_id", flat=True)) == {1, 2, 3}
    assert PoliceEvent.objects.get(police_id=2).summary == "Två personer gripna."
    assert clock.slept == []  # ten minutes apart: no waiting


def test_calls_are_at_least_ten_seconds_apart(api, clock):
    api.answer([notice(1)])
    api.answer([notice(2)])
    out = fetch("--date", "2025-06-07", "--date", "2025-06-08", "--location", "Tjörn")
    assert "2025-06-07: 1 händelser" in out and "2025-06-08: 1 händelser" in out
    assert clock.slept == [10.0]
    paths = [r["path"] for r in api.requests]
    assert paths == [
        "/api/events?DateTime=2025-06-07&locationname=Tj%C3%B6rn",
        "/api/events?DateTime=2025-06-08&locationname=Tj%C3%B6rn",
    ]


def test_the_interval_holds_across_restarts(api, clock):
    PoliceApiCall.objects.create(
        called_at=clock.at - datetime.timedelta(seconds=3), url=api.url, status_code=200
    )
    api.answer([notice(1)])
    fetch()
    assert clock.slept == [pytest.approx(7.0)]


def test_at_most_sixty_calls_an_hour(api, clock):
    for minute in range(60):
        PoliceApiCall.objects.create(
            called_at=clock.at
            - datetime.timedelta(minutes=59, seconds=30)
            + datetime.timedelta(seconds=minute * 50),
            url=api.url,
        )
    with pytest.raises(CommandError, match="Högst 60 anrop i timmen"):
        fetch()
    assert api.requests == [] and PoliceApiCall.objects.count() == 60
    clock.at += datetime.timedelta(seconds=31)  # the oldest call is now more than an hour ago
    api.answer([notice(1)])
    fetch()
    assert len(api.requests) == 1


def test_settings_cannot_loosen_the_rules(api, clock, settings):
    settings.POLICE_API_MIN_INTERVAL_SECONDS = 1
    settings.POLICE_API_MAX_CALLS_PER_HOUR = 1000
    assert fetching.min_interval() == datetime.timedelta(seconds=10)
    assert fetching.max_calls_per_hour() == 60


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (503, b"Service Unavailable", "svarade 503"),
        (200, b"<html>not json</html>", "1 fel i svaret"),
        (200, json.dumps([notice(1, datetime="igår")]).encode(), "fel i svaret"),
    ],
)
def test_a_bad_answer_stores_nothing_but_counts_as_a_call(api, clock, status, body, message):
    api.answer(body, status=status)
    with pytest.raises(CommandError, match=message):
        fetch()
    assert not PoliceEvent.objects.exists()
    assert PoliceApiCall.objects.get().status_code == status


def test_an_unreachable_api_is_reported(settings, clock):
    settings.POLICE_API_URL = "http://127.0.0.1:9/api/events"  # the discard port: nothing there
    with pytest.raises(CommandError, match="kunde inte nås"):
        fetch()
