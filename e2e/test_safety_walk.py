"""A coordinator records a safety walk – the walk, its stops, an action, the revisit – publishes
it, and a resident reads the public summary; axe checks every page on the way."""

import pytest

from e2e.conftest import log_in
from participation.models import SafetyWalk
from tests.factories import PASSWORD, make_cast

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def add_stop(p, point, place, category, remark, another=False):
    p.page.fill("#id_point", point)
    p.page.fill("#id_place_text", place)
    p.page.select_option("#id_category", category)
    p.page.fill("#id_remark", remark)
    p.submit("Spara och lägg till nästa" if another else "Spara stoppet")


def test_coordinator_records_a_walk_and_a_resident_reads_it(checked_page):
    make_cast()
    p = checked_page
    log_in(p, "alice", PASSWORD)
    p.menu("Invånarnas röster", "Dialoger och vandringar")
    p.follow("Trygghetsvandringar")
    p.follow("Registrera en trygghetsvandring")
    p.submit("Spara vandringen")  # empty form: the errors are checked by axe too
    assert "Något behöver rättas" in p.text()
    p.page.fill("#id_title", "Trygghetsvandring i Skärhamn")
    p.page.select_option("#id_municipality", label="Tjörn")
    p.page.fill("#id_pre_meeting_on", "2025-10-14")
    p.page.fill("#id_walked_on", "2025-11-04")
    p.page.select_option("#id_light", "darkness")
    p.page.fill("#id_participants", "24")
    p.page.fill("#id_follow_up_on", "2025-11-25")
    p.submit("Spara vandringen")
    assert "fungerar bäst med högst omkring 20 deltagare" in p.text()

    p.follow("Lägg till stopp")
    add_stop(p, "57,99 11,55", "", "belysning", "Mörk gångväg.", another=True)
    assert "Skriv punkten som latitud,longitud" in p.text()
    add_stop(
        p,
        "57.99310,11.55120",
        "Gångvägen från busshållplatsen",
        "belysning",
        "Två gatlyktor är trasiga.",
        another=True,
    )
    add_stop(p, "", "Trappan ner mot gästhamnen", "klotter", "Mycket klotter på räcket.")
    assert "Stopp 2: Klotter" in p.text()

    p.page.get_by_role("link", name="Föreslå åtgärd vid stopp 1").click()
    p.page.wait_for_load_state()
    p.check()
    p.page.fill("#id_text", "Byta armaturerna i lyktstolparna.")
    p.page.select_option("#id_responsible", label="Tjörn kommun")
    p.page.fill("#id_responsible_role", "Gatuchef")
    p.page.fill("#id_due_on", "2025-12-15")
    p.page.select_option("#id_status", "planned")
    p.submit("Spara åtgärden")

    p.follow("Registrera återbesöket")
    p.page.get_by_label("Åtgärdat", exact=True).check()
    p.page.fill("#id_form-0-revisit_note", "Båda lyser.")
    p.submit("Spara återbesöket")
    assert "Åtgärdat" in p.text()

    p.follow("Publicera")
    p.submit("Publicera")
    assert "Sammanfattningen är publicerad." in p.text()
    walk = SafetyWalk.objects.get()

    context = p.page.context.browser.new_context(
        locale="sv-SE", viewport={"width": 390, "height": 844}
    )
    resident = type(p)(context.new_page(), p.base_url)
    resident.goto("/kommun/tjorn/")
    resident.follow("Trygghetsvandring i Skärhamn")
    text = resident.text()
    assert "4 november 2025, i mörker" in text and "24" in text
    assert "Två gatlyktor är trasiga." in text and "Trappan ner mot gästhamnen" in text
    assert "Ansvarig: Gatuchef, Tjörn kommun" in text and "Vid återbesöket: åtgärdat" in text
    assert "57.9931" not in resident.page.content()  # the point is coarsened
    assert resident.page.url.endswith(walk.get_absolute_url())
    resident.assert_every_page_checked()
    context.close()
