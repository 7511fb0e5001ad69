"""A coordinator writes and publishes a promise; the other party's officer reports progress; the
public page and the feed show it."""

import pytest

from e2e.conftest import log_in
from tests.factories import PASSWORD, make_cast

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_coordinator_publishes_and_police_reports_progress(checked_page):
    cast = make_cast()
    p = checked_page
    log_in(p, "alice", PASSWORD)
    assert "Översikt" in p.text()

    p.menu("Löften och planer", "Löften")
    p.follow("Nytt medborgarlöfte")
    p.submit("Skapa utkast")  # empty form: errors next to the fields, checked by axe too
    assert "Något behöver rättas" in p.text()
    p.page.fill("#id_title", "Medborgarlöfte Tjörn 2026")
    p.page.get_by_label("LPO Södra Fyrbodal").check()
    p.page.get_by_label("Tjörn kommun").check()
    p.page.fill("#id_period_start", "2026-01-01")
    p.page.fill("#id_period_end", "2026-12-31")
    p.page.fill("#id_goal", "Öka tryggheten i Skärhamn.")
    p.page.fill("#id_signed_on", "2025-12-15")
    p.page.fill(
        "#id_signatories",
        "Lokalpolisområdeschef, LPO Södra Fyrbodal\nKommundirektör, Tjörns kommun",
    )
    p.submit("Skapa utkast")
    assert "Löftet är skapat som utkast" in p.text()

    p.follow("Lägg till åtagande")
    p.page.select_option("#id_giver", "police")
    p.page.fill("#id_text", "genomföra riktade insatser i Skärhamns centrum")
    p.page.fill("#id_target_quantity", "5")
    p.page.fill("#id_unit", "riktade insatser")
    p.submit("Lägg till åtagandet")
    p.follow("Lägg till åtagande")
    p.page.select_option("#id_giver", "municipalities")
    p.page.fill("#id_text", "förbättra belysningen längs gångvägarna")
    p.submit("Lägg till åtagandet")

    p.page.get_by_role("link", name="Lägg till aktivitet – genomföra riktade insatser").click()
    p.page.wait_for_load_state()
    p.check()
    p.page.fill("#id_title", "Kvällsinsatser i centrum")
    p.page.select_option("#id_responsible", label="LPO Södra Fyrbodal")
    p.page.fill("#id_responsible_function", "Kommunpolis")
    p.page.fill("#id_target_quantity", "5")
    p.page.fill("#id_unit", "insatser")
    p.submit("Lägg till aktiviteten")
    p.follow("Medborgarlöfte Tjörn 2026")

    p.follow("Markera som antaget")
    p.submit("Markera som antaget")
    assert "Antaget" in p.text()
    p.follow("Publicera")
    p.submit("Publicera")
    assert "Löftet är publicerat." in p.text()

    p.submit("Logga ut")
    log_in(p, "bob", PASSWORD)
    p.follow("Kvällsinsatser i centrum")
    p.follow("Rapportera läget")
    p.page.fill("#id_text", "Två kvällsinsatser vid busstationen.")
    p.page.fill("#id_quantity", "2")
    p.page.select_option("#id_new_status", "ongoing")
    p.submit("Spara lägesrapporten")
    assert "2 av 5 insatser" in p.text()

    p.goto("/kommun/tjorn/")
    public = p.text()
    assert "Medborgarlöfte Tjörn 2026" in public
    assert "Polisen lovar att" in public and "Kommunen lovar att" in public
    assert "Två kvällsinsatser vid busstationen." in public
    assert "2 av 5 riktade insatser genomförda" in public

    feed = p.page.request.get(p.base_url + f"/medborgarlofte/{cast.tjorn.promises.get().pk}/flode/")
    assert feed.ok and "Två kvällsinsatser vid busstationen." in feed.text()


def test_public_page_keyboard_and_phone(checked_page):
    make_cast()
    p = checked_page
    p.page.set_viewport_size({"width": 375, "height": 740})
    p.goto("/")
    p.page.keyboard.press("Tab")
    assert p.page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    p.page.fill("#q", "Tjörn")
    p.submit("Sök")
    assert "Medborgarlöften i Tjörn" in p.text()
    assert "Inget aktuellt medborgarlöfte" in p.text()
    p.goto("/tillganglighet/")
    assert "WCAG 2.1" in p.text()


def test_reporters_update_is_reviewed_before_it_is_public(checked_page):
    from promises.models import Promise
    from tests.factories import activity, commitment, promise

    cast = make_cast()
    p = promise(
        [cast.police, cast.tjorn], status=Promise.Status.PUBLISHED, title="Löfte med granskning"
    )
    activity(commitment(p, given_by="municipalities"), cast.tjorn, title="Föräldraträffar")
    page = checked_page
    log_in(page, "reporter", PASSWORD)
    page.follow("Föräldraträffar")
    page.follow("Rapportera läget")
    page.page.fill("#id_text", "Träff med Anna Andersson.")
    page.page.fill("#id_quantity", "1")
    page.submit("Spara lägesrapporten")
    assert "när en redaktör har granskat den" in page.text()
    page.submit("Logga ut")
    log_in(page, "alice", PASSWORD)
    assert "Att granska innan publicering" in page.text()
    with page.page.expect_navigation():
        page.page.locator("main ul.commitments a").first.click()  # the first update to review
    page.check()
    page.page.fill("#id_text", "Träff med en förälder.")
    page.page.get_by_label("Publicera på de publika sidorna").check()
    page.submit("Spara beslutet")
    page.goto("/kommun/tjorn/")
    assert "Träff med en förälder." in page.text() and "Anna Andersson" not in page.text()
