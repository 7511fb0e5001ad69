"""The languages of an XLSForm's `label::…` columns, as the platform's language codes.

XLSForm names a language freely: "Swedish (sv)" (the recommended "Name (code)" form),
"svenska", "English", "Arabic (ar)"; a bare `label` column is in the form's default language.
"""

import re
from dataclasses import dataclass

SWEDISH = "sv"
# Code: name in the language itself, and the other names a form may use for it.
KNOWN: dict[str, tuple[str, tuple[str, ...]]] = {
    "sv": ("Svenska", ("swedish", "svenska", "schwedisch")),
    "en": ("English", ("english", "engelska")),
    "ar": ("العربية", ("arabic", "arabiska", "العربية")),
    "fi": ("Suomi", ("finnish", "finska", "suomi")),
    "so": ("Soomaali", ("somali", "somaliska", "soomaali")),
    "fa": ("فارسی", ("persian", "farsi", "persiska", "فارسی")),
    "prs": ("دری", ("dari",)),
    "ti": ("ትግርኛ", ("tigrinya", "tigrinja", "ትግርኛ")),
    "ku": ("Kurdî", ("kurdish", "kurdiska", "kurmanji")),
    "ckb": ("کوردی", ("sorani", "central kurdish")),
    "pl": ("Polski", ("polish", "polska", "polski")),
    "bs": ("Bosanski", ("bosnian", "bosniska", "bosanski")),
    "sr": ("Српски", ("serbian", "serbiska")),
    "hr": ("Hrvatski", ("croatian", "kroatiska")),
    "tr": ("Türkçe", ("turkish", "turkiska", "türkçe")),
    "ru": ("Русский", ("russian", "ryska", "русский")),
    "uk": ("Українська", ("ukrainian", "ukrainska", "українська")),
    "de": ("Deutsch", ("german", "tyska", "deutsch")),
    "fr": ("Français", ("french", "franska", "français")),
    "es": ("Español", ("spanish", "spanska", "español")),
    "sq": ("Shqip", ("albanian", "albanska", "shqip")),
    "se": ("Davvisámegiella", ("northern sami", "nordsamiska")),
    "fit": ("Meänkieli", ("meänkieli", "tornedalsfinska")),
    "rom": ("Romani", ("romani", "romska")),
    "yi": ("ייִדיש", ("yiddish", "jiddisch")),
    "am": ("አማርኛ", ("amharic", "amhariska")),
    "ur": ("اردو", ("urdu",)),
    "ps": ("پښتو", ("pashto", "pashtu")),
}
RIGHT_TO_LEFT = {"ar", "fa", "prs", "ckb", "ur", "ps", "yi", "he"}
BY_NAME = {name: code for code, (_native, names) in KNOWN.items() for name in names}
NAME_AND_CODE = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\)$")
BARE_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself where known, else as the form wrote it
    rtl: bool
    written: str  # as the form's columns name it, e.g. "Swedish (sv)"


def language(written: str) -> Language | None:
    """The language a column suffix names, or None when it cannot be told."""
    text = " ".join(written.split())
    match = NAME_AND_CODE.match(text)
    if match:
        code = match["code"].lower()
        if code in KNOWN or not BY_NAME.get(match["name"].casefold()):
            return _language(code, match["name"] or code, text)
        return _language(BY_NAME[match["name"].casefold()], match["name"], text)
    code = BY_NAME.get(text.casefold())
    if code is None and BARE_CODE.match(text.lower()):
        code = text.lower()
    return _language(code, text, text) if code else None


def _language(code: str, name: str, written: str) -> Language:
    native = KNOWN[code][0] if code in KNOWN else name
    return Language(
        code=code, name=native, rtl=code.split("-")[0] in RIGHT_TO_LEFT, written=written
    )
