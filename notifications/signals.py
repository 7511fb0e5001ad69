"""Waking the sender: when something that may be news is saved (a progress update approved, a
follow-up published, a new version of a promise), followers who want news at once get it as
soon as the change is committed. `manage.py send_notifications` catches anything missed."""

from django.db import models, transaction
from django.db.models.signals import post_save
from django.utils import translation

from notifications import registry
from notifications.models import Subscription
from notifications.tasks import send_immediate_notices, send_report_link, send_report_notice
from participation.models import ReportContact
from participation.moderation.signals import report_notice
from participation.reports.submission import report_filed


def _enqueue_immediate_notices() -> None:
    immediate = Subscription.objects.confirmed().filter(frequency=Subscription.Frequency.IMMEDIATE)
    if immediate.exists():
        send_immediate_notices.enqueue()


def _saved(sender: type[models.Model], raw: bool = False, **kwargs: object) -> None:
    if not raw:
        # robust: a queue that cannot be reached must not undo or fail the staff member's save.
        transaction.on_commit(_enqueue_immediate_notices, robust=True)


def _report_filed(sender: object, report_id: int, token: str, **kwargs: object) -> None:
    """Sent after the new report is committed: e-mail its link if an address was left."""
    if ReportContact.objects.filter(report_id=report_id).exclude(email="").exists():
        send_report_link.enqueue(report_id, token, translation.get_language() or "sv")


def _report_notice(
    sender: object, report_id: int, kind: str, update_id: int | None, **_: object
) -> None:
    """Sent by participation's moderation after its change is committed."""
    send_report_notice.enqueue(report_id, kind, update_id)


def connect() -> None:
    report_filed.connect(_report_filed, dispatch_uid="notify-report-filed")
    report_notice.connect(_report_notice, dispatch_uid="notify-report-notice")
    for model in registry.triggers():
        post_save.connect(_saved, sender=model, dispatch_uid=f"notify-{model._meta.label}")
