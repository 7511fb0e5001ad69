"""Polisen's event notices (händelser), kept as the API gives them plus what the importer reads
out of them (DOMAIN.md §6). The position is the centre of the municipality or county, never the
place of the event, so events are counted per municipality and never put on a street map."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import County, Municipality


class PoliceEventQuerySet(models.QuerySet):
    def countable(self) -> "PoliceEventQuerySet":
        """Single events: summaries ("Sammanfattning …") stand for many and are not counted."""
        return self.filter(is_summary=False)

    def in_municipalities(self, municipality_ids: list[int]) -> "PoliceEventQuerySet":
        return self.filter(municipality_id__in=municipality_ids)


class PoliceEvent(models.Model):
    police_id = models.PositiveBigIntegerField(_("polisens id"), unique=True)
    published_at = models.DateTimeField(_("publicerad"))
    # From the name ("07 juni 06.32, …"): the day and time the event happened, as given. The
    # year is not in the name; the importer takes it from the publication time.
    occurred_on = models.DateField(_("inträffade (dag)"), null=True, blank=True)
    occurred_time = models.TimeField(_("inträffade (klockslag)"), null=True, blank=True)
    name = models.CharField(_("rubrik"), max_length=300)
    summary = models.TextField(_("sammanfattning"), blank=True)
    url = models.URLField(_("länk till polisen.se"), max_length=500, blank=True)
    type = models.CharField(_("händelsetyp"), max_length=120, db_index=True)
    is_summary = models.BooleanField(
        _("sammanfattning av flera händelser"),
        default=False,
        help_text=_("Typer som börjar med ”Sammanfattning” räknas inte som en händelse."),
    )
    location_name = models.CharField(_("plats enligt polisen"), max_length=120)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="police_events",
        verbose_name=_("kommun"),
    )
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="police_events",
        verbose_name=_("län"),
    )
    # The centre of the municipality or county as the API gives it ("lat,lon").
    latitude = models.FloatField(_("latitud (kommunens eller länets mitt)"), null=True, blank=True)
    longitude = models.FloatField(
        _("longitud (kommunens eller länets mitt)"), null=True, blank=True
    )
    raw = models.JSONField(_("posten som den kom"), null=True, blank=True)
    imported_at = models.DateTimeField(_("inläst"), auto_now_add=True)

    objects = PoliceEventQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-police_id"]
        indexes = [models.Index(fields=["municipality", "occurred_on"])]
        verbose_name = _("polishändelse")
        verbose_name_plural = _("polishändelser")

    def __str__(self) -> str:
        return self.name


class PoliceApiCall(models.Model):
    """One call to Polisen's events API. Kept so that the limits (at least 10 s between calls,
    at most 60 an hour) hold across restarts and between processes."""

    called_at = models.DateTimeField(_("anropad"), db_index=True)
    url = models.URLField(_("adress"), max_length=500)
    status_code = models.PositiveSmallIntegerField(_("svarskod"), null=True, blank=True)
    event_count = models.PositiveIntegerField(_("antal händelser i svaret"), null=True, blank=True)

    class Meta:
        ordering = ["-called_at"]
        verbose_name = _("anrop till polisens API")
        verbose_name_plural = _("anrop till polisens API")

    def __str__(self) -> str:
        return f"{self.called_at:%Y-%m-%d %H:%M:%S} {self.url}"
