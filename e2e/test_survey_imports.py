"""A coordinator imports a survey written in XLSForm (first a broken file, named row by row),
then reads answers from another system and SCB's population figures into a wave. Every page is
checked with axe."""

import os

import pytest

from e2e.conftest import log_in
from surveys.models import Margin, Response, Survey
from tests.factories import PASSWORD, make_cast
from tests.survey_imports import csv_bytes, survey_world
from tests.xlsforms import BROKEN_FOR_COMMAND, valid_form, workbook

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SHOTS = os.environ.get("SCREENSHOTS", "")  # a folder: pages are photographed there too


def shot(p, name):
    if SHOTS:
        width = p.page.viewport_size["width"]
        p.page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def upload(p, label, path, button):
    p.page.get_by_label(label).set_input_files(str(path))
    p.submit(button)


@pytest.mark.parametrize("viewport", [(1100, 900), (390, 844)], ids=["desktop", "phone"])
def test_coordinator_imports_a_survey_answers_and_margins(checked_page, tmp_path, viewport):
    cast = make_cast()
    p = checked_page
    p.page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    log_in(p, "alice", PASSWORD)
    p.goto("/personal/undersokningar/importera-xlsform/")
    shot(p, "xlsform-upload")
    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(workbook(BROKEN_FOR_COMMAND))
    upload(p, "XLSForm-fil", broken, "Förhandsgranska undersökningen")
    assert "Filen kan inte läsas in: 2 fel" in p.text()
    shot(p, "xlsform-errors")
    p.follow("Ladda upp en rättad fil")
    good = tmp_path / "trygghet.xlsx"
    good.write_bytes(valid_form())
    upload(p, "XLSForm-fil", good, "Förhandsgranska undersökningen")
    assert "Avsnitt 2: Problem i området" in p.text()
    shot(p, "xlsform-preview")
    p.submit("Skapa undersökningen")
    assert Survey.objects.get().questions.count() == 11

    sw = survey_world(cast)
    p.goto(f"/personal/undersokningar/omgangar/{sw.wave.pk}/importera-svar/")
    shot(p, "answers-upload")
    answers = tmp_path / "svar.csv"
    answers.write_bytes(
        csv_bytes(
            [
                ["otrygg_kvall", "omrade", "kon"],
                ["ganska_trygg", "centrum", "man"],
                ["Mycket trygg", "", ""],
            ]
        )
    )
    p.page.get_by_label("Ja – de svarande drogs slumpmässigt").check()
    upload(p, "Fil med svar", answers, "Förhandsgranska svaren")
    assert "2 svar sparas när du bekräftar" in p.text()
    shot(p, "answers-preview")
    p.submit("Spara svaren")
    assert Response.objects.filter(wave=sw.wave, mode="imported").count() == 2

    p.goto(f"/personal/undersokningar/omgangar/{sw.wave.pk}/importera-marginaler/")
    shot(p, "margins-upload")
    rows = [["region", "ålder", "kön", "2024", "2025"]]
    for region, people in (("Centrum", 6), ("Skärhamn", 4), ("1419 Tjörn", 10)):
        for age in [*(f"{a}-{a + 4} år" for a in range(0, 100, 5)), "100+ år"]:
            for sex in ("män", "kvinnor"):
                rows.append([region, age, sex, people, people])
    margins = tmp_path / "folkmangd.csv"
    margins.write_bytes(csv_bytes(rows, delimiter=","))
    upload(p, "Fil med befolkningsstatistik", margins, "Förhandsgranska marginalerna")
    assert "Område: Centrum" in p.text()
    shot(p, "margins-preview")
    p.submit("Ersätt marginalerna")
    assert Margin.objects.filter(wave=sw.wave).count() == 8
