"""A coordinator sees a wave's results and the comparison with last year, changes the
breakdown, fixes the margins; a resident reads the public results. axe checks every page."""

import pytest

from e2e.conftest import log_in
from surveys.results import on_wave_closed
from tests import results_factories as rf
from tests.factories import PASSWORD, make_cast

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_coordinator_sees_results_and_the_comparison_with_last_year(checked_page):
    cast = make_cast()
    waves = rf.TwoWaves(cast.tjorn)
    p = checked_page
    log_in(p, "alice", PASSWORD)
    p.goto("/personal/undersokningar/resultat/")
    p.follow("Trygghetsmätning 2025")
    text = p.text()
    assert "Viktat efter område, kön, åldersgrupp" in text
    assert "Trygghetsmätning 2024" in text and "Säker förändring?" in text
    assert "Ja, minskning (bättre)" in text  # insecurity fell from about 30 to 12 per cent
    assert "för få svar" in text or "färre än 30" in text

    p.page.select_option("#id_per", "kon")
    p.submit("Visa")
    assert "Indikatorerna per kön" in p.text()
    p.page.get_by_text("Förändring per grupp sedan Trygghetsmätning 2024").click()
    assert "procentenheter" in p.text()

    p.follow("Populationsmarginaler")
    p.page.fill("#id_kon__man", "1")
    p.submit("Spara marginalerna")
    assert "Summorna skiljer sig åt" in p.text()
    p.page.fill("#id_kon__man", "2250")
    p.page.fill("#id_kon__kvinna", "2250")
    p.submit("Spara marginalerna")
    assert "svaren är viktade på nytt" in p.text()

    p.goto("/kommun/tjorn/trygghet/")
    text = p.text()
    assert "Utvecklingen över åren" in text and "mellan" in text and "procent" in text
    assert on_wave_closed(waves.later).weighted


def test_resident_reads_results_on_a_phone(browser, live_server):
    from e2e.conftest import CheckedPage

    cast = make_cast()
    rf.TwoWaves(cast.tjorn)
    context = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 844})
    p = CheckedPage(context.new_page(), live_server.url)
    p.goto("/kommun/tjorn/")
    p.follow("Alla resultat, per område och över åren")
    assert "Per område" in p.text()
    # Wide tables scroll inside their own region, not the page.
    width = p.page.evaluate("document.documentElement.scrollWidth")
    offenders = p.page.evaluate(
        "() => [...document.querySelectorAll('main *')]"
        ".filter(el => el.scrollWidth > el.clientWidth + 1"
        " && getComputedStyle(el).overflowX === 'visible').map(el => el.tagName)"
    )
    assert width <= 390 + 1, f"wider than the phone: {offenders}"
    p.assert_every_page_checked()
    context.close()
