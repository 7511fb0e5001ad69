"""The answer page's own texts (buttons, messages) that a translator writes for a language the
platform does not ship (SurveyLanguage.ui); for Swedish, English and Arabic they come from the
gettext catalogues. The answer pages read every such text through `ui_text()`."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from surveys.models import SurveyLanguage

SHIPPED = ("sv", "en", "ar")
UI_TEXTS = {
    "language": _("Språk"),
    "code_label": _("Koden i ditt brev"),
    "code_help": _("Koden står i brevet du fick. Stora eller små bokstäver spelar ingen roll."),
    "start": _("Börja svara"),
    "anonymous": _("Dina svar är anonyma: ingen kan se vem som har svarat vad."),
    "progress": _("Sida %(page)s av %(pages)s"),
    "previous": _("Föregående"),
    "next": _("Nästa"),
    "submit": _("Skicka svaren"),
    "optional": _("frivillig"),
    "required": _("måste besvaras"),
    "errors_title": _("Något behöver rättas"),
    "required_error": _("Frågan måste besvaras."),
    "choose_area": _("Välj ett område"),
    "map_help": _("Markera platsen på kartan, eller välj ett område i listan i stället."),
    "no_names": _("Skriv inte namn eller annat som kan peka ut någon."),
    "thanks_title": _("Tack för dina svar!"),
    "closed": _("Undersökningen är inte öppen för svar just nu."),
}


def english_defaults() -> dict[str, str]:
    """The texts in English: what a translator starts from."""
    with translation.override("en"):
        return {key: str(text) for key, text in UI_TEXTS.items()}


def ui_text(language: SurveyLanguage | None, key: str) -> str:
    """The text for `key` in the survey language: the translator's, else the catalogue's (for a
    shipped language), else English."""
    if language is not None and (language.ui or {}).get(key):
        return language.ui[key]
    code = language.code if language is not None else "sv"
    with translation.override(code if code in SHIPPED else "en"):
        text = str(UI_TEXTS[key])
    if code != "sv":
        with translation.override("sv"):
            untranslated = text == str(UI_TEXTS[key])
        if untranslated:
            # A shipped language whose catalogue lacks the text: English reads better than
            # Swedish to someone who chose another language.
            with translation.override("en"):
                text = str(UI_TEXTS[key])
    return text
