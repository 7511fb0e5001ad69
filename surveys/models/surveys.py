"""A questionnaire: its languages, sections (pages or matrices) and questions."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Municipality, Organisation
from surveys.models.bank import ItemVersion, translated

# Polisen's problem index runs from 0 (hardly any problem) to 6 (alarming); the weights behind it
# were not found (DOMAIN.md §4), so each survey keeps its own, with these evenly spaced defaults.
DEFAULT_PROBLEM_INDEX_WEIGHTS = {
    "mycket_stort": 6,
    "ganska_stort": 4,
    "ganska_litet": 2,
    "inget": 0,
}


def default_problem_index_weights() -> dict[str, int]:
    return dict(DEFAULT_PROBLEM_INDEX_WEIGHTS)


key_validator = RegexValidator(
    r"^[a-z][a-z0-9_]{0,59}$",
    _("Nyckeln får bara innehålla små bokstäver a–z, siffror och understreck."),
)
language_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", _("Ange en språkkod som ”sv”, ”en”, ”ar” eller ”so”.")
)


class SurveyQuerySet(models.QuerySet):
    def owned_by(self, organisation_ids: set[int]) -> "SurveyQuerySet":
        return self.filter(organisation_id__in=organisation_ids)

    def touch(self) -> int:
        """Mark the surveys changed: every process builds their questionnaires anew
        (surveys.answering.load_questionnaire compares updated_at)."""
        return self.update(updated_at=timezone.now())


class Survey(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="surveys",
        verbose_name=_("ansvarig organisation"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="surveys",
        verbose_name=_("kommun"),
        help_text=_(
            "Kommunen som undersökningen gäller; dess områden används för urval och resultat."
        ),
    )
    title = models.JSONField(_("rubrik"), help_text=_("Per språkkod."))
    intro = models.JSONField(_("inledning"), default=dict, blank=True)
    thanks = models.JSONField(_("tack-text"), default=dict, blank=True)
    problem_index_weights = models.JSONField(
        _("vikter för problemindex"),
        default=default_problem_index_weights,
        help_text=_("Poäng 0–6 per svarsalternativ för problemfrågorna."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("trygghetsundersökning")
        verbose_name_plural = _("trygghetsundersökningar")

    def __str__(self) -> str:
        return self.title_in("sv")

    def title_in(self, language: str) -> str:
        return translated(self.title, language)


class SurveyLanguage(models.Model):
    """A language the survey is offered in. Swedish is always there; English and Arabic ship
    with the platform's translations; a translator can add another one in the builder, with its
    own texts for the survey page's buttons and messages in `ui`."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("språkkod"), max_length=12, validators=[language_validator])
    name = models.CharField(_("språkets namn på språket självt"), max_length=40)
    rtl = models.BooleanField(_("skrivs från höger till vänster"), default=False)
    ui = models.JSONField(_("texter på svarssidan"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["survey", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="one_language_code_per_survey")
        ]
        verbose_name = _("språk")
        verbose_name_plural = _("språk")

    def __str__(self) -> str:
        return self.name


class SectionKind(models.TextChoices):
    PAGE = "page", _("Sida")
    MATRIX = "matrix", _("Matris (frågor med samma skala)")


class Section(models.Model):
    Kind = SectionKind

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("typ"), max_length=6, choices=SectionKind.choices, default="page")
    title = models.JSONField(_("rubrik"), default=dict, blank=True)
    intro = models.JSONField(_("inledning"), default=dict, blank=True)

    class Meta:
        ordering = ["survey", "order", "id"]
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")

    def __str__(self) -> str:
        return translated(self.title, "sv") or f"{self.survey} #{self.order}"


class Question(models.Model):
    """An item version asked in a survey. `show_if` is a condition (surveys.conditions) on
    earlier answers; the question is asked only when it holds."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    key = models.CharField(
        _("nyckel"),
        max_length=60,
        validators=[key_validator],
        help_text=_("Samma som frågans kod i frågebanken."),
    )
    item_version = models.ForeignKey(
        ItemVersion, on_delete=models.PROTECT, related_name="questions", verbose_name=_("fråga")
    )
    required = models.BooleanField(_("obligatorisk"), default=False)
    show_if = models.JSONField(_("visas om"), null=True, blank=True)
    # The survey's own texts in languages that the item version lacks (a translator-added
    # language for a standard item): {lang: {"wording", "help", "options": {value: label},
    # "min_label", "max_label"}}. A language the version has is always taken from the version,
    # so the bank's wording is what results cite.
    translations = models.JSONField(_("översättningar"), default=dict, blank=True)

    class Meta:
        ordering = ["survey", "section__order", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["survey", "key"], name="one_key_per_survey")]
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")

    def __str__(self) -> str:
        return self.key

    def _own_text(self, language: str, name: str) -> str:
        return (self.translations.get(language) or {}).get(name) or ""

    def _has(self, texts: dict | None, language: str) -> bool:
        return bool((texts or {}).get(language))

    def text(self, language: str) -> str:
        """The wording in `language`: the version's, else the survey's translation, else
        Swedish."""
        version = self.item_version
        if self._has(version.wording, language):
            return version.wording[language]
        return self._own_text(language, "wording") or version.text(language)

    def help_text(self, language: str) -> str:
        version = self.item_version
        if self._has(version.help, language) or not version.help:
            return version.help_text(language)
        return self._own_text(language, "help") or version.help_text(language)

    def option_label(self, value: str, language: str) -> str:
        for option in self.item_version.options:
            if option["value"] == value:
                if self._has(option["label"], language):
                    return option["label"][language]
                own = (self.translations.get(language) or {}).get("options") or {}
                return own.get(value) or translated(option["label"], language)
        return value

    def options_in(self, language: str) -> list[dict]:
        """The options as {"value", "label", "missing"} in `language`."""
        return [
            {
                "value": o["value"],
                "label": self.option_label(o["value"], language),
                "missing": bool(o.get("missing")),
            }
            for o in self.item_version.options
        ]

    def scale_label(self, end: str, language: str) -> str:
        """The label of a scale's end ("min_label" or "max_label") in `language`."""
        texts = (self.item_version.constraints or {}).get(end) or {}
        if self._has(texts, language) or not texts:
            return translated(texts, language)
        return self._own_text(language, end) or translated(texts, language)

    def row_label(self, language: str) -> str:
        """The short label of the question as a row of a matrix: its help text (which for the
        bank's batteries is the item itself, "Nedskräpning"), else its wording."""
        return self.help_text(language) or self.text(language)
