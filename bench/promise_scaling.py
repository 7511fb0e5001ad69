"""A page or endpoint for a promise with 200 activities against the same with 5, in one run:
the shared body of the scaling benchmarks. Import after `common.setup_django()`.

Goal: time ratio at most 1.5 and the same number of SQL queries (no work per activity in the
database).
"""

from collections.abc import Callable

from common import emit, paired_median_ms
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from promises.models import Commitment, Promise
from tests.factories import activity, commitment, follow_up, make_cast, progress, promise


def build(parties: list, n: int) -> Promise:
    p = promise(parties, status=Promise.Status.PUBLISHED, title=f"Löfte med {n} aktiviteter")
    commitments = [commitment(p, given_by=g) for g in Commitment.Giver.values if g != "party"]
    for i in range(n):
        a = activity(commitments[i % len(commitments)], parties[i % 2], title=f"Aktivitet {i}")
        progress(a, 1, text=f"Lägesrapport {i}")
    fu = follow_up(p, is_published=True)
    for c in commitments:
        fu.verdicts.create(commitment=c, verdict="genomford", reason="Klart.")
    return p


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def compare(name: str, url_for: Callable[[Promise], str]) -> None:
    """Build a promise with 5 activities (Tjörn) and one with 200 (Orust), time `url_for` each."""
    settings.ALLOWED_HOSTS = ["*"]
    cast = make_cast()
    small = url_for(build([cast.police, cast.tjorn], 5))
    large = url_for(build([cast.police, cast.orust], 200))
    client = Client()
    for url in (small, large):  # warm up templates and caches
        client.get(url)
    small_queries, large_queries = count_queries(client, small), count_queries(client, large)
    small_ms, large_ms = paired_median_ms(
        lambda: client.get(small), lambda: client.get(large), repeat=60
    )
    ratio = large_ms / small_ms
    emit(
        name=f"{name}_200_activities",
        value=round(large_ms, 2),
        unit="ms",
        baseline_name=f"{name}_5_activities",
        baseline_value=round(small_ms, 2),
        ratio=round(ratio, 3),
        goal="<= 1.5 and equal query counts",
        meets=ratio <= 1.5 and large_queries == small_queries,
        queries=large_queries,
        baseline_queries=small_queries,
    )
