"""Population per municipality and year from SCB's statistical database: the wide and the long
shape, the same figures twice add nothing, a corrected figure replaces the stored one
(audited), all or nothing, errors by row and column."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.imports import ImportFile
from organisations.models import AuditEntry, Population
from situation.imports.population import PopulationImporter

pytestmark = pytest.mark.django_db

# SCB's CSV export of "Folkmängden efter region och år" (BE0101N1): a title line, quoted
# cells, the content's name before each year, the country and a county above the
# municipalities, and a footnote below.
SAMPLE = """\
"Folkmängden efter region och år"

"region","Folkmängd 2023","Folkmängd 2024"
"00 Riket",10551707,10587710
"14 Västra Götalands län",1744859,1751754
"1415 Stenungsund",27650,27786
"1419 Tjörn",16025,15957
"1421 Orust",15202,15134
"1461 Mellerud",9006,..

"Källa: SCB, befolkningsstatistik"
"""


def sample(text: str = SAMPLE, name: str = "BE0101N1.csv") -> ImportFile:
    return ImportFile.from_bytes(name, text.encode("utf-8"))


def run(source: ImportFile, **kwargs: object):
    return PopulationImporter(**kwargs).run(source)


def errors(plan) -> list[str]:
    return [str(i) for i in plan.errors]


def count(code: str, year: int) -> int:
    return Population.objects.get(municipality__code=code, year=year).count


def test_scb_s_wide_export_imports():
    before = Population.objects.count()
    plan = run(sample())
    assert not plan.errors, errors(plan)
    assert Population.objects.count() == before + 7  # Mellerud 2024 is ".." (no figure)
    assert count("1419", 2023) == 16025 and count("1419", 2024) == 15957
    assert not Population.objects.filter(municipality__code="1461", year=2024).exists()
    assert Population.objects.get(municipality__code="1415", year=2024).source == (
        "SCB, folkmängd 31 december: BE0101N1.csv"
    )
    notes = " ".join(str(n) for n in plan.notes)
    assert "riket eller ett län" in notes and "fotnot" in notes


def test_the_long_shape_and_an_update_of_a_stored_year(cast):
    stored = count("1419", 2025)
    text = "region;år;folkmängd\n1419 Tjörn;2025;{new}\n1421;2025;{orust}\n".format(
        new=stored + 12, orust=count("1421", 2025)
    )
    plan = run(sample(text, "folkmangd-2025.csv"), user=cast.alice)
    assert not plan.errors, errors(plan)
    assert plan.counts() == {"update": 1}
    [change] = plan.changes
    assert change.fields[0].before.replace("\u00a0", "") == str(stored)
    assert count("1419", 2025) == stored + 12
    entry = AuditEntry.objects.get(action="population.corrected")
    assert entry.before["count"] == stored and entry.after["count"] == stored + 12
    assert list(entry.parties.all()) == [cast.tjorn]
    assert any("1 siffror finns redan" in str(n) for n in plan.notes)


def test_the_same_file_twice_adds_nothing():
    run(sample())
    before = Population.objects.count()
    again = run(sample())
    assert again.previous is not None and again.record is None
    copy = run(sample(SAMPLE.replace("Folkmängden efter", "Folkmängd efter"), "kopia.csv"))
    assert copy.changes == [] and not copy.errors
    assert Population.objects.count() == before


def test_a_breakdown_by_sex_is_refused_with_advice():
    text = 'region,kön,2024\n"1419 Tjörn",män,8000\n"1419 Tjörn",kvinnor,7957\n'
    plan = run(sample(text))
    assert plan.record is None
    assert [(i.row, i.column) for i in plan.errors] == [(2, "kön"), (3, "kön")]
    assert "Ta ut folkmängden totalt" in plan.errors.items[0].message
    total = run(sample('region,kön,2024\n"1419 Tjörn",totalt,15957\n'))
    assert not total.errors, errors(total)


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ('"1409 Någonstans",100,100', "region", "Okänd kommunkod"),
        ('"1419 Orust",100,100', "region", "inte Orust"),
        ('"1419 Tjörn",-5,100', "Folkmängd 2023", "negativt"),
        ('"1419 Tjörn",många,100', "Folkmängd 2023", "heltal"),
        ('"1419 Tjörn",,100', "Folkmängd 2023", "tomt"),
        ('"1415 Stenungsund",1,1', "Folkmängd 2023", "står redan på rad 6"),
    ],
)
def test_a_bad_cell_is_named_and_nothing_is_stored(row, column, message):
    before = Population.objects.count()
    text = SAMPLE.replace('"1461 Mellerud",9006,..', '"1461 Mellerud",9006,..\n' + row)
    plan = run(sample(text))
    assert plan.record is None and Population.objects.count() == before
    issue = next(i for i in plan.errors if i.row == 10)
    assert issue.column == column and message in issue.message, errors(plan)


@pytest.mark.parametrize(
    "header",
    ["region;år", "år;folkmängd", "region;år;folkmängd;färg", "region;2024;år;folkmängd"],
)
def test_a_wrong_header_is_refused(header):
    plan = run(sample(f"{header}\n1419;2024;15000\n"))
    assert plan.errors and plan.record is None


def test_a_bad_year_is_refused():
    plan = run(sample("region;år;folkmängd\n1419;1066;300\n"))
    assert [(i.row, i.column) for i in plan.errors] == [(2, "år")]


def test_the_command(tmp_path, capsys):
    path = tmp_path / "BE0101N1.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    call_command("import_population", str(path), "--quiet")
    assert "Klart: 7 nya och 0 ändrade" in capsys.readouterr().out
    with pytest.raises(CommandError, match="redan inläst"):
        call_command("import_population", str(path))
    broken = tmp_path / "trasig.csv"
    broken.write_text(SAMPLE.replace("15957", "-1"), encoding="utf-8")
    with pytest.raises(CommandError, match="1 fel"):
        call_command("import_population", str(broken))
