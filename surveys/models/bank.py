"""The question bank: items with stable codes, each in numbered versions.

An item's code links answers across surveys and years. Its wording, options and limits live in
versions: editing an item that has been asked in a wave creates a new version, so results can say
which wording was asked (services.edit_item).
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

SOURCE_LANGUAGE = "sv"
code_validator = RegexValidator(
    r"^[a-z][a-z0-9_]{0,59}$",
    _(
        "Koden får bara innehålla små bokstäver a–z, siffror och understreck och börja med en bokstav."
    ),
)


class ItemKind(models.TextChoices):
    SINGLE = "single", _("Ett svarsalternativ")
    MULTIPLE = "multiple", _("Flera svarsalternativ")
    SCALE = "scale", _("Skala")
    NUMBER = "number", _("Tal")
    TEXT = "text", _("Fritext")
    POINT = "point", _("Plats på en karta")
    AREA = "area", _("Område i kommunen")
    NOTE = "note", _("Informationstext (inget svar)")


CHOICE_KINDS = (ItemKind.SINGLE, ItemKind.MULTIPLE)
ANSWERLESS_KINDS = (ItemKind.NOTE,)


def translated(texts: dict[str, str] | None, language: str) -> str:
    """The text in `language`, else in Swedish (always present), else any."""
    texts = texts or {}
    return texts.get(language) or texts.get(SOURCE_LANGUAGE) or next(iter(texts.values()), "")


class ItemQuerySet(models.QuerySet):
    def standard(self) -> "ItemQuerySet":
        return self.filter(organisation__isnull=True)

    def available_to(self, organisation_ids: set[int]) -> "ItemQuerySet":
        """The standard bank and the organisations' own items."""
        return self.filter(
            models.Q(organisation__isnull=True) | models.Q(organisation_id__in=organisation_ids)
        )


class Item(models.Model):
    Kind = ItemKind

    code = models.CharField(_("kod"), max_length=60, unique=True, validators=[code_validator])
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_items",
        verbose_name=_("egen fråga för"),
        help_text=_("Tomt för frågorna i standardbanken."),
    )
    kind = models.CharField(_("frågetyp"), max_length=10, choices=ItemKind.choices)
    topic = models.CharField(_("ämne"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("fråga i frågebanken")
        verbose_name_plural = _("frågebanken")

    def __str__(self) -> str:
        return self.code

    @property
    def is_standard(self) -> bool:
        return self.organisation_id is None

    def latest_version(self) -> "ItemVersion | None":
        return self.versions.order_by("-number").first()


class ItemVersion(models.Model):
    """One wording of an item. `options` is a list of {"value", "label": {lang: text},
    "missing"?}; `constraints` holds limits by kind: min/max (number, scale, with
    min_label/max_label for a scale), max_length (text)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    wording = models.JSONField(_("frågetext"), help_text=_('Per språkkod, t.ex. {"sv": …}.'))
    help = models.JSONField(_("hjälptext"), default=dict, blank=True)
    options = models.JSONField(_("svarsalternativ"), default=list, blank=True)
    constraints = models.JSONField(_("gränser"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["item", "number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="one_number_per_item_version")
        ]
        verbose_name = _("version av en fråga")
        verbose_name_plural = _("versioner av frågor")

    def __str__(self) -> str:
        return f"{self.item.code} v{self.number}"

    def text(self, language: str) -> str:
        return translated(self.wording, language)

    def help_text(self, language: str) -> str:
        return translated(self.help, language)

    def option_values(self) -> list[str]:
        return [o["value"] for o in self.options]

    def substantive_values(self) -> list[str]:
        """The options counted in shares: all but "Vet ej" and the like."""
        return [o["value"] for o in self.options if not o.get("missing")]

    def option_label(self, value: str, language: str) -> str:
        for option in self.options:
            if option["value"] == value:
                return translated(option["label"], language)
        return value
