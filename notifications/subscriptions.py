"""Following a promise or a municipality: asking, confirming (double opt-in), unsubscribing."""

import datetime

from django.db import transaction
from django.utils import timezone

from notifications.models import Subscription
from notifications.tasks import send_subscription_mail
from organisations.models import Municipality
from promises.models import Promise

# A second request for the same address and the same thing within this time sends nothing.
RESEND_AFTER = datetime.timedelta(minutes=1)
# However many things an address is signed up for, it gets at most this many such mails a day
# (someone else may be typing it in).
MAX_MAILS_PER_ADDRESS_PER_DAY = 10


def normalise_email(address: str) -> str:
    return address.strip().lower()


def _may_mail(subscription: Subscription, now: datetime.datetime) -> bool:
    sent = subscription.confirmation_sent_at
    if sent is not None and sent > now - RESEND_AFTER:
        return False
    mailed_today = Subscription.objects.filter(
        email=subscription.email, confirmation_sent_at__gt=now - datetime.timedelta(days=1)
    ).count()
    return mailed_today < MAX_MAILS_PER_ADDRESS_PER_DAY


@transaction.atomic
def _record_wish(
    *,
    email: str,
    frequency: str,
    language: str,
    promise: Promise | None,
    municipality: Municipality | None,
    now: datetime.datetime,
) -> Subscription | None:
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        email=normalise_email(email),
        promise=promise,
        municipality=municipality,
        defaults={"frequency": frequency, "language": language},
    )
    if not subscription.is_confirmed:
        # Until it is confirmed, the latest choice counts. A confirmed subscription is not
        # changed by someone who merely knows the address.
        subscription.frequency, subscription.language = frequency, language
    mail = _may_mail(subscription, now)
    if mail:
        subscription.confirmation_sent_at = now
    subscription.save()
    return subscription if mail else None


def ask_to_follow(
    *,
    email: str,
    frequency: str,
    language: str,
    promise: Promise | None = None,
    municipality: Municipality | None = None,
) -> None:
    """Record the wish to follow and send (in the background) a confirmation link, or, to an
    address that already follows it, a note saying so. Nothing is sent when a mail went to the
    address about the same thing within the last minute. The caller shows the same page
    whatever happened, so nobody learns whether an address follows anything."""
    subscription = _record_wish(
        email=email,
        frequency=frequency,
        language=language,
        promise=promise,
        municipality=municipality,
        now=timezone.now(),
    )
    if subscription is not None:
        # Only the id goes into the task queue: addresses are not stored anywhere else.
        send_subscription_mail.enqueue(subscription.pk)


def confirm(subscription: Subscription) -> Subscription:
    """Start following. News published from now on is sent; earlier news is on the page."""
    if not subscription.is_confirmed:
        now = timezone.now()
        subscription.confirmed_at = subscription.last_sent_at = now
        subscription.save(update_fields=["confirmed_at", "last_sent_at"])
    return subscription


def unsubscribe(token: str) -> None:
    """Stop following: the subscription, address and all, is deleted at once."""
    Subscription.objects.filter(token=token).delete()
