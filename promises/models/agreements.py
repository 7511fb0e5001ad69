"""Samverkansöverenskommelse: the agreement a promise is the public part of (DOMAIN.md §3)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class AgreementQuerySet(models.QuerySet):
    def visible_to_orgs(self, org_ids: set[int]) -> "AgreementQuerySet":
        return self.filter(parties__in=org_ids).distinct()

    def public(self) -> "AgreementQuerySet":
        return self.filter(is_public=True)


class Agreement(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    parties = models.ManyToManyField(
        Organisation, related_name="agreements", verbose_name=_("parter")
    )
    purpose = models.TextField(_("syfte"), blank=True)
    problems = models.TextField(_("problem i fokus"), blank=True)
    causes = models.TextField(_("troliga orsaker"), blank=True)
    goals = models.TextField(
        _("mål"), blank=True, help_text=_("Avgränsade och mätbara mål, ett per rad.")
    )
    documentation = models.TextField(_("hur arbetet dokumenteras"), blank=True)
    follow_up_plan = models.TextField(_("hur arbetet följs upp"), blank=True)
    signed_on = models.DateField(_("undertecknad"), null=True, blank=True)
    signatories = models.TextField(
        _("undertecknad av"),
        blank=True,
        help_text=_("En befattning per rad, t.ex. ”Lokalpolisområdeschef, LPO Södra Fyrbodal”."),
    )
    valid_from = models.DateField(_("gäller från"), null=True, blank=True)
    valid_until = models.DateField(
        _("gäller till"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt om den gäller tills vidare."),
    )
    is_public = models.BooleanField(_("visas på den publika sidan"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = [models.F("valid_from").desc(nulls_last=True), "title"]
        verbose_name = _("samverkansöverenskommelse")
        verbose_name_plural = _("samverkansöverenskommelser")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("staff:agreement_detail", args=[self.pk])

    def clean(self) -> None:
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("Slutdatumet kan inte ligga före startdatumet.")}
            )

    @property
    def is_until_further_notice(self) -> bool:
        return self.valid_until is None


class GroupKind(models.TextChoices):
    STEERING = "styrgrupp", _("Styrgrupp")
    PREPARATORY = "beredningsgrupp", _("Beredningsgrupp")
    WORKING = "arbetsgrupp", _("Arbetsgrupp")


class GovernanceGroup(models.Model):
    Kind = GroupKind

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="groups")
    kind = models.CharField(_("typ av grupp"), max_length=20, choices=GroupKind.choices)
    name = models.CharField(
        _("namn"), max_length=120, blank=True, help_text=_("T.ex. ”Trygg på Tjörn”.")
    )
    task = models.TextField(_("uppdrag"), blank=True)
    members = models.TextField(
        _("medlemmar (roller)"),
        help_text=_("En roll per rad, t.ex. ”Kommundirektör, Tjörns kommun”. Namn behövs inte."),
    )

    class Meta:
        ordering = ["agreement", "kind", "name"]
        verbose_name = _("grupp")
        verbose_name_plural = _("grupper")

    def __str__(self) -> str:
        return self.name or self.get_kind_display()

    def member_roles(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]
