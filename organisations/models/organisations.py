"""Organisations, the people in them (by role) and their public contacts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models.reference import Municipality, PoliceArea


class Role(models.TextChoices):
    ADMIN = "admin", _("Administratör")
    EDITOR = "editor", _("Redaktör")
    REPORTER = "reporter", _("Rapportör")
    VIEWER = "viewer", _("Läsare")

    @classmethod
    def rank(cls, role: str) -> int:
        return {cls.VIEWER: 1, cls.REPORTER: 2, cls.EDITOR: 3, cls.ADMIN: 4}[role]


class OrganisationKind(models.TextChoices):
    POLICE_AREA = "police_area", _("Lokalpolisområde")
    MUNICIPALITY = "municipality", _("Kommun")
    OTHER = "other", _("Annan organisation")


class OrganisationQuerySet(models.QuerySet):
    def police(self) -> "OrganisationQuerySet":
        return self.filter(kind=OrganisationKind.POLICE_AREA)

    def municipalities(self) -> "OrganisationQuerySet":
        return self.filter(kind=OrganisationKind.MUNICIPALITY)


class Organisation(models.Model):
    Kind = OrganisationKind

    kind = models.CharField(_("typ"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("namn"), max_length=120, unique=True)
    police_area = models.OneToOneField(
        PoliceArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name=_("lokalpolisområde"),
    )
    # For a municipality: the municipality itself. For another organisation (a local BRÅ, a
    # housing company, a school): the municipality it works in, if any.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("kommun"),
    )
    description = models.CharField(_("beskrivning"), max_length=200, blank=True)
    website = models.URLField(_("webbplats"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=models.Q(kind="municipality"),
                name="one_organisation_per_municipality",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == OrganisationKind.POLICE_AREA and not self.police_area_id:
            raise ValidationError({"police_area": _("Ange vilket lokalpolisområde det gäller.")})
        if self.kind == OrganisationKind.MUNICIPALITY and not self.municipality_id:
            raise ValidationError({"municipality": _("Ange vilken kommun det gäller.")})
        if self.kind != OrganisationKind.POLICE_AREA and self.police_area_id:
            raise ValidationError(
                {
                    "police_area": _(
                        "Bara en organisation av typen lokalpolisområde kan kopplas till ett lokalpolisområde."
                    )
                }
            )

    @property
    def is_municipality(self) -> bool:
        return self.kind == OrganisationKind.MUNICIPALITY


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("roll"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    title = models.CharField(
        _("befattning"),
        max_length=120,
        blank=True,
        help_text=_("T.ex. kommunpolis, trygghetssamordnare."),
    )

    class Meta:
        ordering = ["organisation", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class Contact(models.Model):
    """A public contact by function; a personal name is optional (DOMAIN.md §7)."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("gäller kommun"),
        help_text=_("Lämna tomt om kontakten gäller hela organisationen."),
    )
    role_title = models.CharField(_("roll eller funktion"), max_length=120)
    name = models.CharField(_("namn (valfritt)"), max_length=120, blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    address = models.CharField(_("postadress"), max_length=200, blank=True)
    note = models.CharField(
        _("kommentar"), max_length=200, blank=True, help_text=_("T.ex. kontorstid.")
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["order", "role_title"]
        verbose_name = _("kontakt")
        verbose_name_plural = _("kontakter")

    def __str__(self) -> str:
        return f"{self.role_title}, {self.organisation}"

    def clean(self) -> None:
        if not (self.phone or self.email or self.address):
            raise ValidationError(
                _("Ange telefon, e-post eller postadress, så att invånare kan nå kontakten.")
            )
