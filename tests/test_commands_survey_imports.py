"""manage.py import_survey_answers and import_margins: all or nothing, non-zero exit on any
error, --dry-run stores nothing."""

import io

import pytest
from django.core.management import CommandError, call_command

from surveys.models import Margin, Response
from tests.survey_imports import csv_bytes, survey_world

pytestmark = pytest.mark.django_db
ANSWERS = [
    ["otrygg_kvall", "omrade", "kon"],
    ["ganska_trygg", "centrum", "man"],
    ["Mycket trygg", "", ""],
]
MARGINS = [["variabel", "kategori", "antal"], ["kön", "kvinnor", "600"], ["kön", "män", "600"]]


def call(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_answers_are_imported_representative_or_not(cast, tmp_path):
    sw = survey_world(cast)
    path = tmp_path / "svar.csv"
    path.write_bytes(csv_bytes(ANSWERS))
    out, _err = call("import_survey_answers", str(sw.wave.pk), str(path), "--dry-run")
    assert "Provkörning: 2 svar (ej representativa) skulle sparas" in out
    assert not Response.objects.exists()
    out, _err = call("import_survey_answers", str(sw.wave.pk), str(path), "--representative")
    assert "Klart: 2 svar (representativa) sparade i Trygghetsmätning 2025." in out
    assert (
        list(Response.objects.values_list("mode", "is_representative")) == [("imported", True)] * 2
    )
    with pytest.raises(CommandError, match="redan inläst"):
        call("import_survey_answers", str(sw.wave.pk), str(path))


def test_answers_with_errors_exit_non_zero(cast, tmp_path):
    sw = survey_world(cast)
    path = tmp_path / "svar.csv"
    path.write_bytes(csv_bytes([["otrygg_kvall", "kon"], ["kanske", "man"], ["", "man"]]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 fel i filen. Ingenting sparades."):
        call_command("import_survey_answers", str(sw.wave.pk), str(path), stderr=err)
    assert err.getvalue().splitlines()[1] == "Rad 3, kolumn ”otrygg_kvall”: Frågan måste besvaras."
    assert not Response.objects.exists()
    with pytest.raises(CommandError, match="ingen omgång med id 999"):
        call("import_survey_answers", "999", str(path))


def test_margins_are_imported(cast, tmp_path):
    sw = survey_world(cast)
    path = tmp_path / "marginaler.csv"
    path.write_bytes(csv_bytes(MARGINS))
    out, _err = call("import_margins", str(sw.wave.pk), str(path), "--dry-run")
    assert "Kön: Kvinnor" in out and not Margin.objects.exists()
    out, _err = call("import_margins", str(sw.wave.pk), str(path))
    assert "Klart: omgångens marginaler är ersatta (2 kategorier)." in out
    assert Margin.objects.count() == 2
    path.write_bytes(csv_bytes([["variabel", "kategori", "antal"], ["kön", "okänt", "1"]]))
    with pytest.raises(CommandError, match="1 fel i filen"):
        call("import_margins", str(sw.wave.pk), str(path))
    assert Margin.objects.count() == 2
