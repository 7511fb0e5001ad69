"""The lägesbild (law 2023:196): kartläggning, annan information and analys for chosen
municipalities, areas and period, ending in suggested focus areas. Its figures are frozen when
it is published, so a later import does not change what the steering group read."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Area, Municipality, Organisation
from promises.models import Promise


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PUBLISHED = "published", _("Publicerad")


class SituationReportQuerySet(models.QuerySet):
    def published(self) -> "SituationReportQuerySet":
        return self.filter(status=ReportStatus.PUBLISHED)

    def of_municipality(self, municipality_id: int) -> "SituationReportQuerySet":
        return self.filter(municipalities=municipality_id)


class SituationReport(models.Model):
    Status = ReportStatus

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="situation_reports",
        verbose_name=_("ansvarig organisation"),
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="situation_reports", verbose_name=_("kommuner")
    )
    areas = models.ManyToManyField(
        Area, blank=True, related_name="situation_reports", verbose_name=_("områden")
    )
    title = models.CharField(_("rubrik"), max_length=200)
    period_start = models.DateField(_("perioden börjar"))
    period_end = models.DateField(_("perioden slutar"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    mapping_text = models.TextField(
        _("kartläggning"),
        blank=True,
        help_text=_("Brottsligheten, dess omfattning och konsekvenser, med egna ord."),
    )
    other_information_text = models.TextField(
        _("annan information"),
        blank=True,
        help_text=_("T.ex. planerat byggande, nya verksamheter, evenemang."),
    )
    analysis_text = models.TextField(
        _("analys"), blank=True, help_text=_("Prioriterade problem och deras orsaker.")
    )
    sources_text = models.TextField(
        _("källor och deras begränsningar"),
        blank=True,
        help_text=_("Vilka källor som använts och vilka som lämnats utanför, och varför."),
    )
    frozen_figures = models.JSONField(_("siffror vid publicering"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    promises = models.ManyToManyField(
        Promise,
        blank=True,
        related_name="situation_reports",
        verbose_name=_("medborgarlöften som bygger på lägesbilden"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    objects = SituationReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="situation_report_period_in_order",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="situation_report_published_has_date",
            ),
        ]
        verbose_name = _("lägesbild")
        verbose_name_plural = _("lägesbilder")

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class MeasureKind(models.TextChoices):
    SITUATIONAL = "situational", _("Situationell åtgärd")
    SOCIAL = "social", _("Social åtgärd")
    BOTH = "both", _("Både situationell och social")


class Horizon(models.TextChoices):
    SHORT = "short", _("Kort sikt")
    LONG = "long", _("Lång sikt")


class SuggestedFocusArea(models.Model):
    """A prioritised problem with its causes in crime-triangle terms, which can be carried into
    a new promise with one action."""

    MeasureKind = MeasureKind
    Horizon = Horizon

    report = models.ForeignKey(
        SituationReport,
        on_delete=models.CASCADE,
        related_name="suggested_focus_areas",
        verbose_name=_("lägesbild"),
    )
    title = models.CharField(_("fokusområde"), max_length=150)
    rationale = models.TextField(_("varför"), blank=True)
    place_situation = models.TextField(_("plats och situation"), blank=True)
    victim_target = models.TextField(_("offer och mål"), blank=True)
    offender = models.TextField(
        _("gärningsperson"),
        blank=True,
        help_text=_("Beskriv mönster, aldrig enskilda personer."),
    )
    measure_kind = models.CharField(
        _("typ av åtgärd"), max_length=12, choices=MeasureKind.choices, default=MeasureKind.BOTH
    )
    horizon = models.CharField(
        _("tidsperspektiv"), max_length=5, choices=Horizon.choices, default=Horizon.SHORT
    )
    priority = models.PositiveSmallIntegerField(_("prioritet"), default=1)
    created_promise = models.ForeignKey(
        Promise,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggested_from",
        verbose_name=_("medborgarlöfte som skapades"),
    )

    class Meta:
        ordering = ["report", "priority", "id"]
        verbose_name = _("föreslaget fokusområde")
        verbose_name_plural = _("föreslagna fokusområden")

    def __str__(self) -> str:
        return self.title
