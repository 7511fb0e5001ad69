"""The staff results page of a wave with 20,000 responses against one with 2,000, in one run.

Goal: the same number of SQL queries (the answers are loaded in a fixed number of queries and
computed in numpy, never queried per question or per group). The times are reported alongside.
"""

from common import emit, median_ms, setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from surveys.results import on_wave_closed  # noqa: E402
from tests import results_factories as rf  # noqa: E402
from tests.factories import PASSWORD, make_cast  # noqa: E402


def build(organisation: object, year: int, per_area: list[int], survey: object = None) -> object:
    if survey is None:
        survey, areas = rf.results_survey(organisation)
    else:
        areas = list(survey.municipality.areas.order_by("code"))
    wave = rf.closed_wave(survey, year)
    rf.fill(wave, areas, per_area, seed=year)
    rf.margins(wave, areas, [30000, 9000, 6000])
    on_wave_closed(wave)
    return survey, wave


def measure(client: Client, url: str) -> tuple[float, int]:
    client.get(url)  # warm up templates and chart cache
    reset_queries()  # the query log holds at most 9,000 entries; building filled it
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return median_ms(lambda: client.get(url), repeat=5), len(ctx.captured_queries)


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    cast = make_cast()
    survey, small = build(cast.tjorn, 2024, [1200, 500, 300])
    _survey, large = build(cast.tjorn, 2025, [12000, 5000, 3000], survey)
    client = Client()
    client.login(username=cast.viewer.username, password=PASSWORD)

    def url(wave: object) -> str:
        # Both pages compare with another wave, so each loads two waves' answers.
        return reverse("surveys_staff:wave_results", args=[wave.pk]) + "?jamfor=ingen"

    small_ms, small_queries = measure(client, url(small))
    large_ms, large_queries = measure(client, url(large))
    emit(
        name="survey_results_page_20000_responses",
        value=large_queries,
        unit="queries",
        baseline_name="survey_results_page_2000_responses",
        baseline_value=small_queries,
        ratio=round(large_queries / small_queries, 3),
        goal="== 1 (the same number of queries)",
        meets=large_queries == small_queries,
        time_ms=round(large_ms, 1),
        baseline_time_ms=round(small_ms, 1),
    )


if __name__ == "__main__":
    main()
