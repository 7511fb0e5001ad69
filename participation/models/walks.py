"""Safety walks (trygghetsvandringar): a pre-meeting, the walk with its stops, the follow-up
meeting where the responsible managers say what they will do, and a revisit that checks it."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.models import Area, Municipality, Organisation

# "At most about 20 people" (DOMAIN.md §4): more is allowed, with a gentle warning.
RECOMMENDED_MAX_PARTICIPANTS = 20


class Light(models.TextChoices):
    DAYLIGHT = "daylight", _("I dagsljus")
    DARKNESS = "darkness", _("I mörker")


class StopCategory(models.TextChoices):
    LIGHTING = "belysning", _("Belysning")
    SIGHT = "skymd_sikt", _("Skymd sikt")
    LITTER = "nedskrapning", _("Nedskräpning")
    GRAFFITI = "klotter", _("Klotter")
    VANDALISM = "skadegorelse", _("Skadegörelse")
    TRAFFIC = "trafik", _("Trafik")
    VEGETATION = "vegetation", _("Buskage och vegetation")
    OTHER = "annat", _("Annat")


class SafetyWalkQuerySet(models.QuerySet):
    def published(self) -> "SafetyWalkQuerySet":
        return self.filter(is_published=True)


class SafetyWalk(models.Model):
    Light = Light

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="safety_walks",
        verbose_name=_("arrangör"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="safety_walks"
    )
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("rubrik"), max_length=150)
    pre_meeting_on = models.DateField(_("förmöte"), null=True, blank=True)
    walked_on = models.DateField(_("vandringen"))
    light = models.CharField(_("ljus"), max_length=8, choices=Light.choices)
    participants = models.PositiveIntegerField(_("antal deltagare"), null=True, blank=True)
    follow_up_on = models.DateField(_("uppföljningsmöte"), null=True, blank=True)
    revisit_on = models.DateField(_("återbesök"), null=True, blank=True)
    summary = models.TextField(_("sammanfattning"), blank=True)
    is_published = models.BooleanField(_("publicerad"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SafetyWalkQuerySet.as_manager()

    class Meta:
        ordering = ["-walked_on", "-id"]
        verbose_name = _("trygghetsvandring")
        verbose_name_plural = _("trygghetsvandringar")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:walk", args=[self.pk])

    def get_staff_url(self) -> str:
        return reverse("participation_staff:walk_detail", args=[self.pk])

    @property
    def has_many_participants(self) -> bool:
        return (self.participants or 0) > RECOMMENDED_MAX_PARTICIPANTS

    def stages(self) -> list[tuple[str, str, datetime.date | None]]:
        """The cycle in order: (key, name, date), the date None while not yet planned."""
        return [
            ("pre_meeting", _("Förmöte"), self.pre_meeting_on),
            ("walk", _("Vandring"), self.walked_on),
            ("follow_up", _("Uppföljningsmöte"), self.follow_up_on),
            ("revisit", _("Återbesök"), self.revisit_on),
        ]


class WalkStop(models.Model):
    walk = models.ForeignKey(SafetyWalk, on_delete=models.CASCADE, related_name="stops")
    order = models.PositiveSmallIntegerField(default=0)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    place_text = models.CharField(_("plats"), max_length=150, blank=True)
    category = models.CharField(_("kategori"), max_length=14, choices=StopCategory.choices)
    remark = models.TextField(_("anmärkning"))
    # Like a moderator's approval of a report's point: a lamp post may be shown where it is,
    # a place near someone's home may not.
    precise_approved = models.BooleanField(
        _("exakt plats får visas publikt"),
        default=False,
        help_text=_(
            "Till exempel en trasig lyktstolpe. Lämna tomt för platser nära bostäder: då visas "
            "platsen ungefärligt, inom cirka 200 meter."
        ),
    )

    class Meta:
        ordering = ["walk", "order", "id"]
        verbose_name = _("stopp")
        verbose_name_plural = _("stopp")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.remark[:40]}"


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Föreslagen")
    PLANNED = "planned", _("Planerad")
    DONE = "done", _("Genomförd")
    DECLINED = "declined", _("Genomförs inte")


class RevisitResult(models.TextChoices):
    FIXED = "fixed", _("Åtgärdat")
    PARTLY = "partly", _("Delvis åtgärdat")
    NOT_FIXED = "not_fixed", _("Inte åtgärdat")


class WalkAction(models.Model):
    Status = ActionStatus

    stop = models.ForeignKey(WalkStop, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(_("åtgärd"))
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ansvarig organisation"),
    )
    responsible_role = models.CharField(
        _("ansvarig chef (befattning)"), max_length=120, help_text=_("T.ex. ”Gatuchef”.")
    )
    due_on = models.DateField(_("klart senast"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default="proposed"
    )
    revisit_result = models.CharField(
        _("vid återbesöket"), max_length=9, choices=RevisitResult.choices, blank=True
    )
    revisit_note = models.CharField(_("kommentar vid återbesöket"), max_length=300, blank=True)

    class Meta:
        ordering = ["stop", "id"]
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")

    def __str__(self) -> str:
        return self.text[:60]
