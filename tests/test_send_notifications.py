"""`manage.py send_notifications` and its task: unconfirmed addresses deleted after 7 days,
everything due sent once, and nothing sent twice."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications.models import Subscription
from notifications.sending import delete_unconfirmed
from notifications.tasks import send_notifications
from organisations.models import Municipality
from promises.models import Promise
from tests.factories import progress, subscription

DAY = datetime.timedelta(days=1)


@pytest.fixture
def tjorn(db):
    return Municipality.objects.get(slug="tjorn")


def aged(sub: Subscription, days: float) -> Subscription:
    Subscription.objects.filter(pk=sub.pk).update(created_at=timezone.now() - days * DAY)
    return sub


def test_unconfirmed_addresses_are_deleted_after_seven_days(tjorn):
    old = aged(subscription("gammal@example.se", confirmed=False, municipality=tjorn), 7.1)
    young = aged(subscription("ung@example.se", confirmed=False, municipality=tjorn), 6.9)
    confirmed = aged(subscription("bekraftad@example.se", municipality=tjorn), 30)
    out = io.StringIO()
    call_command("send_notifications", stdout=out)
    assert "Obekräftade bevakningar borttagna: 1" in out.getvalue()
    remaining = set(Subscription.objects.values_list("pk", flat=True))
    assert remaining == {young.pk, confirmed.pk} and old.pk not in remaining


def test_the_days_count_from_the_latest_confirmation_link(tjorn):
    sub = aged(subscription(confirmed=False, municipality=tjorn), 8)
    Subscription.objects.filter(pk=sub.pk).update(confirmation_sent_at=timezone.now() - 2 * DAY)
    assert delete_unconfirmed() == 0
    Subscription.objects.filter(pk=sub.pk).update(confirmation_sent_at=timezone.now() - 7.5 * DAY)
    assert delete_unconfirmed() == 1


def test_the_period_is_a_setting(tjorn, settings):
    settings.SUBSCRIPTION_CONFIRM_DAYS = 2
    aged(subscription(confirmed=False, municipality=tjorn), 3)
    assert delete_unconfirmed() == 1


def test_running_twice_sends_nothing_twice(cast, world, mailoutbox):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    cast.bob.email = "kommunpolis@example.se"
    cast.bob.save()
    week_ago = timezone.now() - 8 * DAY
    subscription(promise=world.promise, confirmed_at=week_ago, last_sent_at=week_ago)
    subscription(
        "direkt@example.se",
        promise=world.promise,
        frequency=Subscription.Frequency.IMMEDIATE,
        confirmed_at=week_ago,
        last_sent_at=week_ago,
    )
    progress(world.police_activity, approved_at=timezone.now() - DAY)
    out = io.StringIO()
    call_command("send_notifications", stdout=out)
    assert out.getvalue().splitlines()[1:] == [
        "Mejl med nyheter direkt: 1",
        "Veckosammanfattningar: 1",
        "Påminnelser till personal: 1",
    ]
    assert sorted(m.to[0] for m in mailoutbox) == [
        "direkt@example.se",
        "invanare@example.se",
        "kommunpolis@example.se",
    ]
    call_command("send_notifications", stdout=io.StringIO())
    assert len(mailoutbox) == 3


@pytest.mark.usefixtures("immediate_tasks")
def test_the_task_does_the_same(tjorn):
    aged(subscription(confirmed=False, municipality=tjorn), 8)
    result = send_notifications.enqueue()
    assert result.return_value == {
        "unconfirmed_deleted": 1,
        "immediate_sent": 0,
        "digests_sent": 0,
        "reminders_sent": 0,
    }
