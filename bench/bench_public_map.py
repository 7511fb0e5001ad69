"""The public map of a municipality – its GeoJSON data (`participation:map_data`) and the page
with the list – with 50,000 reports in the table against the same with 500, in one run.

Goal: the same number of SQL queries and a time ratio of at most 1.5. The map shows the newest
MAP_LIMIT matching reports and the list pages through them, both read through the index on
(municipality, moderation, created_at), so the work does not grow with the table. The 500
baseline reports are Tjörn's, published and recent, so both maps are full; the 49,500 added ones
are spread over ten municipalities, every moderation state and three years, as a table that
grows with time. The two tables are two SQLite files, measured in alternating rounds so that
the load of a shared machine falls on both alike.
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
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from organisations.models import Municipality  # noqa: E402
from participation.models import ReportCategory, ResidentReport  # noqa: E402
from participation.public_reports import MAP_LIMIT  # noqa: E402
from tests.factories import municipality_org  # noqa: E402

SMALL, LARGE = 500, 50_000
ROUNDS, PER_ROUND = 8, 8
CODES = ["1419", "1419", "1419", "1415", "1421", "1401", "1465", "1461", "1480", "0180"]
MODERATION = ["approved"] * 7 + ["pending"] * 2 + ["rejected"]


def add_reports(
    count: int,
    start: int,
    *,
    days: int,
    codes: list[str],
    moderation: list[str],
    rng: random.Random,
) -> None:
    municipalities = dict(Municipality.objects.filter(code__in=codes).values_list("code", "pk"))
    categories = list(ReportCategory.objects.filter(is_crime=False).values_list("pk", flat=True))
    statuses = ResidentReport.Status.values
    now = timezone.now()
    fields = [ResidentReport._meta.get_field(n) for n in ("created_at", "updated_at")]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    batch = []
    for i in range(start, start + count):
        at = now - datetime.timedelta(seconds=rng.uniform(0, days * 86_400))
        state = rng.choice(moderation)
        batch.append(
            ResidentReport(
                municipality_id=municipalities[rng.choice(codes)],
                category_id=rng.choice(categories),
                description=f"Rapport {i}: mörkt vid gångvägen.",
                public_text=f"Mörkt vid gångvägen ({i})." if state == "approved" else "",
                public_note="Vi tittar på det." if i % 3 else "",
                latitude=rng.uniform(57.93, 58.07),
                longitude=rng.uniform(11.5, 11.75),
                precise_approved=rng.random() < 0.2,
                moderation=state,
                status=rng.choice(statuses),
                tracking_token_hash=f"bench-map-{i}",
                created_at=at,
                updated_at=at,
            )
        )
    ResidentReport.objects.bulk_create(batch, batch_size=2000)
    for f in fields:
        f.auto_now, f.auto_now_add = f.name == "updated_at", f.name == "created_at"


def use_database(path: str) -> None:
    connection.close()
    connection.settings_dict["NAME"] = path


def count_queries(client: Client, url: str) -> int:
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def features(client: Client, url: str) -> int:
    return sum(1 for f in client.get(url).json()["features"] if f["properties"].get("kind"))


def interleaved_ms(client: Client, url: str, small: str, large: str) -> tuple[float, float]:
    samples: dict[str, list[float]] = {small: [], large: []}
    for _round in range(ROUNDS):
        for path in (small, large):
            use_database(path)
            client.get(url)
            samples[path].append(median_ms(lambda: client.get(url), repeat=PER_ROUND))
    return statistics.median(samples[small]), statistics.median(samples[large])


def main() -> None:
    if connection.vendor != "sqlite":
        sys.exit("bench_public_map jämför två SQLite-filer; kör den utan DATABASE_URL.")
    settings.ALLOWED_HOSTS = ["*"]
    municipality_org("1419")
    rng = random.Random(7)
    add_reports(SMALL, 0, days=60, codes=["1419"], moderation=["approved"], rng=rng)
    connection.cursor().execute("ANALYZE")
    small = connection.settings_dict["NAME"]
    large = str(Path(small).with_name("bench-map-large.sqlite3"))
    connection.close()
    shutil.copy(small, large)
    use_database(large)
    add_reports(LARGE - SMALL, SMALL, days=3 * 365, codes=CODES, moderation=MODERATION, rng=rng)
    connection.cursor().execute("ANALYZE")
    slug = {"slug": "tjorn"}
    urls = {
        "public_map_data": reverse("participation:map_data", kwargs=slug),
        "public_map_page": reverse("participation:map", kwargs=slug),
    }
    client = Client()
    for name, url in urls.items():
        use_database(small)
        small_q = count_queries(client, url)
        shown = features(client, url) if "data" in name else None
        use_database(large)
        large_q = count_queries(client, url)
        small_ms, large_ms = interleaved_ms(client, url, small, large)
        ratio = large_ms / small_ms
        extra = {"map_limit": MAP_LIMIT, "baseline_features": shown} if shown is not None else {}
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
            **extra,
        )


main()
