"""The public municipality page with 200 activities against the same page with 5, in one run.

Goal: time ratio at most 1.5 and the same number of SQL queries (the page must not do work per
activity in the database).
"""

from common import emit, median_ms, setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from promises.models import Commitment, Promise  # noqa: E402
from tests.factories import activity, commitment, follow_up, make_cast, progress, promise  # noqa: E402


def build(parties: list, n: int) -> None:
    p = promise(parties, status=Promise.Status.PUBLISHED, title=f"Löfte med {n} aktiviteter")
    commitments = [commitment(p, given_by=g) for g in Commitment.Giver.values if g != "party"]
    for i in range(n):
        a = activity(commitments[i % len(commitments)], parties[i % 2], title=f"Aktivitet {i}")
        progress(a, 1, text=f"Lägesrapport {i}")
    fu = follow_up(p, is_published=True)
    for c in commitments:
        fu.verdicts.create(commitment=c, verdict="genomford", reason="Klart.")


def measure(client: Client, url: str) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    queries = len(ctx.captured_queries)
    return median_ms(lambda: client.get(url), repeat=40), queries


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    cast = make_cast()
    build([cast.police, cast.tjorn], 5)
    build([cast.police, cast.orust], 200)
    client = Client()
    for url in ("/kommun/tjorn/", "/kommun/orust/"):  # warm up templates and caches
        client.get(url)
    small_ms, small_queries = measure(client, "/kommun/tjorn/")
    large_ms, large_queries = measure(client, "/kommun/orust/")
    ratio = large_ms / small_ms
    emit(
        name="public_municipality_page_200_activities",
        value=round(large_ms, 2),
        unit="ms",
        baseline_name="public_municipality_page_5_activities",
        baseline_value=round(small_ms, 2),
        ratio=round(ratio, 3),
        goal="<= 1.5 and equal query counts",
        meets=ratio <= 1.5 and large_queries == small_queries,
        queries=large_queries,
        baseline_queries=small_queries,
    )


main()
