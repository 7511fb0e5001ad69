"""A wave: one yearly round of a survey, with its invitations, answers and population margins.

Anonymity (DOMAIN.md §7) is built into the tables: a response has no timestamp finer than the
day, no IP address or user agent, and no reference to the invitation that let it in. The code is
consumed in the same transaction that stores the response (services.submit_response); an
invitation records only that it was used, never when.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Area
from surveys.models.surveys import Survey

# Codes are typed from a letter: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_invitation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What a resident typed, as stored: upper case, spaces and dashes removed."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


class WaveStatus(models.TextChoices):
    DRAFT = "draft", _("Förbereds")
    OPEN = "open", _("Öppen för svar")
    CLOSED = "closed", _("Stängd")


class Wave(models.Model):
    Status = WaveStatus

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    name = models.CharField(_("namn"), max_length=80, help_text=_("T.ex. ”Trygghetsmätning 2025”."))
    year = models.PositiveSmallIntegerField(_("år"))
    opens_on = models.DateField(_("öppnar"))
    closes_on = models.DateField(_("stänger"))
    status = models.CharField(
        _("status"), max_length=6, choices=WaveStatus.choices, default=WaveStatus.DRAFT
    )
    uses_sample = models.BooleanField(_("urval med inbjudningskoder"), default=True)
    uses_paper = models.BooleanField(_("pappersenkäter"), default=True)
    uses_open_link = models.BooleanField(
        _("öppen länk"),
        default=False,
        help_text=_("Svar via öppen länk är inte representativa och viktas aldrig som ett urval."),
    )
    open_link_token = models.CharField(max_length=32, unique=True, null=True, blank=True)
    # Frozen when the wave opens: {question key: item version id}, so results can say which
    # wording was asked even if the survey is edited for a later wave.
    question_versions = models.JSONField(default=dict, blank=True, editable=False)
    trim_ratio = models.FloatField(
        _("största vikt i förhållande till medelvikten"),
        default=5.0,
        help_text=_("Vikter över gränsen trimmas och övriga räknas om (trimning)."),
    )
    opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["survey", "-year", "-opens_on"]
        verbose_name = _("omgång")
        verbose_name_plural = _("omgångar")

    def __str__(self) -> str:
        return self.name

    def new_open_link_token(self) -> str:
        return secrets.token_urlsafe(16)


class Invitation(models.Model):
    """A single-use code sent by letter to one person in the sample. The platform never knows
    who: the mail house holds the addresses. `area` is the stratum the person was drawn from."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_invitation_code)
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("område"),
    )
    consumed = models.BooleanField(default=False)

    class Meta:
        ordering = ["wave", "id"]
        indexes = [models.Index(fields=["wave", "consumed"], name="invitation_wave_consumed")]
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")

    def __str__(self) -> str:
        return self.code


class ResponseMode(models.TextChoices):
    SAMPLE = "sample", _("Urval (webb)")
    PAPER = "paper", _("Pappersenkät")
    OPEN = "open", _("Öppen länk – ej representativt")
    IMPORTED = "imported", _("Importerat från annat system")


class ResponseQuerySet(models.QuerySet):
    def representative(self) -> "ResponseQuerySet":
        return self.filter(is_representative=True)


class Response(models.Model):
    """One respondent's answers, {question key: value}: a choice value (str), a list of them, a
    number, a text, {"lat", "lon"} for a point, or an area code. Unanswered keys are absent."""

    Mode = ResponseMode

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    mode = models.CharField(max_length=8, choices=ResponseMode.choices)
    is_representative = models.BooleanField(default=True)
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("område"),
    )
    language = models.CharField(max_length=12, default="sv")
    submitted_on = models.DateField()
    answers = models.JSONField(default=dict)
    weight = models.FloatField(null=True, blank=True, editable=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["wave", "id"]
        verbose_name = _("svar")
        verbose_name_plural = _("svar")

    def __str__(self) -> str:
        return f"{self.wave} #{self.pk}"


class ResponseDraft(models.Model):
    """Answers typed so far, so that a reload or a phone going to sleep loses nothing. Found by a
    random token in the respondent's cookie (only its hash is stored); deleted in the transaction
    that stores the response, and after the wave closes."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    invitation_code = models.CharField(max_length=CODE_LENGTH, blank=True)
    language = models.CharField(max_length=12, default="sv")
    page = models.PositiveSmallIntegerField(default=0)
    answers = models.JSONField(default=dict)
    updated_on = models.DateField()

    class Meta:
        verbose_name = _("påbörjat svar")
        verbose_name_plural = _("påbörjade svar")

    def __str__(self) -> str:
        return f"{self.wave}: {_('påbörjat svar')}"


class MarginVariable(models.TextChoices):
    AREA = "area", _("Område")
    SEX = "kon", _("Kön")
    AGE = "alder", _("Åldersgrupp")


class Margin(models.Model):
    """A population total for one category of a weighting variable (SCB's figures for the
    municipality: people 16–84 per area, per sex, per age band)."""

    Variable = MarginVariable

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="margins")
    variable = models.CharField(_("variabel"), max_length=6, choices=MarginVariable.choices)
    category = models.CharField(_("kategori"), max_length=60)
    population = models.PositiveIntegerField(_("antal invånare"))

    class Meta:
        ordering = ["wave", "variable", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "variable", "category"], name="one_margin_per_category"
            )
        ]
        verbose_name = _("populationsmarginal")
        verbose_name_plural = _("populationsmarginaler")

    def __str__(self) -> str:
        return f"{self.variable}={self.category}: {self.population}"
