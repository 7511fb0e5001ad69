"""A coordinator downloads the activity plan as a spreadsheet, changes it, previews the changes
(and first a mistake, named by row and column), and imports it."""

import openpyxl
import pytest

from e2e.conftest import log_in
from promises.models import Activity
from tests.factories import PASSWORD, make_cast, make_world

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def column(sheet, header):
    return next(c.column_letter for c in sheet[1] if c.value == header)


def test_coordinator_exports_changes_previews_and_imports_the_plan(checked_page, tmp_path):
    cast = make_cast()
    world = make_world(cast)
    p = checked_page
    log_in(p, "alice", PASSWORD)
    p.goto(world.promise.get_staff_url())
    assert "Aktivitetsplanen som kalkylblad" in p.text()
    p.page.get_by_text("Kolumnerna i filen").first.click()  # the column guide opens
    assert p.page.get_by_role("row", name="Genomfört hittills").first.is_visible()

    with p.page.expect_download() as download:
        p.page.get_by_role("link", name="Ladda ned som Excel-fil (.xlsx)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.suffix == ".xlsx"

    book = openpyxl.load_workbook(path)
    sheet = book["Aktivitetsplan"]
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if "Föräldraträffar" in str(r[3].value))
    sheet[f"{column(sheet, 'Aktivitet')}{row}"] = "Föräldraträffar på biblioteket"
    sheet[f"{column(sheet, 'Ny lägesrapport: antal')}{row}"] = 2
    sheet[f"{column(sheet, 'Ny lägesrapport: text')}{row}"] = "Två träffar i april."
    new = sheet.max_row + 1
    for header, value in {
        "Åtagande-ref": sheet[f"B{row}"].value,
        "Aktivitet": "Nattvandring i Skärhamn",
        "Ansvarig organisation": "Tjörn kommun",
        "Start": "2025-05-01",
        "Slut": "den sista september",  # a mistake first
    }.items():
        sheet[f"{column(sheet, header)}{new}"] = value
    book.save(path)

    p.page.set_input_files("#id_file", str(path))
    p.submit("Förhandsgranska ändringarna")
    text = p.text()
    assert "Filen kan inte läsas in: 1 fel" in text
    assert "”den sista september” är inget datum" in text
    assert p.page.get_by_role("row", name=f"{new} Slut").is_visible()

    sheet[f"{column(sheet, 'Slut')}{new}"] = "30 september 2025"
    book.save(path)
    p.follow("Ladda upp en rättad fil")
    p.page.set_input_files("#id_file", str(path))
    p.submit("Förhandsgranska ändringarna")
    text = p.text()
    assert "Nya aktiviteter (1)" in text and "Ändrade aktiviteter (1)" in text
    assert "Nya lägesrapporter (1)" in text and "Nattvandring i Skärhamn" in text
    assert not Activity.objects.filter(title="Nattvandring i Skärhamn").exists()

    p.page.set_viewport_size({"width": 390, "height": 844})
    p.check()  # the preview on a phone
    p.submit("Spara ändringarna")
    text = p.text()
    assert "Aktivitetsplanen är uppdaterad från filen" in text
    assert "1 ny aktivitet, 1 ändrad aktivitet, 1 ny lägesrapport" in text
    assert "Nattvandring i Skärhamn" in text and "Föräldraträffar på biblioteket" in text
    assert Activity.objects.get(title="Föräldraträffar på biblioteket").updates.count() == 1
