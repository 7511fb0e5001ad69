"""Population margins from a file in SCB's shape (or variabel;kategori;antal): aggregated to
area, sex and age band 16–84, replacing the wave's margins all or nothing."""

import pytest

from core.imports import ImportFile
from organisations.models import AuditEntry
from surveys.imports.margins import MarginsImporter
from surveys.models import Margin
from tests.survey_factories import response
from tests.survey_imports import csv_bytes, survey_world

pytestmark = pytest.mark.django_db
SEXES = ("män", "kvinnor")


@pytest.fixture
def sw(cast):
    return survey_world(cast)


def run(sw, content, *, name="folkmangd.csv", user=None):
    importer = MarginsImporter(wave=sw.wave, user=user)
    return importer.run(ImportFile.from_bytes(name, content))


def margins(sw):
    found = {}
    for m in Margin.objects.filter(wave=sw.wave):
        found.setdefault(m.variable, {})[m.category] = m.population
    return found


def single_years(region="1419 Tjörn", people=10):
    """SCB's BE0101N1 with the years as columns: every age 0–100+ has `people` per sex in
    2024 and one more in 2023."""
    rows = [["region", "ålder", "kön", "2023", "2024"]]
    for age in [*(f"{a} år" for a in range(100)), "100+ år"]:
        for sex in SEXES:
            rows.append([region, age, sex, people + 1, people])
    return rows


def test_single_years_of_the_municipality_give_sex_and_age_margins(sw, cast):
    plan = run(sw, csv_bytes(single_years(), delimiter=","), user=cast.alice)
    assert not plan.errors, [str(e) for e in plan.errors]
    # 69 one-year classes (16–84) of 10 people per sex.
    assert margins(sw) == {
        "kon": {"man": 690, "kvinna": 690},
        "alder": {"16-29": 280, "30-44": 300, "45-64": 400, "65-84": 400},
    }
    notes = [str(n) for n in plan.notes]
    assert any(
        "Talen för 2024 används (filen har 2023, 2024; omgången gäller 2025)" in n for n in notes
    )
    assert any("ingen marginal för område" in n for n in notes)
    entry = AuditEntry.objects.get(action="wave.margins_changed")
    assert entry.after["margins"]["kon"] == {"man": 690, "kvinna": 690}
    assert "folkmangd.csv" in entry.actor_label


def test_five_year_classes_count_four_fifths_of_15_19(sw):
    rows = [["region", "ålder", "kön", "år", "Folkmängd"]]
    classes = [f"{a}-{a + 4} år" for a in range(0, 100, 5)] + ["100+ år"]
    for age in classes:
        for sex in SEXES:
            rows.append(["1419 Tjörn", age, sex, "2025", "50"])
    plan = run(sw, csv_bytes(rows))
    assert not plan.errors, [str(e) for e in plan.errors]
    # 15–19 gives 40 per sex; 20–84 is 13 classes of 50.
    assert margins(sw) == {
        "kon": {"man": 690, "kvinna": 690},
        "alder": {"16-29": 280, "30-44": 300, "45-64": 400, "65-84": 400},
    }
    assert any("15–19 år räknas till 4/5" in str(n) for n in plan.notes)


def test_areas_by_name_with_the_whole_municipality_for_sex_and_age(sw):
    rows = [["region", "ålder", "kön", "år", "antal"]]
    for region, people in (("Centrum", 6), ("Skärhamn", 4), ("1419 Tjörn", 10)):
        for age in range(16, 85):
            for sex in SEXES:
                rows.append([region, f"{age} år", sex, 2025, people])
    rows.append(["Källa: SCB, befolkningsstatistik", "", "", "", ""])
    title = "\ufeffFolkmängden efter region, ålder och kön\n\n".encode()
    content = title + csv_bytes(rows).removeprefix("\ufeff".encode())
    plan = run(sw, content)
    assert not plan.errors, [str(e) for e in plan.errors]
    assert margins(sw)["area"] == {"centrum": 828, "skarhamn": 552}
    assert margins(sw)["kon"] == {"man": 690, "kvinna": 690}
    assert any("ser ut som en fotnot" in str(n) for n in plan.notes)


def test_the_simple_shape(sw):
    rows = [
        ["variabel", "kategori", "antal"],
        ["område", "centrum", "700"],
        ["område", "Skärhamn", "500"],
        ["kön", "Kvinnor", "600"],
        ["kön", "män", "600"],
        ["ålder", "16–29 år", "300"],
        ["ålder", "30-44", "300"],
        ["ålder", "45-64", "300"],
        ["ålder", "65-84", "300"],
    ]
    plan = run(sw, csv_bytes(rows))
    assert not plan.errors, [str(e) for e in plan.errors]
    assert margins(sw) == {
        "area": {"centrum": 700, "skarhamn": 500},
        "kon": {"kvinna": 600, "man": 600},
        "alder": {"16-29": 300, "30-44": 300, "45-64": 300, "65-84": 300},
    }


