"""Every text of the residents' answer pages (buttons, hints, messages), by key: the one
place for them, read by the answer pages, the builder's preview and the translator's page.

Swedish, English and Arabic come from the gettext catalogues (locale/en, locale/ar). A language a
translator adds in the builder has no catalogue: its texts are the survey language's `ui` JSON,
keyed as here (the builder's translator page lists UI_TEXTS), and a text not yet translated is
shown in Swedish. Texts with placeholders are filled in by the views with `%`, so a translation
must keep exactly the Swedish text's placeholders (PLACEHOLDER; the translator's form checks).
"""

import functools
import re

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from surveys.models import SurveyLanguage

# Languages whose answer-page texts ship as gettext catalogues.
CATALOGUE_LANGUAGES = ("sv", "en", "ar")

UI_TEXTS = {
    "site_name": _("Trygghetsundersökning"),
    "skip_link": _("Hoppa till innehållet"),
    "emergency": _(
        "Vid akut fara: ring 112. Tips och frågor till polisen: 114 14 eller polisen.se."
    ),
    "accessibility": _("Tillgänglighetsredogörelse"),
    "privacy": _("Integritet och personuppgifter"),
    "language_nav": _("Välj språk"),
    # Code entry
    "entry_title": _("Svara på trygghetsundersökningen"),
    "entry_lead": _(
        "Skriv in koden som står i brevet du har fått. Koden har tio tecken, bokstäver och siffror."
    ),
    "code_label": _("Koden i brevet"),
    "code_hint": _("Till exempel ABCD EFGH 23. Det spelar ingen roll om du skriver mellanslag."),
    "code_missing": _("Skriv koden som står i brevet."),
    "code_unknown": _(
        "Vi hittar ingen inbjudan med koden %(code)s. Kontrollera koden i brevet och skriv den igen."
    ),
    "start": _("Börja svara"),
    "continue_draft": _("Du har redan börjat svara i den här webbläsaren."),
    "continue_link": _("Fortsätt där du slutade"),
    # Kind messages
    "used_title": _("Koden har redan använts"),
    "used_text": _(
        "Någon har redan svarat med den här koden. Varje kod kan bara användas en gång, så att "
        "ingen svarar två gånger. Har du svarat redan: tack för din hjälp!"
    ),
    "sent_title": _("Dina svar är redan skickade"),
    "sent_text": _("Svaren från den här webbläsaren är redan sparade. Tack för din hjälp!"),
    "closed_title": _("Undersökningen är stängd"),
    "closed_text": _(
        "Det går inte längre att svara på den här undersökningen. Tack för att du ville hjälpa till!"
    ),
    "not_open_title": _("Undersökningen har inte öppnat än"),
    "not_open_text": _("Du kan börja svara den %(date)s. Välkommen tillbaka då!"),
    "not_found_title": _("Vi hittar inte undersökningen"),
    "not_found_text": _(
        "Länken fungerar inte. Kontrollera att du har skrivit eller kopierat hela adressen."
    ),
    "expired_title": _("Dina påbörjade svar finns inte längre"),
    "expired_text": _(
        "Vi hittar inte svaren du började på. Om du har en kod i ett brev kan du börja om med den."
    ),
    "back_to_entry": _("Till sidan där du skriver koden"),
    # Intro
    "anonymity_title": _("Dina svar är anonyma"),
    "anonymity_text": _(
        "Vi sparar inte ditt namn, din IP-adress eller vilken tid du svarade, bara dagen. "
        "Resultaten visas bara för grupper av många personer, aldrig för en enskild person."
    ),
    "anonymity_code": _(
        "Dina svar sparas utan koppling till koden i brevet. Koden används bara för att ingen ska "
        "kunna svara två gånger."
    ),
    "draft_text": _(
        "Dina svar sparas varje gång du går vidare till nästa sida. Stänger du sidan kan du "
        "fortsätta senare i samma webbläsare. En nödvändig kaka håller reda på dina påbörjade "
        "svar, och de raderas när du skickar dem."
    ),
    "duration": _("Det tar ungefär %(minutes)s minuter att svara."),
    "question_count": _("Undersökningen har %(count)s frågor. Du väljer själv vilka du svarar på."),
    "required_note": _("Frågor markerade ”måste besvaras” behöver ett svar."),
    # Pages
    "progress": _("Sida %(page)s av %(total)s"),
    "next": _("Nästa"),
    "back": _("Tillbaka"),
    "to_summary": _("Granska dina svar"),
    "required": _("måste besvaras"),
    "matrix_hint": _("Svara för varje rad. Du kan hoppa över rader du inte vill svara på."),
    "error_summary_title": _("Något behöver rättas"),
    "error_prefix": _("Fel:"),
    "scale_ends": _("%(min)s betyder ”%(min_label)s” och %(max)s betyder ”%(max_label)s”."),
    "number_range": _("Skriv ett tal från %(min)s till %(max)s."),
    "number_min": _("Skriv ett tal, minst %(min)s."),
    "number_max": _("Skriv ett tal, högst %(max)s."),
    "text_limit": _("Du kan skriva högst %(max)s tecken."),
    "text_warning": _("Skriv inte namn eller annat som kan peka ut någon."),
    "text_counter": _("Du har %(left)s tecken kvar."),
    "text_over": _("Du har skrivit %(over)s tecken för mycket."),
    "point_skip": _("Jag vill inte markera någon plats"),
    "point_marked": _("Platsen jag har markerat på kartan"),
    "point_areas": _("Välj ett område, eller markera platsen på kartan om kartan visas."),
    "map_label": _("Karta över kommunen"),
    "map_help": _(
        "Klicka eller tryck på kartan för att markera platsen. Med tangentbordet: flytta kartan "
        "med piltangenterna, zooma med + och −, och välj sedan knappen nedanför."
    ),
    "map_place_centre": _("Markera platsen i kartans mitt"),
    "map_remove": _("Ta bort markeringen"),
    "map_zoom_in": _("Zooma in"),
    "map_zoom_out": _("Zooma ut"),
    "map_marker": _("Markerad plats. Flytta den med piltangenterna."),
    "map_marked": _("En plats är markerad på kartan."),
    "map_none": _("Ingen plats är markerad."),
    "area_choose": _("Välj område"),
    "show_if_hint": _("Svara bara om du svarade ”%(answer)s” på frågan ”%(question)s”."),
    # Summary and thanks
    "summary_title": _("Granska dina svar innan du skickar"),
    "summary_lead": _(
        "Kontrollera dina svar. Du kan ändra dem så länge du inte har skickat. När du har "
        "skickat kan svaren inte ändras."
    ),
    "change": _("Ändra"),
    "change_answer_to": _("svaret på frågan ”%(question)s”"),
    "not_answered": _("Inte besvarad"),
    "a_place": _("En plats på kartan"),
    "submit": _("Skicka svaren"),
    "thanks_title": _("Tack för dina svar!"),
    "thanks_text": _(
        "Dina svar är sparade. Resultaten sammanställs när undersökningen har stängt, och de "
        "används för att göra kommunen tryggare."
    ),
    "thanks_close": _("Du kan stänga sidan nu."),
}


@functools.cache
def catalogue_texts(language: str) -> dict[str, str]:
    with translation.override(language):
        return {key: str(text) for key, text in UI_TEXTS.items()}


def english_defaults() -> dict[str, str]:
    """The texts in English: what a translator of a new language starts from."""
    return catalogue_texts("en")


PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def ui_texts(language: str, survey_language: SurveyLanguage | None = None) -> dict[str, str]:
    """The answer pages' texts in `language`: from the catalogue for the shipped languages,
    else from the translator's `ui` texts, falling back to Swedish."""
    if language in CATALOGUE_LANGUAGES:
        return catalogue_texts(language)
    own = (survey_language.ui if survey_language else None) or {}
    return {key: own.get(key) or text for key, text in catalogue_texts("sv").items()}
