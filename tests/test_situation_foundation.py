"""The lägesbild's foundation: who reads and edits what, the index pages, and the rules the
models keep (markers distinct from zero, the review date of an åtgärdsplan)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse

from situation import access
from situation.models import CrimeStatistic, PoliceEvent
from tests import situation_factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture
def tjorn_report(cast):
    return sf.situation_report(cast.tjorn, [sf.municipality("1419")])


@pytest.mark.parametrize(
    ("who", "can_read", "can_edit"),
    [
        ("alice", True, True),  # editor, Tjörn
        ("viewer", True, False),  # viewer, Tjörn
        ("bra_member", True, True),  # editor of Tjörn's BRÅ
        ("bob", True, True),  # kommunpolis, the LPO covers Tjörn
        ("orust_editor", False, False),  # the neighbour, same LPO
        ("charlie", False, False),  # another tenant
    ],
)
def test_report_access_matrix(cast, tjorn_report, who, can_read, can_edit):
    user = getattr(cast, who)
    if not can_read:
        with pytest.raises(Http404):
            access.get_report_for_user(user, tjorn_report.pk)
        return
    assert access.get_report_for_user(user, tjorn_report.pk) == tjorn_report
    if can_edit:
        access.get_report_for_user(user, tjorn_report.pk, access.Need.EDIT)
    else:
        with pytest.raises(PermissionDenied):
            access.get_report_for_user(user, tjorn_report.pk, access.Need.EDIT)


def test_est_reporters_submit_only_for_their_own_organisation(cast):
    access.check_est_reporter(cast.reporter, cast.tjorn)
    access.check_est_reporter(cast.alice, cast.tjorn)  # an editor may report too
    with pytest.raises(PermissionDenied):
        access.check_est_reporter(cast.viewer, cast.tjorn)  # a viewer is not a reporter
    with pytest.raises(PermissionDenied):
        access.check_est_reporter(cast.reporter, cast.orust)
    assert list(access.est_organisations_for_user(cast.reporter)) == [cast.tjorn]


def test_observations_visible_in_the_municipality_and_to_their_reporter(cast):
    category = sf.est_category()
    tjorn = sf.observation(cast.tjorn, category, cast.reporter)
    harryda = sf.observation(cast.harryda, category, cast.charlie)
    assert set(access.observations_visible_to(cast.alice)) == {tjorn}
    assert set(access.observations_visible_to(cast.bob)) == {tjorn}
    assert set(access.observations_visible_to(cast.charlie)) == {harryda}
    assert access.can_compile(cast.alice, tjorn.municipality_id)
    assert not access.can_compile(cast.viewer, tjorn.municipality_id)


def test_action_plan_access_and_review_date(cast):
    plan = sf.action_plan("1419")
    assert plan.next_review_on == sf.D(2026, 6, 17)  # every second year by default
    assert access.get_action_plan_for_user(cast.viewer, plan.pk) == plan
    with pytest.raises(PermissionDenied):
        access.get_action_plan_for_user(cast.viewer, plan.pk, access.Need.EDIT)
    with pytest.raises(Http404):
        access.get_action_plan_for_user(cast.charlie, plan.pk)
    leap = sf.action_plan("1419", decided_on=sf.D(2024, 2, 29), review_interval_years=3)
    assert leap.next_review_on == sf.D(2027, 2, 28)


def test_markers_are_kept_apart_from_zero():
    category = sf.crime_category()
    zero = sf.crime_statistic(category, value=0)
    suppressed = sf.crime_statistic(category, year=2023, marker=CrimeStatistic.Marker.SUPPRESSED)
    assert zero.value == 0 and zero.marker == ""
    assert suppressed.value is None and suppressed.period == "2023"
    quarter = sf.crime_statistic(category, quarter=2)
    assert quarter.period == "2024-K2"
    with transaction.atomic(), pytest.raises(IntegrityError):
        sf.crime_statistic(category, year=2022, marker="XX", value=3)  # never both
    with transaction.atomic(), pytest.raises(IntegrityError):
        sf.crime_statistic(category, value=5)  # the same cell twice


def test_summaries_are_not_countable(cast):
    sf.police_event(1)
    sf.police_event(2, type="Sammanfattning natt", is_summary=True)
    assert PoliceEvent.objects.countable().count() == 1


def test_public_index_lists_published_reports_with_constant_queries(
    client, cast, django_assert_num_queries
):
    response = client.get(reverse("situation:index"))
    assert "Ingen lägesbild är publicerad än" in response.content.decode()
    sf.situation_report(cast.tjorn, [sf.municipality("1419")], title="Utkastet")
    published = "Lägesbild Tjörn 2024"
    sf.situation_report(cast.tjorn, [sf.municipality("1419")], title=published, status="published")
    with django_assert_num_queries(2):
        body = client.get(reverse("situation:index")).content.decode()
    assert published in body and "Utkastet" not in body
    for n in range(5):
        sf.situation_report(
            cast.orust, [sf.municipality("1421")], title=f"Orust {n}", status="published"
        )
    with django_assert_num_queries(2):
        client.get(reverse("situation:index"))


def test_staff_index_is_in_the_navigation_and_shows_own_reports(client, cast, tjorn_report):
    client.force_login(cast.alice)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert reverse("situation_staff:index") in body
    body = client.get(reverse("situation_staff:index")).content.decode()
    assert tjorn_report.title in body
    client.force_login(cast.charlie)
    body = client.get(reverse("situation_staff:index")).content.decode()
    assert tjorn_report.title not in body and "Ingen lägesbild än" in body


def test_staff_index_needs_a_login(client):
    response = client.get(reverse("situation_staff:index"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