def test_margins_are_replaced_and_the_preview_shows_before_and_after(sw):
    Margin.objects.create(wave=sw.wave, variable="kon", category="man", population=1)
    Margin.objects.create(wave=sw.wave, variable="area", category="centrum", population=5)
    rows = [["variabel", "kategori", "antal"], ["kön", "kvinnor", "600"], ["kön", "män", "600"]]
    plan = MarginsImporter(wave=sw.wave).plan(ImportFile.from_bytes("m.csv", csv_bytes(rows)))
    described = [
        (c.action, c.description, c.fields[0].before, c.fields[0].after) for c in plan.changes
    ]
    assert described == [
        ("margin", "Kön: Kvinnor", "", "600"),
        ("margin_changed", "Kön: Män", "1", "600"),
        ("margin_removed", "Område: Centrum", "5", "tas bort"),
    ]
    MarginsImporter(wave=sw.wave).run(ImportFile.from_bytes("m.csv", csv_bytes(rows)))
    assert margins(sw) == {"kon": {"kvinna": 600, "man": 600}}


def errors_of(sw, rows, **kwargs):
    before = margins(sw)
    plan = run(sw, csv_bytes(rows), **kwargs)
    assert plan.errors and plan.record is None
    assert margins(sw) == before, "something was stored"
    return [str(e) for e in plan.errors]


def test_cells_that_cannot_be_read_are_named(sw):
    rows = [
        ["region", "ålder", "kön", "år", "antal"],
        ["1401 Härryda", "20 år", "män", "2025", "5"],
        ["1419 Tjörn", "25-34 år", "män", "2025", "5"],
        ["1419 Tjörn", "20 år", "okänt", "2025", "5"],
        ["1419 Tjörn", "20 år", "kvinnor", "2025", ".."],
        ["1419 Tjörn", "tjugo", "kvinnor", "2025", "5"],
    ]
    errors = errors_of(sw, rows)
    assert errors[0].startswith(
        "Rad 2, kolumn ”region”: Regionen ”1401 Härryda” är varken Tjörn (1419)"
    )
    assert errors[1] == "Rad 4, kolumn ”kön”: Okänt kön ”okänt”. Skriv män eller kvinnor."
    assert (
        errors[2]
        == "Rad 5, kolumn ”antal”: ”..” är inget heltal. Skriv ett heltal, till exempel 12."
    )
    assert errors[3].startswith("Rad 6, kolumn ”ålder”: Okänd ålder ”tjugo”")
    assert len(errors) == 4
    rows = [
        ["region", "ålder", "kön", "år", "antal"],
        ["1419 Tjörn", "25-34 år", "män", "2025", "5"],
    ]
    (error,) = errors_of(sw, rows)
    assert error.startswith("Rad 2, kolumn ”ålder”: Åldersklassen 25–34 år går över gränsen")


def test_sums_that_differ_are_refused(sw):
    rows = [
        ["region", "kön", "antal"],
        ["Centrum", "män", "10"],
        ["1419", "män", "30"],
        ["1419", "kvinnor", "30"],
    ]
    (error,) = errors_of(sw, rows)
    assert error.startswith("Filen: Summorna skiljer sig åt (område 10, kön 60).")


def test_a_total_of_all_ages_is_not_enough(sw):
    rows = [["region", "ålder", "kön", "2025"], ["1419 Tjörn", "totalt ålder", "män", "5000"]]
    (error,) = errors_of(sw, rows)
    assert error.startswith("Rad 2, kolumn ”ålder”: Åldern ”totalt” räcker inte")


def test_margins_must_cover_the_categories_of_the_respondents(sw):
    response(
        sw.wave, {"otrygg_kvall": "ganska_trygg", "kon": "man", "alder": "30-44"}, area=sw.skarhamn
    )
    response(sw.wave, {"otrygg_kvall": "ganska_trygg", "kon": "annat"}, area=sw.centrum)
    rows = [
        ["variabel", "kategori", "antal"],
        ["område", "centrum", "1200"],
        ["kön", "kvinnor", "1200"],
        ["ålder", "16-29", "1200"],
    ]
    errors = errors_of(sw, rows)
    assert errors == [
        "Kolumn ”Område”: Område = ”Skärhamn”: finns bland omgångens svarande men saknas i filen. "
        "Ta med den i uttaget, annars kan svaren inte viktas.",
        "Kolumn ”Kön”: Kön = ”Män”: finns bland omgångens svarande men saknas i filen. Ta med den "
        "i uttaget, annars kan svaren inte viktas.",
        "Kolumn ”Åldersgrupp”: Åldersgrupp = ”30–44 år”: finns bland omgångens svarande men "
        "saknas i filen. Ta med den i uttaget, annars kan svaren inte viktas.",
    ]


def test_the_header_is_checked(sw):
    errors = errors_of(sw, [["region", "kön", "färg", "antal"], ["1419", "män", "blå", "1"]])
    assert errors[0].startswith("Rad 1, kolumn ”färg”: Okänd kolumn.")
    errors = errors_of(sw, [["variabel", "antal"], ["kön", "1"]])
    assert errors == ["Rad 1, kolumn ”kategori”: Kolumnen saknas i rubrikraden."]


def test_the_same_file_twice_adds_nothing(sw):
    content = csv_bytes(
        [["variabel", "kategori", "antal"], ["kön", "kvinnor", "6"], ["kön", "män", "6"]]
    )
    run(sw, content)
    Margin.objects.all().delete()
    again = run(sw, content)
    assert again.previous is not None and not Margin.objects.exists()
