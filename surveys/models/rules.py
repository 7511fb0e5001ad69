"""Indicator rules: how a share is computed from answers, and its link to a promise's
indicator (whose measurements then come from closed waves)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from promises.models import Indicator
from surveys.models.bank import translated
from surveys.models.surveys import Survey, key_validator


class IndicatorRule(models.Model):
    """`counts` is a condition (surveys.conditions) that marks a respondent as counted, e.g.
    "ganska or mycket otrygg, OR never goes out because of insecurity"; the base is everyone
    who gave a substantive answer to `base_key` (so "Vet ej" is left out)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="indicator_rules")
    code = models.CharField(_("kod"), max_length=60, validators=[key_validator])
    name = models.JSONField(_("namn"), help_text=_("Per språkkod."))
    counts = models.JSONField(_("räknas när"))
    base_key = models.CharField(_("bas: fråga"), max_length=60)
    higher_is_better = models.BooleanField(_("högre är bättre"), default=False)

    class Meta:
        ordering = ["survey", "code"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="one_rule_code_per_survey")
        ]
        verbose_name = _("indikatorregel")
        verbose_name_plural = _("indikatorregler")

    def __str__(self) -> str:
        return translated(self.name, "sv")


class SurveyIndicator(models.Model):
    """A promise's indicator that rests on a survey rule: each closed wave adds its measurement
    (with the interval) by itself."""

    indicator = models.OneToOneField(
        Indicator, on_delete=models.CASCADE, related_name="survey_source"
    )
    rule = models.ForeignKey(IndicatorRule, on_delete=models.PROTECT, related_name="indicators")

    class Meta:
        verbose_name = _("indikator från trygghetsundersökning")
        verbose_name_plural = _("indikatorer från trygghetsundersökningar")

    def __str__(self) -> str:
        return f"{self.indicator} ← {self.rule}"
