"""manage.py import_xlsform FILE --organisation KOMMUNKOD: exit 0 only when the survey was
created; non-zero with the row-by-row errors otherwise."""

import io

import pytest
from django.core.management import CommandError, call_command

from organisations.models import AuditEntry
from surveys.models import Survey
from tests.xlsforms import BROKEN_FOR_COMMAND, valid_form, workbook

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_xlsform", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_valid_form_is_created_for_the_municipality(cast, tmp_path):
    path = tmp_path / "trygghet.xlsx"
    path.write_bytes(valid_form())
    out, _err = run(str(path), "--organisation", "1419")
    survey = Survey.objects.get()
    assert survey.organisation == cast.tjorn
    assert f"Klart: undersökningen ”Trygghetsmätning Tjörn” (id {survey.pk}) är skapad" in out
    assert "otrygg_kvall: Hur trygg eller otrygg" in out  # the plan is printed
    entry = AuditEntry.objects.get(action="survey.imported_xlsform")
    assert entry.actor_label == "system (kommandoraden: trygghet.xlsx)"


def test_errors_are_printed_row_by_row_and_the_exit_is_non_zero(cast, tmp_path):
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(workbook(BROKEN_FOR_COMMAND))
    with pytest.raises(CommandError, match="2 fel i filen. Ingenting sparades."):
        call_command(
            "import_xlsform", str(path), "--organisation", "1419", stderr=(err := io.StringIO())
        )
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("Blad ”survey”, rad 2, kolumn ”type”: Upprepade grupper")
    assert lines[1].startswith("Blad ”survey”, rad 4, kolumn ”type”: Upprepade grupper")
    assert not Survey.objects.exists()


def test_an_unknown_municipality_or_file(cast, tmp_path):
    path = tmp_path / "trygghet.xlsx"
    path.write_bytes(valid_form())
    with pytest.raises(CommandError, match="ingen kommunorganisation med kommunkoden 1480"):
        run(str(path), "--organisation", "1480")
    with pytest.raises(CommandError, match="kan inte öppnas"):
        run(str(tmp_path / "saknas.xlsx"), "--organisation", "1419")
    with pytest.raises(CommandError, match="redan inläst"):
        run(str(path), "--organisation", "1419")
        run(str(path), "--organisation", "1419")
    assert Survey.objects.count() == 1
