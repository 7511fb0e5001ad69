"""EST – Effektiv samordning för trygghet (DOMAIN.md §4): reporters of an organisation submit
observations of places and situations from a checklist; the coordinators compile the week.

EST is about places and situations, never individuals. A reporter is a member of the
organisation (organisations.Membership, any role from reporter up): no register of its own.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Area, Municipality, Organisation


class EstCategoryQuerySet(models.QuerySet):
    def active(self) -> "EstCategoryQuerySet":
        return self.filter(is_active=True)

    def for_organisation(self, organisation_id: int) -> "EstCategoryQuerySet":
        """The checklist an organisation's reporters use: the global items and its own."""
        return self.filter(
            models.Q(organisation__isnull=True) | models.Q(organisation_id=organisation_id)
        )


class EstCategory(models.Model):
    """One item of the checklist (skadegörelse, klotter, otrygga platser …); global when no
    organisation is set."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="est_categories",
        verbose_name=_("organisation"),
        help_text=_("Lämna tomt för en punkt som alla organisationer har i sin checklista."),
    )
    code = models.SlugField(_("kod"), max_length=40)
    name = models.CharField(_("namn"), max_length=120)
    description = models.CharField(_("beskrivning"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    is_active = models.BooleanField(_("används"), default=True)

    objects = EstCategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(organisation__isnull=True),
                name="est_global_category_code",
            ),
            models.UniqueConstraint(
                fields=["organisation", "code"], name="est_category_code_per_organisation"
            ),
        ]
        verbose_name = _("EST-kategori")
        verbose_name_plural = _("EST-kategorier")

    def __str__(self) -> str:
        return self.name


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("Morgon (06–10)")
    DAY = "day", _("Dag (10–17)")
    EVENING = "evening", _("Kväll (17–22)")
    NIGHT = "night", _("Natt (22–06)")
    UNKNOWN = "unknown", _("Okänd tid")


class EstObservation(models.Model):
    TimeOfDay = TimeOfDay

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="est_observations",
        verbose_name=_("organisation"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rapportör"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="est_observations",
        verbose_name=_("kommun"),
    )
    category = models.ForeignKey(
        EstCategory,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("kategori"),
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="est_observations",
        verbose_name=_("område"),
    )
    place_text = models.CharField(
        _("plats med ord"),
        max_length=200,
        blank=True,
        help_text=_("Ett känt ställe, t.ex. ”busskuren vid torget”; aldrig en persons adress."),
    )
    latitude = models.FloatField(_("latitud"), null=True, blank=True)
    longitude = models.FloatField(_("longitud"), null=True, blank=True)
    observed_on = models.DateField(_("datum"))
    time_of_day = models.CharField(
        _("tid på dygnet"), max_length=10, choices=TimeOfDay.choices, default=TimeOfDay.UNKNOWN
    )
    description = models.TextField(
        _("kort beskrivning"),
        blank=True,
        help_text=_("Beskriv platsen och situationen. Skriv aldrig namn eller personnummer."),
    )
    # Set when the text looked like it held a personal identity number (ÅÅMMDD-NNNN) and the
    # reporter was warned; such text is never shown outside the coordinators' pages.
    flagged_personal_number = models.BooleanField(_("kan innehålla personnummer"), default=False)
    created_at = models.DateTimeField(_("inskickad"), auto_now_add=True)

    class Meta:
        ordering = ["-observed_on", "-id"]
        indexes = [models.Index(fields=["municipality", "observed_on"])]
        verbose_name = _("EST-observation")
        verbose_name_plural = _("EST-observationer")

    def __str__(self) -> str:
        return f"{self.observed_on} {self.category} ({self.organisation})"

    @property
    def iso_week(self) -> tuple[int, int]:
        year, week, _day = self.observed_on.isocalendar()
        return year, week


class WeeklyCompilation(models.Model):
    """The coordinators' picture of one ISO week in a municipality: the week's hot spots and
    the actions decided."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="est_compilations",
        verbose_name=_("sammanställd av"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="est_compilations",
        verbose_name=_("kommun"),
    )
    iso_year = models.PositiveSmallIntegerField(_("år (ISO-vecka)"))
    iso_week = models.PositiveSmallIntegerField(_("vecka"))
    hot_spot_areas = models.ManyToManyField(
        Area, blank=True, related_name="est_hot_spot_weeks", verbose_name=_("veckans hot spots")
    )
    hot_spot_observations = models.ManyToManyField(
        EstObservation,
        blank=True,
        related_name="hot_spot_weeks",
        verbose_name=_("veckans hot spots (platser)"),
        help_text=_("Observationer vars plats är en av veckans hot spots."),
    )
    hot_spot_notes = models.TextField(
        _("hot spots (beskrivning)"),
        blank=True,
        help_text=_("Platser utan eget område, t.ex. ”busshållplatsen vid torget”."),
    )
    decided_actions = models.TextField(_("beslutade åtgärder"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    class Meta:
        ordering = ["-iso_year", "-iso_week"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "organisation", "iso_year", "iso_week"],
                name="one_est_compilation_per_week",
            ),
            models.CheckConstraint(
                condition=models.Q(iso_week__gte=1, iso_week__lte=53), name="est_iso_week_range"
            ),
        ]
        verbose_name = _("EST-veckosammanställning")
        verbose_name_plural = _("EST-veckosammanställningar")

    def __str__(self) -> str:
        return f"{self.municipality} v. {self.iso_week} {self.iso_year}"
