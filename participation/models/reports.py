"""Residents' reports of unsafe places and tips (synpunkter), and their moderation.

Privacy (DOMAIN.md §7) is in the shape of the tables: contact details live apart from the report
(ReportContact) and are deleted on schedule; the text as typed is kept only for moderators and
replaced by the moderated text for the public; the precise point is published only when a
moderator approves it (core.privacy.public_point), else its coarsened centre.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Area, Municipality, Organisation


def translated_name(names: dict[str, str], language: str) -> str:
    return names.get(language) or names.get("sv") or next(iter(names.values()), "")


class ReportCategory(models.Model):
    """What a report is about. Categories that describe crimes (`is_crime`) lead to the advice
    to call 112 / 114 14 instead of publication. The code is the Open311 service_code."""

    code = models.SlugField(_("kod"), max_length=40, unique=True)
    name = models.JSONField(_("namn"), help_text=_("Per språkkod."))
    description = models.JSONField(_("beskrivning"), default=dict, blank=True)
    group = models.CharField(_("grupp"), max_length=60, blank=True)
    is_crime = models.BooleanField(
        _("beskriver brott"),
        default=False,
        help_text=_(
            "Rapporter i kategorin publiceras inte; invånaren hänvisas till 112 och 114 14."
        ),
    )
    precise_by_default = models.BooleanField(
        _("exakt plats kan visas"),
        default=False,
        help_text=_("T.ex. en trasig gatlykta. Moderatorn beslutar ändå för varje rapport."),
    )
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("kategori för rapporter")
        verbose_name_plural = _("kategorier för rapporter")

    def __str__(self) -> str:
        return translated_name(self.name, "sv")

    def name_in(self, language: str) -> str:
        return translated_name(self.name, language)


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("Mottagen")
    IN_PROGRESS = "in_progress", _("Under behandling")
    PLANNED = "planned", _("Planerad åtgärd")
    FIXED = "fixed", _("Åtgärdad")
    CLOSED = "closed", _("Avslutad")


OPEN_STATUSES = (ReportStatus.RECEIVED, ReportStatus.IN_PROGRESS, ReportStatus.PLANNED)


class Moderation(models.TextChoices):
    PENDING = "pending", _("Väntar på granskning")
    APPROVED = "approved", _("Godkänd för publicering")
    REJECTED = "rejected", _("Avvisad")


class PhotoState(models.TextChoices):
    NONE = "none", _("Inget foto")
    PENDING = "pending", _("Väntar på granskning")
    APPROVED = "approved", _("Godkänt")
    BLURRED = "blurred", _("Suddat")
    REJECTED = "rejected", _("Avvisat")


class ReportSource(models.TextChoices):
    WEB = "web", _("Webbformulär")
    OPEN311 = "open311", _("Open311")


class ResidentReportQuerySet(models.QuerySet):
    def public(self) -> "ResidentReportQuerySet":
        """Shown to everyone: approved by a moderator, and not in a crime category."""
        return self.filter(moderation=Moderation.APPROVED, category__is_crime=False)

    def of_municipality(self, municipality_id: int) -> "ResidentReportQuerySet":
        return self.filter(municipality_id=municipality_id)

    def awaiting_moderation(self) -> "ResidentReportQuerySet":
        return self.filter(moderation=Moderation.PENDING)


class ResidentReport(models.Model):
    Status = ReportStatus
    Moderation = Moderation
    PhotoState = PhotoState

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="resident_reports"
    )
    category = models.ForeignKey(ReportCategory, on_delete=models.PROTECT, related_name="reports")
    description = models.TextField(_("beskrivning, som den skrevs"))
    public_text = models.TextField(_("publicerad text"), blank=True)
    original_deleted = models.BooleanField(default=False, editable=False)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    place_text = models.CharField(_("plats (adress eller känt ställe)"), max_length=200, blank=True)
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    precise_approved = models.BooleanField(_("exakt plats får visas"), default=False)
    photo = models.ImageField(_("foto"), upload_to="rapporter/%Y/%m/", blank=True)
    photo_state = models.CharField(
        max_length=8, choices=PhotoState.choices, default=PhotoState.NONE
    )
    moderation = models.CharField(
        max_length=8, choices=Moderation.choices, default=Moderation.PENDING
    )
    rejection_reason = models.CharField(_("skäl att avvisa"), max_length=300, blank=True)
    status = models.CharField(
        max_length=12, choices=ReportStatus.choices, default=ReportStatus.RECEIVED
    )
    public_note = models.TextField(_("svar till invånarna"), blank=True)
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resident_reports",
        verbose_name=_("ansvarig organisation"),
    )
    supporters = models.PositiveIntegerField(_("fler som rapporterat samma sak"), default=0)
    source = models.CharField(max_length=8, choices=ReportSource.choices, default=ReportSource.WEB)
    tracking_token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ResidentReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["municipality", "moderation", "-created_at"], name="report_public_map"
            ),
            models.Index(fields=["moderation", "created_at"], name="report_queue"),
            # Open311 GET requests?service_code=…: newest first within one category.
            models.Index(
                fields=["category", "moderation", "-created_at"], name="report_by_service"
            ),
        ]
        verbose_name = _("rapport från invånare")
        verbose_name_plural = _("rapporter från invånare")

    def __str__(self) -> str:
        # Never the text as typed: this is what the audit log and admin lists show.
        return f"#{self.pk} {self.category}"

    @staticmethod
    def new_tracking_token() -> str:
        return secrets.token_urlsafe(24)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ReportContact(models.Model):
    """Contact details a resident chose to leave, kept apart from the report and deleted after
    REPORT_CONTACT_RETENTION_DAYS (participation.retention.delete_expired_contacts)."""

    report = models.OneToOneField(ResidentReport, on_delete=models.CASCADE, related_name="contact")
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    delete_after = models.DateField()

    class Meta:
        verbose_name = _("kontaktuppgift till rapportör")
        verbose_name_plural = _("kontaktuppgifter till rapportörer")

    def __str__(self) -> str:
        return f"{_('kontakt')} #{self.report_id}"


class ReportUpdate(models.Model):
    """A change of status with its public note: the history the reporter and Open311 see."""

    report = models.ForeignKey(ResidentReport, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=12, choices=ReportStatus.choices)
    public_note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["report", "at", "id"]
        verbose_name = _("statusändring")
        verbose_name_plural = _("statusändringar")

    def __str__(self) -> str:
        return f"#{self.report_id} {self.status}"


class ResponseTemplate(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="report_response_templates"
    )
    title = models.CharField(_("rubrik"), max_length=80)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["organisation", "title"]
        verbose_name = _("svarsmall")
        verbose_name_plural = _("svarsmallar")

    def __str__(self) -> str:
        return self.title


class Open311Key(models.Model):
    """An API key for another app to file reports through Open311, issued by a platform admin;
    only its hash is stored."""

    name = models.CharField(_("namn"), max_length=80)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="open311_keys"
    )
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Open311-nyckel")
        verbose_name_plural = _("Open311-nycklar")

    def __str__(self) -> str:
        return f"{self.prefix}… {self.name}"
