"""A coordinator creates a wave, makes invitation codes for two areas, downloads the letters and
opens the wave; a reporter keys in a paper questionnaire with the keyboard only."""

import datetime
import io
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from e2e.conftest import log_in
from surveys.models import Response, Wave, WaveStatus
from tests.factories import PASSWORD, make_cast
from tests.survey_factories import BASIC, area, survey
from tests.wave_factories import current_wave

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
# Set WAVES_SCREENSHOTS=/some/dir to keep a picture of every step (for looking, not asserting).
SCREENSHOTS = os.environ.get("WAVES_SCREENSHOTS")


def snap(p, name):
    if SCREENSHOTS:
        p.page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)
        size = p.page.viewport_size
        p.page.set_viewport_size({"width": 390, "height": 844})
        p.page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-phone.png"), full_page=True)
        p.page.set_viewport_size(size)


def test_coordinator_prepares_and_opens_a_wave(checked_page):
    cast = make_cast()
    s = survey(cast.tjorn)
    area("centrum", "Skärhamn centrum")
    area("kyrkesund", "Kyrkesund")
    today = timezone.localdate()
    p = checked_page
    log_in(p, "alice", PASSWORD)

    p.goto(f"/personal/undersokningar/{s.pk}/omgangar/")
    snap(p, "01-wave-list-empty")
    p.follow("Ny omgång")
    p.page.fill("#id_opens_on", (today + datetime.timedelta(days=10)).isoformat())
    p.page.fill("#id_closes_on", today.isoformat())
    p.page.get_by_label("Öppen länk").check()
    p.submit("Skapa omgången")  # closes before it opens: refused, next to the field
    assert "Omgången kan inte stänga innan den öppnar." in p.text()
    snap(p, "02-wave-form-error")
    p.page.fill("#id_closes_on", (today + datetime.timedelta(days=40)).isoformat())
    p.submit("Skapa omgången")
    assert "Omgången är skapad." in p.text()
    wave = Wave.objects.get(survey=s)

    p.follow("Skapa inbjudningskoder")
    p.page.get_by_label("Skärhamn centrum").fill("12")
    p.page.get_by_label("Kyrkesund").fill("8")
    snap(p, "03-invitations-form")
    p.submit("Skapa koderna")
    assert "20 nya inbjudningskoder är skapade." in p.text()
    assert wave.invitations.count() == 20
    snap(p, "04-wave-overview-draft")

    p.follow("Skriv ut brev (PDF)")
    snap(p, "05-letters")
    with p.page.expect_download() as download:
        p.page.get_by_role("link", name=re.compile(r"Del 1: 12 brev .*Skärhamn centrum")).click()
    pdf = Path(download.value.path()).read_bytes()
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 12
    codes = set(wave.invitations.filter(area__code="centrum").values_list("code", flat=True))
    printed = {"".join(page.extract_text().split("Din kod")[1].split()[:2]) for page in pages}
    assert printed == codes

    p.follow(wave.name)
    p.follow("Öppna omgången")
    snap(p, "06-open-confirm")
    p.submit("Öppna omgången")
    assert "Omgången är öppen för svar." in p.text()
    wave.refresh_from_db()
    assert wave.status == WaveStatus.OPEN
    assert p.page.input_value("#open-link-url").endswith(f"/enkat/oppen/{wave.open_link_token}/")
    snap(p, "07-wave-overview-open")


def test_reporter_keys_in_a_paper_questionnaire_with_the_keyboard(checked_page):
    cast = make_cast()
    kyrkesund = area("kyrkesund", "Kyrkesund")
    area("centrum", "Skärhamn centrum")
    wave = current_wave(
        survey(cast.tjorn, codes=[*BASIC, "trygghet_index"]), status=WaveStatus.OPEN
    )
    p = checked_page
    log_in(p, "reporter", PASSWORD)
    p.goto(f"/personal/undersokningar/omgangar/{wave.pk}/")
    p.follow("Registrera pappersenkäter")
    snap(p, "08-paper-empty")
    keys = p.page.keyboard

    # The first question has the focus; the area and language are just before it.
    assert p.page.evaluate("document.activeElement.name") == "q_otrygg_kvall"
    keys.press("Shift+Tab")
    keys.press("Shift+Tab")
    assert p.page.evaluate("document.activeElement.id") == "id_area"
    keys.press("ArrowDown")  # Kyrkesund, the first area by name
    keys.press("Tab")
    keys.press("Tab")
    keys.press("ArrowDown")  # q1: from "Ej besvarad" to "Mycket trygg"
    keys.press("ArrowDown")  # … "Ganska trygg"
    keys.press("Tab")  # q2 (asked only after "Går aldrig ut"): left blank
    keys.press("Tab")
    keys.press("ArrowDown")  # q3 oro_samhalle: the first option
    keys.press("Tab")
    keys.press("ArrowDown")  # q4 fortroende_polis: the first option
    keys.press("Tab")
    keys.press("ArrowDown")  # q5 kon: kvinna
    keys.press("Tab")
    for _ in range(3):
        keys.press("ArrowDown")  # q6 alder: 45–64
    keys.press("Tab")
    keys.type("12")  # q7, a scale from 1 to 10: out of range
    keys.press("Tab")
    assert p.page.evaluate("document.activeElement.textContent") == "Spara och registrera nästa"
    with p.page.expect_navigation():
        keys.press("Enter")
    p.check()
    assert "Talet får inte vara större än 10." in p.text()
    assert not Response.objects.exists()
    assert p.page.is_checked("#q_otrygg_kvall-2")  # everything typed is kept
    assert p.page.input_value("#id_area") == str(kyrkesund.pk)
    snap(p, "09-paper-error")

    # The error summary has the focus; its link leads to the question to correct.
    assert p.page.evaluate("document.activeElement.className") == "error-summary"
    keys.press("Tab")
    keys.press("Enter")
    p.check()  # the same page, at the question's anchor
    assert p.page.evaluate("document.activeElement.name") == "q_trygghet_index"
    keys.press("Control+a")
    keys.type("7")
    keys.press("Tab")
    with p.page.expect_navigation():
        keys.press("Enter")
    p.check()
    assert "Enkäten är registrerad." in p.text()
    assert "1 pappersenkät registrerad i dag" in p.text()
    assert p.page.evaluate("document.activeElement.name") == "q_otrygg_kvall"  # ready for the next
    assert p.page.input_value("#id_area") == str(kyrkesund.pk)  # the area is kept
    snap(p, "10-paper-saved")

    stored = Response.objects.get()
    assert stored.mode == Response.Mode.PAPER
    assert stored.area == kyrkesund
    assert stored.answers == {
        "otrygg_kvall": "ganska_trygg",
        "oro_samhalle": "mycket_stor",
        "fortroende_polis": "mycket_stort",
        "kon": "kvinna",
        "alder": "45-64",
        "trygghet_index": 7,
    }
