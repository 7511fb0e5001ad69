"""The lägesbild's figures: each source gives its section or is named as left out, people are
suppressed, and the number of queries does not grow with the data."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import Population
from situation.report.builder import build_figures
from situation.report.figures import Scope, dump, load_figures
from tests import situation_factories as sf
from tests import voices_factories as vf

pytestmark = pytest.mark.django_db
D = datetime.date


def tjorn_scope(start=None, end=None, areas=()) -> Scope:
    """From 2025 to today (residents' reports are dated when they come in)."""
    start = start or D(2025, 1, 1)
    end = end or datetime.date.today()
    return Scope([sf.municipality("1419").pk], list(areas), start, end)


def events(first_id: int, n: int, day: datetime.date, **fields) -> None:
    for i in range(n):
        sf.police_event(first_id + i, occurred_on=day, **fields)


def test_an_empty_period_has_no_data_and_names_every_source_left_out(cast):
    figures = build_figures(tjorn_scope())
    assert not figures.has_data
    assert figures.police_events is None and figures.crime is None
    keys = {s.key for s in figures.left_out}
    assert {"police_events", "crime", "surveys", "resident_reports", "dialogues", "walks"} <= keys


def test_police_events_per_municipality_and_type_with_the_period_before(cast):
    Population.objects.update_or_create(
        municipality=sf.municipality("1419"), year=2025, defaults={"count": 16_000}
    )
    events(1, 3, D(2025, 3, 1))
    events(10, 2, D(2025, 4, 2), type="Stöld")
    events(20, 4, D(2024, 6, 1))  # the year before: the previous period
    events(30, 1, D(2025, 3, 1), type="Sammanfattning natt", is_summary=True)
    events(40, 5, D(2025, 3, 1), code="1401")  # Härryda: not chosen
    section = build_figures(tjorn_scope(end=D(2025, 12, 31))).police_events
    (tjorn,) = section.municipalities
    assert (tjorn.count, tjorn.previous) == (5, 4)
    assert [(t.type, t.count, t.previous) for t in tjorn.types] == [
        ("Misshandel", 3, 4),
        ("Stöld", 2, 0),
    ]
    assert tjorn.per_1000 == pytest.approx(5 * 1000 / 16_000)
    assert tjorn.change_percent == pytest.approx(25.0)
    assert section.summaries_left_out == 1


def test_time_patterns_by_month_weekday_and_hour(cast):
    events(1, 2, D(2025, 3, 3), occurred_time=datetime.time(22, 15))  # a Monday
    events(5, 1, D(2025, 7, 6), occurred_time=None)  # a Sunday, no time
    patterns = build_figures(tjorn_scope()).time_patterns
    assert patterns.by_month[2] == 2 and patterns.by_month[6] == 1
    assert patterns.by_weekday[0] == 2 and patterns.by_weekday[6] == 1
    assert patterns.by_hour[22] == 2 and sum(patterns.by_hour) == 2
    assert patterns.without_time == 1


def test_crime_statistics_keep_markers_and_give_rates(cast):
    Population.objects.update_or_create(
        municipality=sf.municipality("1419"), year=2025, defaults={"count": 20_000}
    )
    total = sf.crime_category()
    theft = sf.crime_category("8kap", "Stöld, rån", parent=total, order=1)
    sf.crime_statistic(total, year=2025, value=1000)
    sf.crime_statistic(total, year=2024, value=800)
    sf.crime_statistic(theft, year=2025, marker="XX")
    crime = build_figures(tjorn_scope()).crime
    (tjorn,) = crime.municipalities
    assert tjorn.year == 2025
    first, second = tjorn.rows
    assert (first.category, first.level, first.value, first.previous) == (
        "Samtliga brott",
        0,
        1000.0,
        800.0,
    )
    assert first.per_1000 == pytest.approx(50.0)
    assert first.change_percent == pytest.approx(25.0)
    assert (second.level, second.value, second.marker, second.per_1000) == (1, None, "XX", None)
    assert second.previous_marker == ".."


def test_resident_reports_only_moderated_and_small_counts_suppressed(cast):
    for _ in range(6):
        vf.approved_report(category="belysning")
    vf.approved_report(category="klotter")
    vf.report(category="klotter")  # awaiting moderation: not counted
    section = build_figures(tjorn_scope()).resident_reports
    assert section.total.value == 7
    shown = [c for c in section.by_category if c.count.shown]
    hidden = [c for c in section.by_category if not c.count.shown]
    assert [c.count.value for c in shown] == [6] and len(hidden) == 1
    (place,) = section.places  # seven reports at one coarsened point
    assert place.count.value == 7 and place.size_m > 0
    assert (place.lat, place.lon) != vf.SKARHAMN


def test_dialogues_and_walks_suppress_participants(cast):
    vf.dialogue(cast.tjorn, participants=3, held_on=D(2025, 10, 7))
    vf.walk(cast.tjorn, participants=14, walked_on=D(2025, 11, 4))
    figures = build_figures(tjorn_scope())
    assert figures.dialogues.dialogues == 1
    assert not figures.dialogues.participants.shown
    assert figures.dialogues.heard == []  # the dialogue is not published
    assert figures.walks.participants.value == 14
    assert figures.walks.stops_by_category[0][1] == 1
    assert figures.walks.places[0].count.value == 1


def test_figures_survive_json(cast):
    events(1, 3, D(2025, 3, 1))
    vf.approved_report()
    figures = build_figures(tjorn_scope())
    data = json.loads(json.dumps(dump(figures)))
    again = load_figures(data)
    assert dump(again) == data
    assert again.police_events.municipalities[0].types[0].count == 3
    assert again.resident_reports.total == figures.resident_reports.total


def test_the_number_of_queries_does_not_grow_with_the_data(cast):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            build_figures(tjorn_scope())
        return len(captured)

    graffiti = sf.est_category()
    events(1, 1, D(2025, 3, 1))
    vf.approved_report()
    sf.observation(cast.tjorn, graffiti)
    vf.dialogue(cast.tjorn)
    vf.walk(cast.tjorn)
    few = queries()
    events(100, 30, D(2025, 5, 1), type="Stöld")
    for _ in range(10):
        vf.approved_report()
        sf.observation(cast.tjorn, graffiti, latitude=57.99, longitude=11.55)
        vf.dialogue(cast.tjorn)
        vf.walk(cast.tjorn)
    assert queries() == few


def test_hot_spots_where_reports_gather(cast):
    for _ in range(12):
        vf.approved_report(point=(57.9913, 11.5478))
    for i in range(8):  # spread over some kilometres
        vf.approved_report(point=(57.96 + 0.01 * i, 11.50 + 0.012 * i))
    section = build_figures(tjorn_scope()).hot_spots
    assert section.points == 20
    (hot,) = [c for c in section.cells if c.count.shown]
    assert hot.count.value == 12 and hot.confidence >= 95
    assert all(c.confidence >= 90 for c in section.cells)  # only hot cells are kept
    assert abs(hot.lat - 57.9913) < 0.003 and abs(hot.lon - 11.5478) < 0.005


def test_too_few_places_for_hot_spots_is_said(cast):
    vf.approved_report()
    figures = build_figures(tjorn_scope())
    assert figures.hot_spots is None
    assert "hot_spots" in {s.key for s in figures.left_out}


def test_est_observations_by_category_and_time_of_day_feed_the_hot_spots(cast):
    graffiti = sf.est_category()
    litter = sf.est_category("nedskrapning", "Nedskräpning")
    for _ in range(9):
        sf.observation(cast.tjorn, graffiti, latitude=57.9913, longitude=11.5478)
    sf.observation(cast.tjorn, litter, observed_on=D(2025, 6, 2))
    sf.observation(cast.tjorn, litter, observed_on=D(2024, 6, 2))  # the period before
    figures = build_figures(tjorn_scope(end=D(2025, 12, 31)))
    est = figures.est
    assert (est.total, est.previous) == (10, 1)
    assert [(t.type, t.count, t.previous) for t in est.by_category] == [
        ("Klotter", 9, 0),
        ("Nedskräpning", 1, 1),
    ]
    assert dict(est.by_time_of_day)["Kväll (17–22)"] == 10
    (hot,) = [s for s in figures.sources if s.key == "hot_spots"]
    assert not hot.used and "(9," in hot.detail  # nine placed observations: too few alone
