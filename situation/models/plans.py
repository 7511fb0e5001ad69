"""The municipality's åtgärdsplan (law 2023:196): the decision, its measures and when it is
reviewed. The review interval is not settled in our sources (DOMAIN.md §1): configurable,
every second year by default."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.models import Municipality, Organisation
from promises.models import Activity, Promise


def default_review_interval() -> int:
    return getattr(settings, "ACTION_PLAN_REVIEW_YEARS", 2)


class ActionPlanQuerySet(models.QuerySet):
    def due_for_review(self, on: datetime.date) -> "ActionPlanQuerySet":
        return self.filter(next_review_on__lte=on)

    def public(self) -> "ActionPlanQuerySet":
        return self.filter(is_public=True)


class ActionPlan(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="action_plans",
        verbose_name=_("kommun"),
    )
    title = models.CharField(_("rubrik"), max_length=200)
    decision_body = models.CharField(
        _("beslutande organ"), max_length=120, help_text=_("T.ex. kommunfullmäktige.")
    )
    decided_on = models.DateField(_("beslutsdatum"))
    paragraph = models.CharField(_("paragraf"), max_length=40, blank=True)
    situation_report = models.ForeignKey(
        "situation.SituationReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_plans",
        verbose_name=_("lägesbild som planen bygger på"),
    )
    review_interval_years = models.PositiveSmallIntegerField(
        _("ses över vart … år"), default=default_review_interval
    )
    next_review_on = models.DateField(
        _("nästa översyn"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt så räknas den fram: beslutsdatum plus intervallet."),
    )
    last_reviewed_on = models.DateField(_("senast översedd"), null=True, blank=True)
    is_public = models.BooleanField(
        _("visa publikt"),
        default=False,
        help_text=_("Planen visas på kommunens sida och på löften som genomför dess åtgärder."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-decided_on"]
        verbose_name = _("åtgärdsplan")
        verbose_name_plural = _("åtgärdsplaner")

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        if self.next_review_on is None and self.decided_on:
            self.next_review_on = self.review_due()
        super().save(*args, **kwargs)

    def review_due(self, since: datetime.date | None = None) -> datetime.date:
        """The decision date (or the last review, `since`) plus the review interval
        (29 February becomes 28 February)."""
        start = since or self.decided_on
        years = start.year + self.review_interval_years
        try:
            return start.replace(year=years)
        except ValueError:
            return start.replace(year=years, day=28)

    def get_staff_url(self) -> str:
        return reverse("situation_staff:action_plan_detail", args=[self.pk])


class ActionPlanMeasure(models.Model):
    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="measures", verbose_name=_("plan")
    )
    text = models.TextField(_("åtgärd"))
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plan_measures",
        verbose_name=_("ansvarig organisation"),
    )
    responsible_function = models.CharField(_("ansvarig funktion"), max_length=120, blank=True)
    promises = models.ManyToManyField(
        Promise, blank=True, related_name="action_plan_measures", verbose_name=_("medborgarlöften")
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="action_plan_measures", verbose_name=_("aktiviteter")
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("åtgärd i åtgärdsplanen")
        verbose_name_plural = _("åtgärder i åtgärdsplanen")

    def __str__(self) -> str:
        return self.text[:80]
