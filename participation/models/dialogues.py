"""Citizen and staff dialogues (medborgardialog, medarbetardialog): what was said, coded to
focus areas, as input to the lägesbild and the next promise ("vad vi hörde")."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.models import Area, Municipality, Organisation
from promises.models import FocusArea, Promise


class DialogueKind(models.TextChoices):
    CITIZEN = "citizen", _("Medborgardialog")
    STAFF = "staff", _("Medarbetardialog")


class DialogueFormat(models.TextChoices):
    MEETING = "meeting", _("Möte")
    STREET = "street", _("Gatudialog")
    SCHOOL = "school", _("Skolbesök")
    DIGITAL = "digital", _("Digital fråga")
    WORKSHOP = "workshop", _("Workshop")
    OTHER = "other", _("Annat")


class DialogueQuerySet(models.QuerySet):
    def published(self) -> "DialogueQuerySet":
        return self.filter(is_published=True)

    def filtered(
        self,
        *,
        kind: str = "",
        year: int | None = None,
        focus_area: FocusArea | None = None,
    ) -> "DialogueQuerySet":
        """The staff list's filters; a focus area keeps dialogues with a remark coded to it."""
        qs = self
        if kind:
            qs = qs.filter(kind=kind)
        if year:
            qs = qs.filter(held_on__year=year)
        if focus_area is not None:
            qs = qs.filter(
                id__in=DialogueRemark.objects.filter(focus_area=focus_area).values("dialogue_id")
            )
        return qs


class Dialogue(models.Model):
    Kind = DialogueKind
    Format = DialogueFormat

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="dialogues",
        verbose_name=_("registrerad av"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="dialogues"
    )
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("typ"), max_length=8, choices=DialogueKind.choices)
    title = models.CharField(_("rubrik"), max_length=150)
    held_on = models.DateField(_("datum"))
    place = models.CharField(_("plats"), max_length=150, blank=True)
    format = models.CharField(_("form"), max_length=10, choices=DialogueFormat.choices)
    target_group = models.CharField(_("målgrupp"), max_length=150, blank=True)
    participants = models.PositiveIntegerField(_("antal deltagare"), null=True, blank=True)
    organisations_present = models.ManyToManyField(
        Organisation, related_name="+", blank=True, verbose_name=_("organisationer som deltog")
    )
    summary = models.TextField(_("sammanfattning"), blank=True)
    promises = models.ManyToManyField(
        Promise, related_name="dialogues", blank=True, verbose_name=_("underlag för löften")
    )
    is_published = models.BooleanField(_("publicerad"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("dialog")
        verbose_name_plural = _("dialoger")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:dialogue", args=[self.pk])

    def get_staff_url(self) -> str:
        return reverse("participation_staff:dialogue_detail", args=[self.pk])


class DialogueRemark(models.Model):
    """One thing that was said, coded to a focus area. Free text: moderated before it is shown."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="remarks")
    text = models.TextField(_("det här sades"))
    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("fokusområde")
    )
    is_public = models.BooleanField(_("visa publikt"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["dialogue", "order", "id"]
        verbose_name = _("synpunkt från dialog")
        verbose_name_plural = _("synpunkter från dialoger")

    def __str__(self) -> str:
        return self.text[:60]
