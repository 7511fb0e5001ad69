"""Brå's reported-crime statistics (anmälda brott) and population figures for rates.

Brå's markers are kept as they are: `..` missing, `XX` suppressed (too few), `.` not
computable. None of them is zero, and a suppressed cell is never back-computed (DOMAIN.md §6).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Municipality


class CrimeCategory(models.Model):
    """A node of Brå's hierarchy: samtliga brott → brottsbalken chapters → special laws."""

    code = models.CharField(_("kod"), max_length=40, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("överordnad kategori"),
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("brottskategori")
        verbose_name_plural = _("brottskategorier")

    def __str__(self) -> str:
        return self.name


class Marker(models.TextChoices):
    VALUE = "", _("Värde")
    MISSING = "..", _("Uppgift saknas (..)")
    SUPPRESSED = "XX", _("Skyddad, för få (XX)")
    NOT_COMPUTABLE = ".", _("Kan inte beräknas (.)")


class Measure(models.TextChoices):
    COUNT = "count", _("Antal anmälda brott")
    PER_100K = "per_100k", _("Per 100 000 invånare")


class CrimeStatistic(models.Model):
    Marker = Marker
    Measure = Measure

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="crime_statistics",
        verbose_name=_("kommun"),
    )
    year = models.PositiveSmallIntegerField(_("år"))
    quarter = models.PositiveSmallIntegerField(_("kvartal"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(_("månad"), null=True, blank=True)
    # "2024", "2024-K2" or "2024-03": one key for the period, so that uniqueness holds on every
    # database (NULLs in a unique constraint are distinct on some).
    period = models.CharField(_("period"), max_length=7)
    category = models.ForeignKey(
        CrimeCategory,
        on_delete=models.PROTECT,
        related_name="statistics",
        verbose_name=_("brottskategori"),
    )
    measure = models.CharField(
        _("mått"), max_length=10, choices=Measure.choices, default=Measure.COUNT
    )
    value = models.DecimalField(_("värde"), max_digits=12, decimal_places=2, null=True, blank=True)
    marker = models.CharField(
        _("markering"), max_length=2, choices=Marker.choices, default=Marker.VALUE, blank=True
    )
    source = models.CharField(_("källa"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("inläst"), auto_now=True)

    class Meta:
        ordering = ["municipality", "category", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "category", "period", "measure"],
                name="one_crime_statistic_per_cell",
            ),
            models.CheckConstraint(
                condition=(models.Q(marker="", value__isnull=False))
                | (~models.Q(marker="") & models.Q(value__isnull=True)),
                name="crime_statistic_value_or_marker",
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__isnull=True) | models.Q(month__isnull=True),
                name="crime_statistic_quarter_or_month",
            ),
        ]
        verbose_name = _("anmälda brott")
        verbose_name_plural = _("anmälda brott")

    def __str__(self) -> str:
        shown = self.marker or self.value
        return f"{self.municipality} {self.period} {self.category}: {shown}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.period = self.period_key(self.year, self.quarter, self.month)
        super().save(*args, **kwargs)

    @staticmethod
    def period_key(year: int, quarter: int | None = None, month: int | None = None) -> str:
        if quarter:
            return f"{year}-K{quarter}"
        if month:
            return f"{year}-{month:02d}"
        return str(year)
