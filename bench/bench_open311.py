"""Open311 GET requests.json (and the public map data, once its URL `participation:map_data`
exists) with 50,000 reports in the table against the same with 500, in one run.

Goal: time ratio at most 1.5 and the same number of SQL queries: the page is read through
indexes, within the default 90 days and the limit, so the work does not grow with the table.
The 500 baseline reports lie in the last 120 days (so every page is full in both runs); the
49,500 added ones are spread over three years, as a table that grows with time. The two
tables are two SQLite files, measured in alternating rounds so that the load of a shared machine
falls on both alike.
"""

import datetime
import random
import shutil
import statistics
import sys
from pathlib import Path

from common import emit, median_ms, setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from organisations.models import Municipality  # noqa: E402
from participation.models import ReportCategory, ResidentReport  # noqa: E402
from tests.factories import municipality_org  # noqa: E402

SMALL, LARGE = 500, 50_000
ROUNDS, PER_ROUND = 8, 10
CODES = ["1419", "1419", "1419", "1415", "1421", "1401", "1465", "1461", "1480", "0180"]
MODERATION = ["approved"] * 7 + ["pending"] * 2 + ["rejected"]
OPEN311 = {
    "open311_requests_json": "/open311/v2/requests.json",
    "open311_requests_json_by_service": (
        "/open311/v2/requests.json?service_code=belysning&status=open&limit=10"
    ),
    "open311_requests_xml_by_jurisdiction": (
        "/open311/v2/requests.xml?jurisdiction_id=1419&status=closed&limit=10"
    ),
}


def add_reports(count: int, start: int, days: int, rng: random.Random) -> None:
    """`count` reports, created at random over the last `days` days (bulk, dated)."""
    municipalities = dict(Municipality.objects.filter(code__in=CODES).values_list("code", "pk"))
    categories = list(ReportCategory.objects.values_list("pk", flat=True))
    statuses = ResidentReport.Status.values
    now = timezone.now()
    fields = [ResidentReport._meta.get_field(n) for n in ("created_at", "updated_at")]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    batch = []
    for i in range(start, start + count):
        at = now - datetime.timedelta(seconds=rng.uniform(0, days * 86_400))
        moderation = rng.choice(MODERATION)
        batch.append(
            ResidentReport(
                municipality_id=municipalities[rng.choice(CODES)],
                category_id=rng.choice(categories),
                description=f"Rapport {i}: mörkt vid gångvägen.",
                public_text=f"Mörkt vid gångvägen ({i})." if moderation == "approved" else "",
                latitude=rng.uniform(57.9, 58.1),
                longitude=rng.uniform(11.5, 11.8),
                precise_approved=rng.random() < 0.2,
                moderation=moderation,
                status=rng.choice(statuses),
                tracking_token_hash=f"bench-{i}",
                created_at=at,
                updated_at=at,
            )
        )
    ResidentReport.objects.bulk_create(batch, batch_size=2000)
    for f in fields:
        f.auto_now, f.auto_now_add = f.name == "updated_at", f.name == "created_at"


def use_database(path: str) -> None:
    """Point the default connection at another SQLite file (reconnects on the next query)."""
    connection.close()
    connection.settings_dict["NAME"] = path


def count_queries(client: Client, url: str) -> int:
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def interleaved_ms(client: Client, url: str, small: str, large: str) -> tuple[float, float]:
    """Medians over rounds that alternate between the two databases, so that the load of a
    shared machine falls on both alike."""
    samples: dict[str, list[float]] = {small: [], large: []}
    for _round in range(ROUNDS):
        for path in (small, large):
            use_database(path)
            client.get(url)  # warm up the connection
            samples[path].append(median_ms(lambda: client.get(url), repeat=PER_ROUND))
    return statistics.median(samples[small]), statistics.median(samples[large])


def main() -> None:
    if connection.vendor != "sqlite":
        sys.exit("bench_open311 jämför två SQLite-filer; kör den utan DATABASE_URL.")
    settings.ALLOWED_HOSTS = ["*"]
    municipality_org("1419")
    rng = random.Random(311)
    add_reports(SMALL, 0, days=120, rng=rng)
    connection.cursor().execute("ANALYZE")
    small = connection.settings_dict["NAME"]
    large = str(Path(small).with_name("bench-large.sqlite3"))
    connection.close()  # checkpoints the WAL into the file before it is copied
    shutil.copy(small, large)
    use_database(large)
    add_reports(LARGE - SMALL, SMALL, days=3 * 365, rng=rng)
    connection.cursor().execute("ANALYZE")
    urls = dict(OPEN311)
    client = Client()
    for name, url in urls.items():
        use_database(small)
        small_q = count_queries(client, url)
        use_database(large)
        large_q = count_queries(client, url)
        small_ms, large_ms = interleaved_ms(client, url, small, large)
        ratio = large_ms / small_ms
        emit(
            name=f"{name}_{LARGE}_reports",
            value=round(large_ms, 2),
            unit="ms",
            baseline_name=f"{name}_{SMALL}_reports",
            baseline_value=round(small_ms, 2),
            ratio=round(ratio, 3),
            goal="<= 1.5 and equal query counts",
            meets=ratio <= 1.5 and large_q == small_q,
            queries=large_q,
            baseline_queries=small_q,
        )


main()
