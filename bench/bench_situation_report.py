"""Building the lägesbild of a municipality with all its events, 5,000 EST reports and 2,000
residents' reports against one with a tenth of that, in one run.

Goal: the same number of SQL queries (the builder aggregates in the database and fetches points
as value lists; nothing is done per row in the database). The time of each is reported too.
"""

import datetime
import random

from common import emit, paired_median_ms, setup_django

setup_django()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from organisations.models import Municipality, Organisation  # noqa: E402
from participation.models import ReportCategory, ResidentReport  # noqa: E402
from situation.models import EstCategory, EstObservation, PoliceEvent  # noqa: E402
from situation.report.builder import build_figures  # noqa: E402
from situation.report.figures import Scope  # noqa: E402
from tests.factories import make_cast  # noqa: E402

TYPES = ["Misshandel", "Stöld", "Trafikolycka, personskada", "Skadegörelse", "Narkotikabrott"]
START, END = datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)


def fill(
    municipality: Municipality, organisation: Organisation, scale: float, first_id: int
) -> None:
    rnd = random.Random(first_id)
    days = (END - START).days
    centre = (57.99, 11.55) if municipality.code == "1419" else (58.11, 11.80)

    def day() -> datetime.date:
        return START + datetime.timedelta(days=rnd.randrange(days))

    PoliceEvent.objects.bulk_create(
        PoliceEvent(
            police_id=first_id + i,
            published_at=timezone.now(),
            occurred_on=day(),
            occurred_time=datetime.time(rnd.randrange(24), rnd.randrange(60)),
            name=f"Händelse {i}",
            type=rnd.choice(TYPES),
            location_name=municipality.name,
            municipality=municipality,
        )
        for i in range(int(1500 * scale))
    )
    category, _ = EstCategory.objects.get_or_create(
        code="klotter", organisation=None, defaults={"name": "Klotter"}
    )
    EstObservation.objects.bulk_create(
        EstObservation(
            organisation=organisation,
            municipality=municipality,
            category=category,
            observed_on=day(),
            latitude=centre[0] + rnd.gauss(0, 0.01),
            longitude=centre[1] + rnd.gauss(0, 0.02),
        )
        for _ in range(int(5000 * scale))
    )
    report_categories = list(ReportCategory.objects.all()[:4])
    ResidentReport.objects.bulk_create(
        ResidentReport(
            municipality=municipality,
            category=rnd.choice(report_categories),
            description="Exempel",
            public_text="Exempel",
            latitude=centre[0] + rnd.gauss(0, 0.01),
            longitude=centre[1] + rnd.gauss(0, 0.02),
            moderation=ResidentReport.Moderation.APPROVED,
            tracking_token_hash=f"bench-{first_id}-{i}",
        )
        for i in range(int(2000 * scale))
    )


def main() -> None:
    cast = make_cast()
    large_m, small_m = Municipality.objects.get(code="1419"), Municipality.objects.get(code="1421")
    fill(large_m, cast.tjorn, 1.0, 1_000_000)
    fill(small_m, cast.orust, 0.1, 2_000_000)
    today = datetime.date.today()
    large = Scope([large_m.pk], [], START, today)
    small = Scope([small_m.pk], [], START, today)

    def queries(scope: Scope) -> int:
        with CaptureQueriesContext(connection) as captured:
            build_figures(scope)
        return len(captured)

    large_queries, small_queries = queries(large), queries(small)
    large_ms, small_ms = paired_median_ms(
        lambda: build_figures(large), lambda: build_figures(small), repeat=7
    )
    emit(
        name="situation_report_full_municipality_queries",
        value=large_queries,
        unit="SQL queries",
        baseline_name="situation_report_tenth_queries",
        baseline_value=small_queries,
        ratio=round(large_queries / small_queries, 3),
        goal="== 1 (the same number of queries)",
        meets=large_queries == small_queries,
        ms=round(large_ms, 1),
        baseline_ms=round(small_ms, 1),
    )


main()
