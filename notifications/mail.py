"""Building the e-mails: plain text only, links absolute (SITE_URL), no tracking of any kind.

Text that staff typed goes into the body as the characters they typed: a plain-text message has
no markup to run, so a `<script>` stays text. Subjects are one line (a newline in a title could
otherwise add a header).
"""

import itertools
import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.notices import Notice
from notifications.models import Subscription
from participation.models import ReportUpdate, ResidentReport
from participation.public_reports import public_report_path
from promises.reminders import Reminder

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def one_line(text: str) -> str:
    return " ".join(text.split())


def _message(
    *, to: str, template: str, context: dict, headers: dict[str, str] | None = None
) -> EmailMessage:
    subject = one_line(render_to_string(f"notifications/email/{template}_subject.txt", context))
    body = render_to_string(f"notifications/email/{template}.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )


def subscription_links(subscription: Subscription) -> dict[str, str]:
    return {
        "confirm_url": absolute(reverse("notifications:confirm", args=[subscription.token])),
        "unsubscribe_url": absolute(
            reverse("notifications:unsubscribe", args=[subscription.token])
        ),
    }


def subscription_message(
    subscription: Subscription, template: str, extra: dict | None = None
) -> EmailMessage:
    """A message to a follower, in their language, with one-click unsubscribe (RFC 8058)."""
    links = subscription_links(subscription)
    context = {
        "subscription": subscription,
        "target": subscription.target_name,
        "confirm_days": settings.SUBSCRIPTION_CONFIRM_DAYS,
        **links,
        **(extra or {}),
    }
    with translation.override(subscription.language):
        return _message(
            to=subscription.email,
            template=template,
            context=context,
            headers={
                "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def confirmation_message(subscription: Subscription) -> EmailMessage:
    """Asks to confirm a new subscription, or, when it is confirmed already, says so."""
    template = "already_following" if subscription.is_confirmed else "confirm"
    return subscription_message(subscription, template)


def notices_message(subscription: Subscription, notices: list[Notice]) -> EmailMessage:
    with translation.override(subscription.language):
        topics = [
            (topic, [(n, absolute(n.path)) for n in group])
            for topic, group in itertools.groupby(
                sorted(notices, key=lambda n: n.topic), key=lambda n: n.topic
            )
        ]
    return subscription_message(
        subscription,
        "notices",
        {
            "topics": topics,
            "count": len(notices),
            "weekly": subscription.frequency == Subscription.Frequency.WEEKLY,
        },
    )


# A long list belongs on the dashboard; the e-mail names the first ones and how many more.
REMINDERS_IN_ONE_MAIL = 25


def reminders_message(user: AbstractBaseUser, reminders: list[Reminder]) -> EmailMessage:
    listed = reminders[:REMINDERS_IN_ONE_MAIL]
    context = {
        "user": user,
        "count": len(reminders),
        "reminders": [(r, absolute(r.path)) for r in listed],
        "more": len(reminders) - len(listed),
        "dashboard_url": absolute(reverse("staff:dashboard")),
        "settings_url": absolute(reverse("notifications_staff:reminder_settings")),
        "repeat_days": settings.REMINDER_REPEAT_DAYS,
    }
    with translation.override(settings.LANGUAGE_CODE):
        return _message(to=user.email, template="reminders", context=context)


def report_link_message(*, to: str, report: object, token: str, language: str) -> EmailMessage:
    """The private link to a report the resident just sent (only to the address they left)."""
    context = {
        "report": report,
        "follow_url": absolute(reverse("participation:report_follow", args=[token])),
        "retention_days": settings.REPORT_CONTACT_RETENTION_DAYS,
    }
    with translation.override(language):
        return _message(to=to, template="report_link", context=context)


def report_notice_message(
    *, to: str, report: ResidentReport, kind: str, update: ReportUpdate | None
) -> EmailMessage:
    """Tells a reporter what happened to their report: the status and its public answer, or
    that it will not be published and why. Never the report's text, its place or the private
    follow link (only its hash is stored); the link goes to the municipality's public map."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "kind": kind,
            "status": report.Status(update.status).label if update else "",
            "note": update.public_note if update else "",
            "reason": report.rejection_reason if kind == "rejected" else "",
            "category": report.category.name_in(settings.LANGUAGE_CODE),
            "municipality": report.municipality.name,
            "url": absolute(public_report_path(report)),
            "number": report.pk,
        }
        return _message(to=to, template="report_notice", context=context)


def send(message: EmailMessage, *, what: str, ref: object) -> bool:
    """Send one message; a failure is logged without the address (only `what` and `ref`, an
    id) and reported as False, so that one bad address does not stop the others."""
    try:
        message.send()
    except Exception as exc:  # any transport error: log it and go on with the others
        logger.warning("Could not send %s %s: %s", what, ref, type(exc).__name__)
        return False
    return True


def password_reset_message(user: AbstractBaseUser) -> EmailMessage:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    context = {
        "username": user.get_username(),
        "reset_url": absolute(reverse("password_reset_confirm", args=[uid, token])),
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    with translation.override(settings.LANGUAGE_CODE):
        return _message(to=user.email, template="password_reset", context=context)
