"""What staff are reminded of, and who: quiet and overdue activities, promises due for their
yearly follow-up; and the "Påminnelser" list on the dashboard."""

import pytest
from django.urls import reverse

from promises.models import Activity, FollowUp, Promise
from promises.reminders import due_reminders, months_before, reminders_for_user
from tests.factories import D, progress


@pytest.fixture
def published(world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    return world


def keys(reminders):
    return {r.key for r in reminders}


def ongoing(activity, **fields):
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.ONGOING, **fields)


def test_months_before():
    assert months_before(D(2026, 3, 15), 12) == D(2025, 3, 15)
    assert months_before(D(2024, 2, 29), 12) == D(2023, 2, 28)
    assert months_before(D(2025, 3, 31), 1) == D(2025, 2, 28)
    assert months_before(D(2025, 1, 10), 2) == D(2024, 11, 10)


def test_an_ongoing_activity_without_updates_for_eight_weeks_is_quiet(cast, published):
    activity = published.tjorn_activity
    ongoing(activity)
    progress(activity, date=D(2025, 4, 6))  # 8 weeks before 1 June 2025
    key = f"activity_quiet:{activity.pk}"
    [reminder] = [r for r in due_reminders(D(2025, 6, 1)) if r.key == key]
    assert reminder.reason == (
        "Senaste lägesrapporten är från 6 april 2025, mer än 8 veckor sedan."
    )
    assert reminder.path == reverse("staff:activity_detail", args=[activity.pk])
    assert reminder.organisation_ids == {cast.tjorn.pk}
    assert key not in keys(due_reminders(D(2025, 5, 31)))


def test_internal_updates_count_as_progress(published):
    ongoing(published.tjorn_activity)
    progress(published.tjorn_activity, date=D(2025, 5, 20), is_public=False)
    assert f"activity_quiet:{published.tjorn_activity.pk}" not in keys(due_reminders(D(2025, 6, 1)))


def test_without_updates_the_start_counts(published):
    activity = published.tjorn_activity
    ongoing(activity)  # started 1 February 2025
    [reminder] = [r for r in due_reminders(D(2025, 6, 1)) if r.key.endswith(f":{activity.pk}")]
    assert "sedan aktiviteten började 1 februari 2025" in reminder.reason
    ongoing(activity, start=D(2025, 5, 1))
    assert f"activity_quiet:{activity.pk}" not in keys(due_reminders(D(2025, 6, 1)))


def test_quiet_weeks_is_a_setting(published, settings):
    ongoing(published.tjorn_activity)
    progress(published.tjorn_activity, date=D(2025, 5, 10))
    assert f"activity_quiet:{published.tjorn_activity.pk}" not in keys(due_reminders(D(2025, 6, 1)))
    settings.REMINDER_QUIET_WEEKS = 2
    assert f"activity_quiet:{published.tjorn_activity.pk}" in keys(due_reminders(D(2025, 6, 1)))


@pytest.mark.parametrize(
    ("status", "overdue"),
    [("planned", True), ("ongoing", True), ("done", False), ("partly", False)]
    + [("not_done", False), ("cancelled", False)],
)
def test_an_activity_past_its_end_without_final_status_is_overdue(published, status, overdue):
    activity = published.police_activity  # ends 30 November 2025
    Activity.objects.filter(pk=activity.pk).update(status=status)
    found = keys(due_reminders(D(2025, 12, 1)))
    assert (f"activity_overdue:{activity.pk}" in found) is overdue
    assert f"activity_quiet:{activity.pk}" not in found  # overdue says it all
    assert f"activity_overdue:{activity.pk}" not in keys(due_reminders(D(2025, 11, 30)))


def test_activities_of_unpublished_promises_are_not_reminded(world):
    ongoing(world.police_activity)
    assert not [r for r in due_reminders(D(2026, 1, 1)) if r.key.startswith("activity")]


def test_follow_up_is_due_a_year_after_the_last(published):
    key = f"follow_up_due:{published.promise.pk}"  # the last follow-up: 1 December 2025
    assert key not in keys(due_reminders(D(2026, 11, 30)))
    [reminder] = [r for r in due_reminders(D(2026, 12, 1)) if r.key == key]
    assert reminder.reason.startswith("Senaste uppföljningen gjordes 1 december 2025.")
    assert reminder.path == published.promise.get_staff_url()


def test_follow_up_is_due_a_year_after_the_start_when_there_is_none(published, settings):
    FollowUp.objects.filter(promise=published.promise).delete()
    key = f"follow_up_due:{published.promise.pk}"  # the period starts 1 January 2025
    assert key not in keys(due_reminders(D(2025, 12, 31)))
    [reminder] = [r for r in due_reminders(D(2026, 1, 1)) if r.key == key]
    assert "sedan det började gälla 1 januari 2025" in reminder.reason
    settings.REMINDER_FOLLOW_UP_MONTHS = 6
    assert key in keys(due_reminders(D(2025, 7, 1)))


def test_follow_up_reminder_goes_to_the_reviewing_body(cast, published):
    key = f"follow_up_due:{published.promise.pk}"
    day = D(2026, 12, 1)
    assert key in keys(reminders_for_user(cast.bra_member, day))
    for user in [cast.bra_viewer, cast.alice, cast.bob, cast.charlie]:
        assert key not in keys(reminders_for_user(user, day)), user


def test_without_a_reviewing_body_the_parties_editors_are_reminded(cast, published):
    published.promise.follow_up_bodies.clear()
    key = f"follow_up_due:{published.promise.pk}"
    day = D(2026, 12, 1)
    for user in [cast.alice, cast.bob, cast.orust_editor]:
        assert key in keys(reminders_for_user(user, day)), user
    for user in [cast.viewer, cast.reporter, cast.bra_member, cast.charlie]:
        assert key not in keys(reminders_for_user(user, day)), user


def test_activity_reminders_go_to_the_responsible_organisation(cast, published):
    key = f"activity_overdue:{published.tjorn_activity.pk}"
    day = D(2025, 12, 1)
    for user in [cast.alice, cast.reporter, cast.tjorn_admin]:
        assert key in keys(reminders_for_user(user, day)), user
    for user in [cast.viewer, cast.bob, cast.orust_editor, cast.charlie]:
        assert key not in keys(reminders_for_user(user, day)), user


def test_dashboard_lists_the_reminders(client, cast, published):
    client.force_login(cast.alice)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert '<h2 id="paminnelser">Påminnelser</h2>' in body
    activity_url = reverse("staff:activity_detail", args=[published.tjorn_activity.pk])
    assert f'<a href="{activity_url}">Föräldraträffar</a>' in body
    assert "Slutdatumet 30 november 2025 har passerat" in body
    assert reverse("notifications_staff:reminder_settings") in body
    client.force_login(cast.charlie)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert "Föräldraträffar" not in body


def test_dashboard_without_reminders(client, cast, world):
    client.force_login(cast.viewer)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert "Inga påminnelser just nu" in body
