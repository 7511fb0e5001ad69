"""The English translation is complete, compiled, and covers every string in the code. The
Arabic one (locale/ar) is complete for what the survey answer pages show, the only pages offered
in Arabic."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
ARABIC = ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po"
# What the answer pages show: their texts (surveys.answer_texts), the answer validation's
# messages, and the templates of the answer pages and the map block.
ANSWER_PAGE_SOURCES = (
    "surveys/answer_texts.py",
    "surveys/validation.py",
    "templates/surveys/answer/",
    "templates/maps/",
)
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def entries(po: Path = PO) -> list:
    return [e for e in polib.pofile(str(po)) if not e.obsolete]


def answer_page_entries() -> list:
    return [
        e
        for e in entries(ARABIC)
        if any(path.startswith(ANSWER_PAGE_SOURCES) for path, _line in e.occurrences)
    ]


def test_every_string_is_translated():
    missing = [e.msgid for e in entries() if not e.translated() or "fuzzy" in e.flags]
    assert not missing, f"untranslated or fuzzy in {PO}: {missing}"


def test_placeholders_survive_translation():
    for e in entries():
        sources = [e.msgid] + ([e.msgid_plural] if e.msgid_plural else [])
        expected = set().union(*(PLACEHOLDER.findall(s) for s in sources))
        translations = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) <= expected, e.msgid


def test_every_answer_page_string_is_translated_into_arabic():
    shown = answer_page_entries()
    assert len(shown) > 50, "the answer pages' strings are in locale/ar"
    missing = [e.msgid for e in shown if not e.translated() or "fuzzy" in e.flags]
    assert not missing, f"untranslated or fuzzy in {ARABIC}: {missing}"
    for e in shown:
        assert set(PLACEHOLDER.findall(e.msgstr)) == set(PLACEHOLDER.findall(e.msgid)), e.msgid


@pytest.mark.parametrize("po", [PO, ARABIC], ids=["en", "ar"])
def test_compiled_file_matches_source(po):
    mo = polib.mofile(str(po.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in entries(po)
        if e.translated() and "fuzzy" not in e.flags
    }
    assert compiled == source, "run `make messages` to compile locale/en and locale/ar"


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="xgettext (Debian's gettext) is not installed"
)
def test_catalogue_is_up_to_date(tmp_path):
    ignore = shutil.ignore_patterns(".venv", "var", ".git", "*.pyc", "__pycache__", ".pytest_cache")
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=ignore)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "en",
            "--locale",
            "ar",
            "--no-obsolete",
            "--ignore",
            "tests/*",
            "--ignore",
            "e2e/*",
            "--ignore",
            "bench/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(copy / "locale/en/LC_MESSAGES/django.po"))
        if not e.obsolete
    }
    current = {(e.msgctxt, e.msgid) for e in entries()}
    assert fresh - current == set(), (
        "strings in the code missing from locale/en: run `make messages`"
    )
    fresh_arabic = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(copy / "locale/ar/LC_MESSAGES/django.po"))
        if not e.obsolete
    }
    assert fresh_arabic - {(e.msgctxt, e.msgid) for e in entries(ARABIC)} == set(), (
        "strings in the code missing from locale/ar: run `make messages`"
    )
