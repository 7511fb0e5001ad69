"""Telling followers what is new: at once, or in a weekly digest.

A subscription's `last_sent_at` says how far sending has got. Each run collects, per followed
thing and language, the news published since then (from every notice source) and sends it;
running again sends nothing twice. The window starts OVERLAP before `last_sent_at`, because a
transaction that published something may commit a moment after its timestamp; the keys of the
news sent in that stretch are kept so that it is not sent again.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from core.notices import Notice
from notifications import mail
from notifications.models import Subscription
from notifications.registry import collect_notices

OVERLAP = datetime.timedelta(minutes=15)


def window_start(subscription: Subscription) -> datetime.datetime:
    start = (subscription.last_sent_at or subscription.confirmed_at) - OVERLAP
    return max(start, subscription.confirmed_at)


def due_subscriptions(frequency: str, now: datetime.datetime) -> QuerySet[Subscription]:
    subscriptions = Subscription.objects.confirmed().filter(frequency=frequency)
    if frequency == Subscription.Frequency.WEEKLY:
        # At most one digest per period; a quiet week sends nothing and the next news goes
        # out as soon as it is published.
        subscriptions = subscriptions.filter(
            last_sent_at__lte=now - datetime.timedelta(days=settings.DIGEST_DAYS)
        )
    return subscriptions.select_related("promise", "municipality").order_by("pk")


def _news_for(subscription: Subscription, notices: list[Notice]) -> list[Notice]:
    start = window_start(subscription)
    sent = subscription.recent_notice_keys
    return [n for n in notices if n.published_at > start and n.key not in sent]


def _deliver(subscription: Subscription, news: list[Notice], now: datetime.datetime) -> bool:
    keys = {
        key: at
        for key, at in subscription.recent_notice_keys.items()
        if datetime.datetime.fromisoformat(at) > now - OVERLAP
    }
    keys |= {n.key: n.published_at.isoformat() for n in news if n.published_at > now - OVERLAP}
    with transaction.atomic():
        # Claim the subscription: a run that got here first has moved `last_sent_at` on.
        claimed = Subscription.objects.filter(
            pk=subscription.pk, last_sent_at=subscription.last_sent_at
        ).update(last_sent_at=now, recent_notice_keys=keys)
        if not claimed:
            return False
        message = mail.notices_message(subscription, news)
        if not mail.send(message, what="notices for subscription", ref=subscription.pk):
            transaction.set_rollback(True)  # try again next run
            return False
    return True


def send_notices(frequency: str, now: datetime.datetime | None = None) -> int:
    """Send what is new to the subscriptions of this frequency that are due; returns how many
    messages went out. The sources are asked once per followed thing and language."""
    now = now or timezone.now()
    groups: dict[tuple, list[Subscription]] = defaultdict(list)
    for subscription in due_subscriptions(frequency, now):
        key = (subscription.promise_id, subscription.municipality_id, subscription.language)
        groups[key].append(subscription)
    sent = 0
    for (_p, _m, language), members in groups.items():
        with translation.override(language):
            since = min(window_start(s) for s in members)
            notices = collect_notices(members[0].followed(), since, now)
        for subscription in members:
            news = _news_for(subscription, notices)
            if news and _deliver(subscription, news, now):
                sent += 1
    return sent
