"""Reminders e-mailed to staff: one message per user, only to those with an address who have
not turned them off, and the same item at most once per REMINDER_REPEAT_DAYS."""

import datetime

import pytest
from django.utils import timezone

from notifications.models import ReminderDelivery, ReminderSettings
from notifications.staff_reminders import send_reminders
from promises.models import Activity, Promise
from tests.factories import D, activity

NOW = timezone.make_aware(datetime.datetime(2025, 12, 5, 6, 0))  # both activities overdue
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://loften.example.se"


@pytest.fixture
def published(cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    for user in [cast.alice, cast.reporter, cast.viewer, cast.bob, cast.charlie]:
        user.email = f"{user.username}@example.se"
        user.save()
    return world


def to(mailoutbox):
    return sorted(address for m in mailoutbox for address in m.to)


def test_each_user_gets_one_message_with_their_reminders(cast, published, mailoutbox):
    activity(
        published.police_commitment, cast.tjorn, title="Belysningsvandring", end=D(2025, 12, 1)
    )
    assert send_reminders(NOW) == 3
    assert to(mailoutbox) == ["alice@example.se", "bob@example.se", "reporter@example.se"]
    [alice] = [m for m in mailoutbox if m.to == ["alice@example.se"]]
    assert alice.subject == "Medborgarlöften: 2 påminnelser"
    assert "* Föräldraträffar (Medborgarlöfte 2025)" in alice.body
    assert "* Belysningsvandring (Medborgarlöfte 2025)" in alice.body
    assert "Slutdatumet 30 november 2025 har passerat" in alice.body
    url = f"https://loften.example.se/personal/aktiviteter/{published.tjorn_activity.pk}/"
    assert url in alice.body
    assert "https://loften.example.se/personal/paminnelser/" in alice.body
    assert "Riktade insatser" not in alice.body  # the police's activity is not Tjörn's
    assert alice.extra_headers["Auto-Submitted"] == "auto-generated"


def test_no_address_turned_off_or_inactive_means_no_mail(cast, published, mailoutbox):
    cast.reporter.email = ""
    cast.reporter.save()
    ReminderSettings.objects.create(user=cast.alice, email_reminders=False)
    cast.bob.is_active = False
    cast.bob.save()
    cast.tjorn_admin.email = "admin@example.se"
    cast.tjorn_admin.save()
    send_reminders(NOW)
    assert to(mailoutbox) == ["admin@example.se"]  # the viewer with an address gets none either


def test_the_same_reminder_is_not_repeated_within_the_interval(cast, published, mailoutbox):
    send_reminders(NOW)
    send_reminders(NOW + DAY)
    assert len(mailoutbox) == 3
    Activity.objects.filter(pk=published.police_activity.pk).update(end=NOW.date() + 3 * DAY)
    activity(published.police_commitment, cast.tjorn, title="Ny aktivitet", end=D(2025, 12, 5))
    mailoutbox.clear()
    send_reminders(NOW + 2 * DAY)  # only the new item, and only to Tjörn
    assert to(mailoutbox) == ["alice@example.se", "reporter@example.se"]
    assert "Ny aktivitet" in mailoutbox[0].body and "Föräldraträffar" not in mailoutbox[0].body
    mailoutbox.clear()
    send_reminders(NOW + 15 * DAY)  # 14 days later: still due, reminded again
    assert "Föräldraträffar" in mailoutbox[0].body
    assert ReminderDelivery.objects.filter(sent_at__lte=NOW).count() == 0  # old ones cleared


def test_the_interval_is_a_setting(cast, published, mailoutbox, settings):
    settings.REMINDER_REPEAT_DAYS = 1
    send_reminders(NOW)
    send_reminders(NOW + 2 * DAY)
    assert len(mailoutbox) == 6


def test_a_refused_message_is_tried_again(cast, published, mailoutbox, settings, caplog):
    settings.EMAIL_BACKEND = "tests.email_backends.RefusingBackend"
    assert send_reminders(NOW) == 0
    assert not ReminderDelivery.objects.exists()
    assert "alice@" not in caplog.text and f"reminders for user {cast.alice.pk}" in caplog.text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_reminders(NOW) == 3


def test_a_long_list_names_the_first_and_counts_the_rest(cast, published, mailoutbox):
    for n in range(30):
        activity(published.police_commitment, cast.tjorn, title=f"Aktivitet {n:02}")
    send_reminders(NOW)
    [alice] = [m for m in mailoutbox if m.to == ["alice@example.se"]]
    assert alice.subject == "Medborgarlöften: 31 påminnelser"
    assert alice.body.count("\n* ") == 25
    assert "… och 6 påminnelser till:\nhttps://loften.example.se/personal/" in alice.body
    mailoutbox.clear()
    send_reminders(NOW + DAY)  # all 31 were recorded as sent, not only the 25 listed
    assert mailoutbox == []
