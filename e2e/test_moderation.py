"""A moderator finds a resident's report in the queue, redacts the name out of it, keeps the
place approximate and approves it; a resident then finds it coarsened on the public map and in
the list beside it. axe checks every page on the way."""

import pytest

from core.privacy import coarsen_point
from e2e.conftest import log_in
from tests.factories import PASSWORD, make_cast
from tests.voices_factories import report

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
POINT = (57.991317, 11.547781)


def test_moderator_redacts_and_approves_and_the_map_shows_it_coarsened(checked_page):
    make_cast()
    r = report(
        "1419",
        category="klotter",
        point=POINT,
        description="Kalle Andersson klottrar på väntkuren vid hamnen varje kväll.",
    )
    p = checked_page
    log_in(p, "alice", PASSWORD)
    p.menu("Invånarnas röster", "Rapporter")
    assert "Väntar på granskning" in p.text()
    p.follow(f"Nr {r.pk}: Klotter")
    assert "Kalle Andersson" in p.text()  # the moderator reads the original
    p.page.fill("#id_public_text", "Någon klottrar på väntkuren vid hamnen på kvällarna.")
    p.submit("Spara den publika texten")
    assert "Den publika texten är sparad." in p.text()
    p.submit("Godkänn och publicera")
    assert "Rapporten är publicerad." in p.text()
    p.page.select_option("#id_status", "planned")
    p.page.fill("#id_public_note", "Väntkuren saneras nästa vecka.")
    p.submit("Spara status och svar")
    assert "Status och svar är sparade." in p.text()

    p.goto("/kommun/tjorn/")
    p.follow("Alla rapporter och trygghetsvandringar i Tjörn på karta och i lista")
    item = p.page.locator(f"#rapport-{r.pk}")
    text = item.inner_text()
    assert "Någon klottrar på väntkuren" in text and "Kalle" not in p.text()
    assert "Väntkuren saneras nästa vecka." in text
    lat, lon = coarsen_point(*POINT)
    assert f"Ungefärlig plats: {lat:.4f}, {lon:.4f}" in text
    p.page.wait_for_selector("#karta[data-map-loaded]", state="attached")
    assert p.page.locator("#karta").is_visible()
    marker = p.page.locator("#karta .leaflet-marker-icon").first
    marker.focus()
    p.page.keyboard.press("Enter")
    popup = p.page.locator("#karta .leaflet-popup-content")
    popup.wait_for()
    assert "Någon klottrar" in popup.inner_text() and "Kalle" not in popup.inner_text()
    p.check()  # the page again, with the map drawn and its popup open

    p.page.select_option("#id_status", "fixed")
    p.submit("Visa")
    assert f"rapport-{r.pk}" not in p.page.content()
