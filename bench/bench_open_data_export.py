"""The full open-data export of the country (alla.json and every CSV) with 20,000 published
progress updates against the same with 2,000, in one run.

Goal: peak memory ratio at most 1.2 (the export streams, so memory must not grow with the data)
and time ratio at most 12. Memory is the tracemalloc peak while the response streams are
generated and consumed (each chunk discarded); time is the median of a few runs without
tracemalloc. Query logging is off (DEBUG False) so the log does not dominate memory.
"""

import datetime
import time
import tracemalloc

from common import emit, setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from promises.models import Activity, Commitment, ProgressUpdate, Promise  # noqa: E402
from public.opendata.tables import TABLES  # noqa: E402
from tests.factories import activity, commitment, follow_up, make_cast, promise  # noqa: E402

ACTIVITIES = 200
URLS = ["/oppna-data/sverige/alla.json"] + [f"/oppna-data/sverige/{t.name}.csv" for t in TABLES]


def build_plan(cast: object) -> list[Activity]:
    activities = []
    for i, parties in enumerate([[cast.police, cast.tjorn], [cast.police, cast.orust]]):
        p = promise(parties, status=Promise.Status.PUBLISHED, title=f"Löfte {i}")
        givers = [g for g in Commitment.Giver.values if g != "party"]
        commitments = [commitment(p, given_by=g) for g in givers]
        for n in range(ACTIVITIES // 2):
            activities.append(
                activity(
                    commitments[n % len(commitments)],
                    parties[n % 2],
                    title=f"Aktivitet {n}",
                    counts_people=n % 4 == 0,
                )
            )
        follow_up(p, is_published=True)
    return activities


def add_updates(activities: list[Activity], count: int) -> None:
    now = timezone.now()
    updates = (
        ProgressUpdate(
            activity=activities[i % len(activities)],
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 365),
            text=f"Lägesrapport {i}: genomförd insats med skola och fältgrupp, =formel, ”citat”.",
            quantity=i % 7,
            is_public=True,
            approved_at=now,
        )
        for i in range(count)
    )
    ProgressUpdate.objects.bulk_create(updates, batch_size=2000)


def export(client: Client) -> int:
    size = 0
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        for chunk in response.streaming_content:
            size += len(chunk)
    return size


def measure(client: Client) -> tuple[float, float, int]:
    """Peak traced memory in KiB, median time in ms, bytes exported."""
    size = export(client)  # warm up
    tracemalloc.start()
    tracemalloc.reset_peak()
    export(client)
    peak = tracemalloc.get_traced_memory()[1] / 1024
    tracemalloc.stop()
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        export(client)
        samples.append((time.perf_counter() - start) * 1000)
    return peak, sorted(samples)[len(samples) // 2], size


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    connection.force_debug_cursor = False
    activities = build_plan(make_cast())
    client = Client()
    add_updates(activities, 2_000)
    small_kib, small_ms, small_bytes = measure(client)
    add_updates(activities, 18_000)
    large_kib, large_ms, large_bytes = measure(client)
    memory_ratio = large_kib / small_kib
    time_ratio = large_ms / small_ms
    emit(
        name="open_data_export_peak_memory_20000_updates",
        value=round(large_kib, 1),
        unit="KiB",
        baseline_name="open_data_export_peak_memory_2000_updates",
        baseline_value=round(small_kib, 1),
        ratio=round(memory_ratio, 3),
        goal="<= 1.2",
        meets=memory_ratio <= 1.2,
        exported_bytes=large_bytes,
        baseline_exported_bytes=small_bytes,
    )
    emit(
        name="open_data_export_time_20000_updates",
        value=round(large_ms, 1),
        unit="ms",
        baseline_name="open_data_export_time_2000_updates",
        baseline_value=round(small_ms, 1),
        ratio=round(time_ratio, 3),
        goal="<= 12",
        meets=time_ratio <= 12,
    )


main()
