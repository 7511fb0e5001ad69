"""Follow-up: verdicts per commitment, and indicators (outcomes) kept apart from progress."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from promises.models.promises import Commitment, Promise


class ReviewerKind(models.TextChoices):
    BRA = "bra", _("Lokalt brottsförebyggande råd (BRÅ)")
    STEERING = "styrgrupp", _("Styrgrupp")
    PREPARATORY = "beredningsgrupp", _("Beredningsgrupp")
    OTHER = "other", _("Annat organ")


class FollowUp(models.Model):
    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("datum för uppföljningen"))
    reviewer_kind = models.CharField(
        _("vem följde upp"), max_length=20, choices=ReviewerKind.choices
    )
    reviewer_name = models.CharField(
        _("organets namn"),
        max_length=120,
        blank=True,
        help_text=_("T.ex. ”BRÅ i Melleruds kommun”."),
    )
    summary = models.TextField(_("sammanfattning"))
    resources_used = models.TextField(_("resurser som användes"), blank=True)
    next_period_changes = models.TextField(_("det här ändras nästa period"), blank=True)
    reported_to_council_on = models.DateField(
        _("rapporterad till kommunfullmäktige"), null=True, blank=True
    )
    is_published = models.BooleanField(_("publicerad"), default=False)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["promise", "-date"]
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")

    def __str__(self) -> str:
        return _("Uppföljning %(date)s") % {"date": self.date.isoformat()}

    def reviewer_label(self) -> str:
        return self.reviewer_name or str(self.get_reviewer_kind_display())


class VerdictChoice(models.TextChoices):
    DONE = "genomford", _("Genomförd")
    PARTLY = "delvis", _("Delvis genomförd")
    NOT_DONE = "ej_genomford", _("Ej genomförd")


class Verdict(models.Model):
    Choice = VerdictChoice

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="verdicts")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="verdicts")
    verdict = models.CharField(_("bedömning"), max_length=14, choices=VerdictChoice.choices)
    reason = models.TextField(_("motivering"))

    class Meta:
        ordering = ["follow_up", "commitment__order", "commitment_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["follow_up", "commitment"], name="one_verdict_per_commitment"
            )
        ]
        verbose_name = _("bedömning")
        verbose_name_plural = _("bedömningar")

    def __str__(self) -> str:
        return f"{self.commitment}: {self.get_verdict_display()}"


class Direction(models.TextChoices):
    UP = "up", _("Högre är bättre")
    DOWN = "down", _("Lägre är bättre")


class Indicator(models.Model):
    """A measured outcome (e.g. share feeling unsafe out late), not a count of work done."""

    Direction = Direction

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("namn"), max_length=150)
    definition = models.TextField(_("definition"))
    source = models.CharField(_("källa"), max_length=200)
    unit = models.CharField(
        _("enhet"), max_length=30, blank=True, help_text=_("T.ex. ”%” eller ”anmälningar”.")
    )
    baseline = models.DecimalField(
        _("utgångsvärde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("utgångsår"), null=True, blank=True)
    target = models.DecimalField(
        _("målvärde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("målår"), null=True, blank=True)
    direction = models.CharField(
        _("riktning"), max_length=4, choices=Direction.choices, default=Direction.DOWN
    )
    counts_people = models.BooleanField(
        _("värdet är ett antal personer"),
        default=False,
        help_text=_("Små antal visas då inte publikt (integritetsskydd)."),
    )
    is_public = models.BooleanField(_("visa publikt"), default=True)

    class Meta:
        ordering = ["promise", "name"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.baseline is not None and self.baseline_year is None:
            raise ValidationError({"baseline_year": _("Ange vilket år utgångsvärdet gäller.")})
        if self.target is not None and self.target_year is None:
            raise ValidationError({"target_year": _("Ange vilket år målet ska nås.")})


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField(_("datum"))
    value = models.DecimalField(_("värde"), max_digits=12, decimal_places=2)
    note = models.CharField(_("kommentar"), max_length=200, blank=True)
    # A measurement estimated from a sample (a safety survey) carries its 95 % interval.
    low = models.DecimalField(
        _("konfidensintervall, nedre"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    high = models.DecimalField(
        _("konfidensintervall, övre"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # Set when the platform recorded the value itself (e.g. "survey-wave:12"), so that a
    # recomputation replaces its own measurement instead of adding a second one.
    source_key = models.CharField(max_length=60, blank=True, editable=False)

    class Meta:
        ordering = ["indicator", "date"]
        verbose_name = _("mätvärde")
        verbose_name_plural = _("mätvärden")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.date})"


class Light(models.TextChoices):
    GREEN = "green", _("Grönt – målet är nått")
    YELLOW = "yellow", _("Gult – på väg mot målet")
    RED = "red", _("Rött – ingen förbättring")


class IndicatorAssessment(models.Model):
    Light = Light

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="assessments")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="assessments")
    light = models.CharField(_("bedömning"), max_length=6, choices=Light.choices)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["follow_up", "indicator__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["follow_up", "indicator"], name="one_assessment_per_indicator"
            )
        ]
        verbose_name = _("indikatorbedömning")
        verbose_name_plural = _("indikatorbedömningar")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.light}"
