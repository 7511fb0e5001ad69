"""Residents following a promise or a municipality by e-mail, and staff reminder settings.

A subscription holds only what sending needs: the address, what it follows, how often and in
which language, when it was confirmed, and where sending has got to. Unsubscribing deletes it;
an address not confirmed within SUBSCRIPTION_CONFIRM_DAYS is deleted. Addresses are never shown
on a public page, in the API, the open data or the logs, and are not part of the audit trail.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.notices import Followed
from organisations.models import Municipality
from promises.models import Promise


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("En sammanfattning i veckan")
    IMMEDIATE = "immediate", _("Direkt när något nytt publiceras")


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self) -> "SubscriptionQuerySet":
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_since(self, moment: datetime.datetime) -> "SubscriptionQuerySet":
        """Not confirmed, and the latest confirmation link (or the request) is older."""
        return self.filter(confirmed_at__isnull=True).filter(
            models.Q(confirmation_sent_at__lt=moment)
            | models.Q(confirmation_sent_at__isnull=True, created_at__lt=moment)
        )


class Subscription(models.Model):
    Frequency = Frequency

    email = models.EmailField(_("e-postadress"))
    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    frequency = models.CharField(
        _("hur ofta"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    language = models.CharField(_("språk"), max_length=5, choices=settings.LANGUAGES)
    # One unguessable token for the confirmation and the unsubscribe links.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # News published up to this moment has been sent. Notices published shortly before it are
    # looked at again (a transaction may commit late), and `recent_notice_keys` (key → moment)
    # keeps those already sent from going out twice.
    last_sent_at = models.DateTimeField(null=True, blank=True)
    recent_notice_keys = models.JSONField(default=dict, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["email"], name="subscription_email")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(promise__isnull=True, municipality__isnull=False)
                | models.Q(promise__isnull=False, municipality__isnull=True),
                name="subscription_follows_one_thing",
            ),
            models.UniqueConstraint(
                fields=["email", "promise"],
                condition=models.Q(promise__isnull=False),
                name="one_subscription_per_promise",
            ),
            models.UniqueConstraint(
                fields=["email", "municipality"],
                condition=models.Q(municipality__isnull=False),
                name="one_subscription_per_municipality",
            ),
        ]
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")

    def __str__(self) -> str:
        # Never the address: this text can reach logs and error pages.
        return _("Bevakning %(id)s av %(target)s") % {"id": self.pk, "target": self.target_name}

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def target(self) -> Promise | Municipality:
        return self.promise if self.promise_id else self.municipality

    @property
    def target_name(self) -> str:
        return str(self.target)

    @property
    def target_path(self) -> str:
        return self.target.get_absolute_url()

    def followed(self) -> Followed:
        if self.promise_id:
            return Followed(promise_ids=frozenset({self.promise_id}))
        promise_ids = (
            Promise.objects.public()
            .for_municipality(self.municipality_id)
            .values_list("pk", flat=True)
        )
        return Followed(
            promise_ids=frozenset(promise_ids), municipality_ids=frozenset({self.municipality_id})
        )


class ReminderSettings(models.Model):
    """A staff user's choice about reminder e-mails; without a row, reminders are e-mailed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    email_reminders = models.BooleanField(
        _("skicka påminnelser till min e-post"),
        default=True,
        help_text=_("Påminnelserna syns i översikten vad du än väljer här."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inställning för påminnelser")
        verbose_name_plural = _("inställningar för påminnelser")

    def __str__(self) -> str:
        return _("Påminnelser för %(user)s") % {"user": self.user.get_username()}


class ReminderDelivery(models.Model):
    """That a user was e-mailed a reminder about an item (a reminder key), so that it is not
    repeated until REMINDER_REPEAT_DAYS have passed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=80)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_delivery_per_reminder")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.key} {self.sent_at:%Y-%m-%d}"
