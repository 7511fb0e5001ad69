"""The English translation is complete, compiled, and covers every string in the code."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def entries():
    return [e for e in polib.pofile(str(PO)) if not e.obsolete]


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


def test_compiled_file_matches_source():
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in entries()}
    assert compiled == source, "run `make messages` to compile locale/en"


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
