"""Brå's reported-crime tables: markers kept apart from zero and never back-computed, the same
file twice adds nothing, a corrected figure replaces the stored one (audited), all or nothing,
and every error named by row and column."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.imports import ImportFile
from core.models import ImportRecord
from organisations.models import AuditEntry
from situation.imports.crime_statistics import CrimeStatisticsImporter
from situation.models import CrimeCategory, CrimeStatistic

pytestmark = pytest.mark.django_db

M = CrimeStatistic.Marker

# What a download from Brå's statistics database looks like once saved as CSV from Excel: a
# title, a blank line, the code beside the name, the country and the county above the
# municipalities, a Swedish decimal comma in the rate, and the three markers.
SAMPLE = """\
"Anmälda brott efter brottstyp och kommun, 2023–2024 (slutlig statistik)"
""
"Kommunkod";"Kommun";"Brottskategori";"Period";"Antal";"Per 100 000 invånare"
"00";"Riket";"Samtliga brott";"2024";"1 402 431";"13 284"
"14";"Västra Götalands län";"Samtliga brott";"2024";"246 113";"13 551"
"1419";"Tjörn";"Samtliga brott";"2023";"1 104";"6 899,5"
"1419";"Tjörn";"Samtliga brott";"2024";"1 052";"6 583,6"
"1419";"Tjörn";"3 kap. Brott mot liv och hälsa";"2024";"97";"607,1"
"1419";"Tjörn";"Misshandel";"2024";"61";"381,8"
"1419";"Tjörn";"6 kap. Sexualbrott";"2024";"XX";"XX"
"1419";"Tjörn";"Klotter";"2024";"0";"0"
"1419";"Tjörn";"Narkotikabrott";"2024";"..";".."
"1419";"Tjörn";"Brott mot övriga författningar > Trafikbrott";"2024";"164";"."
"1421";"Orust";"Samtliga brott";"2024";"1 210";"7 771,2"
"1421";"Orust";"brb-12";"2024-K3";"38";"244,1"
"1421";"Orust";"12 kap. Skadegörelsebrott";"2024M07";"15";"."
"""


def sample(text: str = SAMPLE, name: str = "bra-2024.csv") -> ImportFile:
    return ImportFile.from_bytes(name, text.encode("utf-8"))


def stored(code: str, category: str, period: str, measure: str = "count") -> CrimeStatistic:
    return CrimeStatistic.objects.get(
        municipality__code=code, category__code=category, period=period, measure=measure
    )


def run(source: ImportFile, **kwargs: object):
    return CrimeStatisticsImporter(**kwargs).run(source)


def errors(plan) -> list[str]:
    return [str(issue) for issue in plan.errors]


def test_the_sample_imports_with_markers_kept_apart_from_zero():
    plan = run(sample())
    assert not plan.errors, errors(plan)
    assert plan.record is not None
    # 11 municipal rows, two measures each; riket and the county are left out.
    assert CrimeStatistic.objects.count() == 22
    assert any("riket eller ett län" in str(n) for n in plan.notes)
    assert not CrimeStatistic.objects.filter(municipality__code__startswith="00").exists()

    assert stored("1419", "samtliga", "2024").value == Decimal(1052)
    assert stored("1419", "samtliga", "2023", "per_100k").value == Decimal("6899.50")
    suppressed = stored("1419", "brb-6", "2024")
    assert (suppressed.value, suppressed.marker) == (None, M.SUPPRESSED)
    zero = stored("1419", "brb-12-klotter", "2024")
    assert (zero.value, zero.marker) == (Decimal(0), "")
    missing = stored("1419", "narkotika", "2024")
    assert (missing.value, missing.marker) == (None, M.MISSING)
    not_computable = stored("1419", "trafik", "2024", "per_100k")
    assert (not_computable.value, not_computable.marker) == (None, M.NOT_COMPUTABLE)
    quarter = stored("1421", "brb-12", "2024-K3")
    assert (quarter.year, quarter.quarter, quarter.month) == (2024, 3, None)
    month = stored("1421", "brb-12", "2024-07")
    assert (month.year, month.quarter, month.month) == (2024, None, 7)
    assert stored("1419", "samtliga", "2024").source == "Brå, anmälda brott: bra-2024.csv"


def test_nothing_is_back_computed():
    """Brottsbalken (brb) and 8 kap. are not in the file: no total is made from the parts, and
    the suppressed sexual offences stay suppressed, whatever the total and the other parts say."""
    run(sample())
    assert not CrimeStatistic.objects.filter(category__code__in=["brb", "brb-8"]).exists()
    assert CrimeStatistic.objects.filter(category__code="brb-6", value__isnull=False).count() == 0


def test_the_same_file_twice_adds_nothing():
    run(sample())
    again = run(sample())
    assert again.previous is not None and again.record is None
    assert CrimeStatistic.objects.count() == 22
    assert ImportRecord.objects.filter(kind="crime_statistics").count() == 1


def test_the_same_figures_in_another_file_add_nothing():
    run(sample())
    renamed = run(sample(SAMPLE.replace("slutlig", "SLUTLIG"), "annan.csv"))
    assert not plan_errors(renamed)
    assert renamed.changes == [] and renamed.record is None
    assert any("22 siffror finns redan" in str(n) for n in renamed.notes)


def plan_errors(plan) -> list[str]:
    return errors(plan)


def test_a_changed_figure_replaces_the_stored_one_and_is_audited(cast):
    run(sample())
    corrected = SAMPLE.replace('"Misshandel";"2024";"61"', '"Misshandel";"2024";"64"').replace(
        '"Narkotikabrott";"2024";".."', '"Narkotikabrott";"2024";"12"'
    )
    plan = run(sample(corrected, "bra-2024-rättad.csv"), user=cast.alice)
    assert plan.counts() == {"update": 2}
    [misshandel] = [c for c in plan.changes if "Misshandel" in c.description]
    assert (misshandel.fields[0].before, misshandel.fields[0].after) == ("61", "64")
    [drugs] = [c for c in plan.changes if "Narkotikabrott" in c.description]
    assert drugs.fields[0].before.startswith("..") and drugs.fields[0].after == "12"
    assert stored("1419", "brb-3-misshandel", "2024").value == Decimal(64)
    narcotics = stored("1419", "narkotika", "2024")
    assert (narcotics.value, narcotics.marker) == (Decimal(12), "")
    assert CrimeStatistic.objects.count() == 22
    entry = AuditEntry.objects.get(action="crime_statistic.corrected", object_id=narcotics.pk)
    assert entry.before["marker"] == ".." and entry.after["value"] == "12.00"
    assert entry.actor == cast.alice
    assert list(entry.parties.all()) == [cast.tjorn]
    summary = AuditEntry.objects.filter(action="crime_statistics.imported").latest("at")
    assert summary.after["ändrade"] == 2 and summary.after["nya"] == 0


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ('"1409";"";"Samtliga brott";"2024";"5";"1"', "Kommunkod", "Okänd kommunkod"),
        ('"1419";"Orust";"Samtliga brott";"2024";"5";"1"', "Kommun", "inte Orust"),
        ('"1419";"";"Samtliga brott";"2024-13";"5";"1"', "Period", "Månaden måste vara 1–12"),
        ('"1419";"";"Samtliga brott";"förra året";"5";"1"', "Period", "ingen period"),
        ('"1419";"";"Samtliga brott";"1800";"5";"1"', "Period", "inte rimligt"),
        ('"1419";"";"Cykelbrott";"2024";"5";"1"', "Brottskategori", "Okänd brottskategori"),
        ('"1419";"";"Samtliga brott";"2024";"x";"1"', "Antal", "varken ett tal eller en mark"),
        ('"1419";"";"Samtliga brott";"2024";"-";"1"', "Antal", "varken ett tal eller en mark"),
        ('"1419";"";"Samtliga brott";"2024";"...";"1"', "Antal", "varken ett tal eller en mark"),
        ('"1419";"";"Samtliga brott";"2024";"-3";"1"', "Antal", "inte vara negativt"),
        ('"1419";"";"Samtliga brott";"2024";"2,5";"1"', "Antal", "heltal"),
        ('"1419";"";"Samtliga brott";"2024";"";"1"', "Antal", "inte vara tomt"),
        ('"1419";"";"Samtliga brott";"2022";"5";"-1,5"', "Per 100 000 invånare", "negativt"),
        ('"1419";"";"Samtliga brott";"2023";"5";"1"', "Antal", "står redan på rad 6"),
    ],
)
def test_a_bad_cell_is_named_by_row_and_column_and_nothing_is_stored(row, column, message):
    text = SAMPLE.rstrip("\n") + "\n" + row + "\n"
    plan = run(sample(text))
    assert plan.record is None
    assert CrimeStatistic.objects.count() == 0
    found = [i for i in plan.errors if i.row == 17]
    assert found, errors(plan)
    assert found[0].column == column, errors(plan)
    assert message in found[0].message, errors(plan)


def test_every_bad_row_is_reported_at_once():
    text = SAMPLE.replace('"1421";"Orust";"Samtliga', '"9999";"";"Samtliga').replace(
        '"Klotter";"2024";"0"', '"Klotter";"2024";"-1"'
    )
    plan = run(sample(text))
    assert {(i.row, i.column) for i in plan.errors} == {(14, "Kommunkod"), (11, "Antal")}
    assert CrimeStatistic.objects.count() == 0


def test_an_error_after_the_first_thousand_rows_stores_nothing():
    lines = ["kommunkod;period;brottskategori;antal"]
    lines += [f"1419;2024M{m:02d};samtliga;{m}" for m in range(1, 13)]
    lines += [f"{code};2024;samtliga;10" for code in ("1401", "1415", "1421", "1461", "1480")]
    lines += ["1465;2024;samtliga;-5"]
    plan = run(sample("\n".join(lines)))
    assert [(i.row, i.column) for i in plan.errors] == [(19, "antal")]
    assert CrimeStatistic.objects.count() == 0


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("kommunkod;brottskategori;antal", "period"),
        ("kommunkod;period;antal", "brottskategori"),
        ("period;brottskategori;antal", "kommunkod"),
        ("kommunkod;period;brottskategori", "antal"),
        ("kommunkod;period;brottskategori;antal;färg", "färg"),
        ("kommunkod;period;brottskategori;antal;antal", "antal"),
    ],
)
def test_a_wrong_header_is_refused(header, column):
    plan = run(sample(f"{header}\n1419;2024;samtliga;5\n"))
    assert plan.errors and plan.record is None
    assert column in {i.column for i in plan.errors}, errors(plan)


def test_brås_wide_shape_with_a_column_per_year_and_an_xlsx_file():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Anmälda brott per kommun"])
    sheet.append([])
    sheet.append(["Region", "Brott", "2022", "2023", "2024"])
    sheet.append([180, "Samtliga brott", 151_000, 150_313.0, "XX"])  # Excel dropped the 0
    sheet.append(["1480 Göteborg", "Narkotikabrott", "..", 9031, 8802])
    buffer = io.BytesIO()
    book.save(buffer)
    plan = run(ImportFile.from_bytes("bra.xlsx", buffer.getvalue()))
    assert not plan.errors, errors(plan)
    assert CrimeStatistic.objects.count() == 6
    assert stored("0180", "samtliga", "2023").value == Decimal(150313)
    assert stored("0180", "samtliga", "2024").marker == M.SUPPRESSED
    assert stored("1480", "narkotika", "2022").marker == M.MISSING


def test_a_category_named_in_two_places_needs_its_path():
    penal_code = CrimeCategory.objects.get(code="brb")
    CrimeCategory.objects.create(code="brb-narkotika", name="Narkotikabrott", parent=penal_code)
    plan = run(sample("kommunkod;period;brottskategori;antal\n1419;2024;Narkotikabrott;5\n"))
    assert "flera ställen" in errors(plan)[0]
    path = "Samtliga brott > Brott mot övriga författningar > Narkotikabrott"
    plan = run(sample(f"kommunkod;period;brottskategori;antal\n1419;2024;{path};5\n"))
    assert not plan.errors, errors(plan)


def test_a_broken_file_is_refused_as_a_whole():
    for source in (
        ImportFile.from_bytes("bra.csv", b"\xff\xfe\x00k\x00o"),
        ImportFile.from_bytes("bra.xlsx", b"PK\x03\x04 broken"),
        ImportFile.from_bytes("bra.json", b"[]"),
        ImportFile.from_bytes("bra.csv", b""),
    ):
        plan = run(source)
        assert plan.errors and plan.record is None
    assert CrimeStatistic.objects.count() == 0


def test_the_command(tmp_path, capsys):
    path = tmp_path / "bra-2024.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    call_command("import_crime_statistics", str(path), "--dry-run")
    assert CrimeStatistic.objects.count() == 0
    assert "Provkörning: 22 nya" in capsys.readouterr().out
    call_command("import_crime_statistics", str(path), "--quiet")
    assert "Klart: 22 nya och 0 ändrade" in capsys.readouterr().out
    with pytest.raises(CommandError, match="redan inläst"):
        call_command("import_crime_statistics", str(path))
    broken = tmp_path / "trasig.csv"
    broken.write_text(SAMPLE.replace('"Klotter";"2024";"0"', '"Klotter";"2024";"-1"'))
    with pytest.raises(CommandError, match="1 fel i filen"):
        call_command("import_crime_statistics", str(broken))
    assert "Rad 11, kolumn ”Antal”" in capsys.readouterr().err
    assert CrimeStatistic.objects.count() == 22
