"""A coordinator builds a safety survey: from the standard template, with an own question shown
only to those who feel unsafe, an area of the municipality, an added language, and a preview in
Arabic (right to left). axe checks every page on the way."""

import json

import pytest

from e2e.conftest import log_in
from surveys.models import Question, Survey
from tests.factories import PASSWORD, make_cast

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SKARHAMN = {
    "type": "Polygon",
    "coordinates": [[[11.54, 57.98], [11.57, 57.98], [11.57, 58.0], [11.54, 58.0], [11.54, 57.98]]],
}


def test_coordinator_builds_a_survey(checked_page):
    make_cast()
    p = checked_page
    log_in(p, "alice", PASSWORD)
    p.menu("Trygghetsmätningar", "Undersökningar")
    assert "Inga undersökningar än" in p.text()
    p.follow("Ny undersökning")
    assert p.page.input_value("#id_title") == "Trygghetsundersökning Tjörn"
    p.submit("Skapa undersökningen")
    assert "Undersökningen är skapad" in p.text()
    assert "Problem i ditt bostadsområde" in p.text()

    p.follow("Skriv en egen fråga")
    p.submit("Skapa och lägg till frågan")  # empty: errors next to the fields, checked by axe
    assert "Något behöver rättas" in p.text()
    p.page.fill("#id_code", "otrygg_hamnen")
    p.page.get_by_label("Ett svarsalternativ").check()
    p.page.fill("#id_wording", "Undviker du hamnen i Skärhamn på kvällen?")
    p.page.fill("#id_options", "Ja\nNej")
    p.page.select_option("#id_section", label="Platser och förslag")
    p.submit("Skapa och lägg till frågan")
    assert "Frågan ”otrygg_hamnen” är skapad och tillagd" in p.text()

    p.follow("Villkor otrygg_hamnen")
    p.page.select_option("#id_q", "otrygg_kvall")
    p.submit("Visa svarsalternativen")
    p.page.get_by_label("Ganska otrygg").check()
    p.page.get_by_label("Mycket otrygg").check()
    p.submit("Spara villkoret")
    assert "Visas bara om ”otrygg_kvall” är ”Ganska otrygg” eller ”Mycket otrygg”." in p.text()
    assert Question.objects.get(key="otrygg_hamnen").show_if["values"] == [
        "ganska_otrygg",
        "mycket_otrygg",
    ]

    p.follow("Lägg till kommunens områden")
    p.follow("Nytt område")
    p.page.fill("#id_name", "Skärhamn")
    p.page.fill("#id_boundary_text", json.dumps(SKARHAMN)[:-3])  # broken JSON first
    p.submit("Spara området")
    assert "Texten är inte giltig GeoJSON" in p.text()
    p.page.fill("#id_boundary_text", json.dumps(SKARHAMN))
    p.submit("Spara området")
    assert "Området ”Skärhamn” är sparat." in p.text()

    survey = Survey.objects.get()
    p.goto(f"/personal/undersokningar/{survey.pk}/")
    p.follow("Språk och översättningar")
    p.page.fill("#id_code", "so")
    p.page.fill("#id_name", "Soomaali")
    p.submit("Lägg till språket")
    assert "Soomaali är tillagt" in p.text()
    p.page.fill("#id_survey_title", "Sahanka badbaadada Tjörn")
    p.page.fill("#id_ui_submit", "Dir jawaabaha")
    p.submit("Spara översättningen")
    assert "Översättningen är sparad" in p.text()

    p.goto(f"/personal/undersokningar/{survey.pk}/")
    p.follow("العربية")
    preview = p.page.locator(".preview")
    assert preview.get_attribute("dir") == "rtl" and preview.get_attribute("lang") == "ar"
    assert "ما مدى شعورك بالأمان" in preview.inner_text()
    p.follow("Soomaali")
    assert "Sahanka badbaadada Tjörn" in p.text() and "Dir jawaabaha" in p.text()


def test_every_builder_page_passes_axe(checked_page):
    """The pages the first test does not pass through, each checked by axe: the bank, adding
    from it, sections, a question's settings, removals, and the preview of a matrix."""
    from tests import survey_factories as sf

    cast = make_cast()
    survey = sf.survey(cast.tjorn, codes=["otrygg_kvall", "kon", "problem_klotter"])
    area = sf.area("skarhamn", "Skärhamn")
    p = checked_page
    log_in(p, "alice", PASSWORD)
    base = f"/personal/undersokningar/{survey.pk}/"
    p.goto(base)
    p.follow("Lägg till frågor från banken")
    p.page.fill("#id_sok", "belysning")
    p.submit("Visa frågorna")
    p.page.get_by_label("problem_belysning", exact=False).check()
    p.submit("Lägg till valda frågor")
    assert "Frågor tillagda: 1." in p.text()
    p.follow("Nytt avsnitt")
    p.page.fill("#id_title", "Problem i området")
    p.page.get_by_label("Matris (frågor med samma skala)").check()
    p.submit("Lägg till avsnittet")
    p.follow("Ändra problem_klotter")
    p.page.select_option("#id_section", label="Problem i området")
    p.submit("Spara ändringarna")
    p.follow("Ta bort kon")
    p.submit("Ta bort frågan")
    assert "Frågan ”kon” är borttagen" in p.text()
    p.follow("Svenska")
    assert "Förhandsgranskning" in p.text()
    p.goto("/personal/undersokningar/fragebank/")
    p.follow("otrygg_kvall")
    assert "Version 1" in p.text()
    p.goto("/personal/undersokningar/fragebank/ny/")
    p.goto(f"/personal/undersokningar/omraden/omrade/{area.pk}/ta-bort/")
    p.goto(f"{base}sprak/en/ta-bort/")
    p.page.set_viewport_size({"width": 390, "height": 844})
    p.goto(base)
    p.goto(f"{base}forhandsgranska/ar/")
