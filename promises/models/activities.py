"""The activity plan: who does what, when and how much, and the dated progress on it."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, RowNumber
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from promises.models.promises import Commitment, FocusArea, Promise, PromiseStatus


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    ONGOING = "ongoing", _("Pågår")
    DONE = "done", _("Genomförd")
    PARTLY = "partly", _("Delvis genomförd")
    NOT_DONE = "not_done", _("Inte genomförd")
    CANCELLED = "cancelled", _("Inställd")


# An activity with one of these statuses is finished: it needs no more progress updates.
FINAL_STATUSES = (
    ActivityStatus.DONE,
    ActivityStatus.PARTLY,
    ActivityStatus.NOT_DONE,
    ActivityStatus.CANCELLED,
)


class ActivityQuerySet(models.QuerySet):
    def with_progress(self) -> "ActivityQuerySet":
        """Annotate `done_quantity`: the sum of all progress updates, public or internal."""
        done = (
            ProgressUpdate.objects.filter(activity=models.OuterRef("pk"))
            .values("activity")
            .annotate(total=models.Sum("quantity"))
            .values("total")
        )
        return self.annotate(done_quantity=Coalesce(models.Subquery(done), 0))

    def first_per_commitment(self, limit: int) -> "ActivityQuerySet":
        """At most `limit` activities of each commitment, in plan order (one query)."""
        row = models.Window(
            RowNumber(),
            partition_by=models.F("commitment_id"),
            order_by=[models.F("start"), models.F("id")],
        )
        return self.annotate(row_in_commitment=row).filter(row_in_commitment__lte=limit)

    def responsible_among(self, org_ids: set[int]) -> "ActivityQuerySet":
        return self.filter(responsible_id__in=org_ids)

    def of_published_promises(self) -> "ActivityQuerySet":
        return self.filter(commitment__promise__status=PromiseStatus.PUBLISHED)

    def with_last_update(self) -> "ActivityQuerySet":
        """Annotate `last_update_on`: the date of the latest progress update, public or not."""
        latest = ProgressUpdate.objects.filter(activity=models.OuterRef("pk")).order_by("-date")
        return self.annotate(last_update_on=models.Subquery(latest.values("date")[:1]))

    def quiet_since(self, cutoff: datetime.date) -> "ActivityQuerySet":
        """Ongoing activities with no progress update after `cutoff` (counting from the start
        when there is none yet)."""
        return (
            self.with_last_update()
            .annotate(quiet_from=Coalesce("last_update_on", "start"))
            .filter(status=ActivityStatus.ONGOING, quiet_from__lte=cutoff)
        )

    def overdue_on(self, day: datetime.date) -> "ActivityQuerySet":
        """Activities whose end date has passed without a final status."""
        return self.filter(end__lt=day).exclude(status__in=FINAL_STATUSES)


class Activity(models.Model):
    Status = ActivityStatus

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="activities", verbose_name=_("åtagande")
    )
    title = models.CharField(_("aktivitet"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="responsible_activities",
        verbose_name=_("ansvarig organisation"),
    )
    responsible_function = models.CharField(
        _("ansvarig funktion"),
        max_length=120,
        blank=True,
        help_text=_("T.ex. ”Fältgruppen”, ”kommunpolis”."),
    )
    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("fokusområde")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("slut"))
    target_quantity = models.PositiveIntegerField(_("mål (antal)"), null=True, blank=True)
    unit = models.CharField(_("enhet"), max_length=60, blank=True, help_text=_("T.ex. ”insatser”."))
    counts_people = models.BooleanField(
        _("antalet avser personer"),
        default=False,
        help_text=_("Små antal personer visas då inte publikt (integritetsskydd)."),
    )
    resources = models.CharField(_("resurser"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    follow_up_on = models.DateField(_("följs upp"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["commitment", "start", "id"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Aktiviteten kan inte sluta innan den börjar.")})
        if self.target_quantity is not None and not self.unit:
            raise ValidationError({"unit": _("Ange vad antalet räknar, t.ex. ”insatser”.")})


class ProgressUpdateQuerySet(models.QuerySet):
    def published(self) -> "ProgressUpdateQuerySet":
        """Shown to residents: meant to be public and approved by an editor (DOMAIN.md §7)."""
        return self.filter(is_public=True, approved_at__isnull=False)

    def awaiting_review(self) -> "ProgressUpdateQuerySet":
        return self.filter(is_public=True, approved_at__isnull=True)


class ProgressUpdate(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("datum"))
    text = models.TextField(_("vad gjordes"))
    quantity = models.PositiveIntegerField(
        _("antal genomförda"), default=0, help_text=_("Läggs till aktivitetens antal genomförda.")
    )
    is_public = models.BooleanField(
        _("visa publikt"),
        default=True,
        help_text=_("Skriv aldrig namn eller uppgifter som kan peka ut en person."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", null=True
    )
    # Free text is never published unmoderated: an editor approves (and may redact) a
    # reporter's update; an editor's own update is approved as it is saved.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("godkänd för publicering"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("lägesrapport")
        verbose_name_plural = _("lägesrapporter")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"

    @property
    def is_published(self) -> bool:
        return self.is_public and self.approved_at is not None

    @property
    def awaits_review(self) -> bool:
        return self.is_public and self.approved_at is None


class PlanRevision(models.Model):
    """The yearly revision of the activity plan, with who decided it."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="plan_revisions")
    year = models.PositiveSmallIntegerField(_("år"))
    decided_by = models.CharField(
        _("beslutad av"), max_length=120, help_text=_("T.ex. ”Styrgruppen”.")
    )
    decided_on = models.DateField(_("beslutsdatum"))
    note = models.TextField(_("vad ändrades och varför"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["promise", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["promise", "year"], name="one_plan_revision_per_year")
        ]
        verbose_name = _("revidering av aktivitetsplanen")
        verbose_name_plural = _("revideringar av aktivitetsplanen")

    def __str__(self) -> str:
        return f"{self.promise} {self.year}"
