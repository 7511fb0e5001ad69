"""Background tasks (django-tasks, database backend; `manage.py db_worker` runs them).

Arguments are ids, never addresses: the queue is stored in the database and kept for a while.
"""

from django.contrib.auth import get_user_model
from django_tasks import task

from notifications import mail
from notifications.digests import send_notices
from notifications.models import Subscription
from notifications.sending import send_all
from participation.models import ReportContact, ReportUpdate, ResidentReport


@task()
def send_subscription_mail(subscription_id: int) -> bool:
    """The confirmation link (or, when confirmed already, a note saying so)."""
    subscription = (
        Subscription.objects.select_related("promise", "municipality")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:  # unsubscribed or deleted meanwhile
        return False
    message = mail.confirmation_message(subscription)
    return mail.send(message, what="confirmation for subscription", ref=subscription_id)


@task()
def send_immediate_notices() -> int:
    """Enqueued when something that may be news is saved (see notifications.signals)."""
    return send_notices(Subscription.Frequency.IMMEDIATE)


@task()
def send_notifications() -> dict[str, int]:
    """Everything `manage.py send_notifications` does."""
    return send_all().as_dict()


@task()
def send_report_link(report_id: int, token: str, language: str) -> bool:
    """The private follow link of a new report, to the e-mail address its sender left. The
    token is in the queue only until this runs (and the task results are pruned); the address
    is read from the report's contact details, never passed along."""
    contact = (
        ReportContact.objects.select_related("report__category").filter(report_id=report_id).first()
    )
    if contact is None or not contact.email:
        return False
    message = mail.report_link_message(
        to=contact.email, report=contact.report, token=token, language=language
    )
    return mail.send(message, what="report link", ref=report_id)


@task()
def send_report_notice(report_id: int, kind: str, update_id: int | None = None) -> bool:
    """Tells the reporter of a status change or a rejection, when they left an e-mail address
    that is still kept (contact details are deleted after the retention time)."""
    contact = ReportContact.objects.filter(report_id=report_id).exclude(email="").first()
    if contact is None:
        return False
    report = (
        ResidentReport.objects.select_related("category", "municipality")
        .filter(pk=report_id)
        .first()
    )
    update = ReportUpdate.objects.filter(pk=update_id, report_id=report_id).first()
    if report is None or (kind == "status" and update is None):
        return False
    message = mail.report_notice_message(to=contact.email, report=report, kind=kind, update=update)
    return mail.send(message, what="report notice", ref=report_id)


@task()
def send_password_reset(user_id: int) -> bool:
    """The link to choose a new password, to the account's own address. The token is made here
    (it is not in the queue) and stops working once the password is changed."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not user.has_usable_password():
        return False
    return mail.send(mail.password_reset_message(user), what="password reset", ref=user_id)
