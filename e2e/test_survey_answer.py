"""A resident answers the safety survey on a phone (390×844) with the keyboard only: in Swedish
with the code from the letter (marking a place on the map with the keyboard), and in Arabic
through the open link, right to left in a correct reading order. axe checks every page."""

import pytest

from e2e.conftest import CheckedPage
from surveys.models import Response
from tests.answer_helpers import open_wave, tjorn_areas
from tests.factories import make_cast
from tests.survey_factories import invitations

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(locale="sv-SE", viewport=PHONE, has_touch=True)
    page = CheckedPage(context.new_page(), live_server.url)
    yield page
    page.assert_every_page_checked()
    context.close()


def tab_to(p: CheckedPage, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        p.page.keyboard.press("Tab")
        if p.page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"the Tab key never reached {selector}")


def press_and_load(p: CheckedPage, key: str = "Enter") -> None:
    with p.page.expect_navigation():
        p.page.keyboard.press(key)
    p.check()


def choose(p: CheckedPage, name: str, steps: int = 0) -> None:
    """Tab into a group of radio buttons, pick the first with Space, then move with the arrows."""
    tab_to(p, f'input[name="{name}"]')
    p.page.keyboard.press("Space")
    for _ in range(steps):
        p.page.keyboard.press("ArrowDown")


def next_page(p: CheckedPage) -> None:
    tab_to(p, 'button[value="nasta"]')
    press_and_load(p)


def test_a_resident_answers_in_swedish_on_a_phone_with_the_keyboard_only(phone):
    p = phone
    tjorn_areas()
    w = open_wave(make_cast().tjorn)
    (invitation,) = invitations(w, 1)

    p.goto(f"/enkat/kod/{invitation.code}/")  # the letter's QR code
    assert p.page.input_value("#id_kod") == invitation.code
    tab_to(p, "main button[type=submit]")
    press_and_load(p)
    assert "Dina svar är anonyma" in p.text()
    tab_to(p, "main button[type=submit]")
    press_and_load(p)

    assert "Sida 1 av 5" in p.text()
    next_page(p)  # the required question left empty
    assert "Frågan måste besvaras." in p.text()
    choose(p, "otrygg_kvall", steps=4)  # Går aldrig ut ensam sent på kvällen
    next_page(p)
    assert "Är det för att du känner dig otrygg" in p.text()
    choose(p, "otrygg_kvall_orsak")  # Ja
    choose(p, "oro_samhalle", steps=1)
    next_page(p)

    assert "Nedskräpning" in p.text()  # the matrix, one fieldset per row on a phone
    choose(p, "problem_nedskrapning", steps=1)
    choose(p, "problem_belysning")
    next_page(p)

    tab_to(p, "#q-utsatt_inbrott_antal")
    p.page.keyboard.type("500")
    press_and_load(p)  # Enter in the field sends the page
    assert "Talet får inte vara större än 100." in p.text()
    tab_to(p, "#q-utsatt_inbrott_antal")
    p.page.keyboard.press("Control+A")
    p.page.keyboard.type("2")
    tab_to(p, "[data-map-centre]")  # the map with the keyboard: mark its middle, then nudge
    p.page.keyboard.press("Enter")
    assert p.page.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')")
    p.page.keyboard.press("ArrowRight")
    assert p.page.is_checked("#q-otrygg_plats-map")
    choose(p, "omrade", steps=1)
    tab_to(p, "#q-forslag")
    p.page.keyboard.type("Bättre belysning vid busshållplatsen.")
    next_page(p)

    choose(p, "kon")
    next_page(p)
    assert "Granska dina svar innan du skickar" in p.text()
    assert "Går aldrig ut ensam sent på kvällen" in p.text()
    assert "En plats på kartan" in p.text()
    p.page.reload()  # the phone slept: nothing is lost
    p.check()
    assert "Bättre belysning vid busshållplatsen." in p.text()
    tab_to(p, "main form button[type=submit]")
    press_and_load(p)
    assert "Tack för dina svar!" in p.text()

    stored = Response.objects.get()
    assert stored.mode == "sample" and stored.language == "sv"
    assert stored.answers["otrygg_kvall"] == "gar_aldrig_ut"
    assert stored.answers["problem_nedskrapning"] == "ganska_stort"
    assert stored.answers["utsatt_inbrott_antal"] == 2
    assert stored.answers["omrade"] == "centrum"  # Skärhamn, second in the list
    place = stored.answers["otrygg_plats"]
    assert 57.9 < place["lat"] < 58.2 and 11.4 < place["lon"] < 11.8, "a place on Tjörn"

    p.goto(f"/enkat/kod/{invitation.code}/")  # the same letter again
    tab_to(p, "main button[type=submit]")
    press_and_load(p)
    assert "Koden har redan använts" in p.text()


def box(p: CheckedPage, selector: str) -> dict:
    return p.page.locator(selector).first.bounding_box()


def test_a_resident_answers_in_arabic_right_to_left(phone):
    p = phone
    tjorn_areas()
    open_wave(make_cast().tjorn, uses_open_link=True, open_link_token="oppen-lank")

    p.goto("/enkat/oppen/oppen-lank/?sprak=ar")
    html = p.page.locator("html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
    assert "إجاباتك مجهولة الهوية" in p.text()
    tab_to(p, "main button[type=submit]")
    press_and_load(p)

    assert p.page.locator("html").get_attribute("dir") == "rtl"
    assert "الصفحة 1 من 5" in p.text()
    # Reading order right to left: each radio button before (to the right of) its label, the
    # heading at the right edge, and Next (first in the page's order) to the right of Back.
    radio, label = box(p, "#q-otrygg_kvall-0"), box(p, 'label[for="q-otrygg_kvall-0"]')
    assert radio["x"] > label["x"] + label["width"] - 1
    heading = box(p, "h1")
    assert PHONE["width"] - (heading["x"] + heading["width"]) < 40
    forward, back = box(p, 'button[value="nasta"]'), box(p, 'button[value="tillbaka"]')
    assert forward["x"] > back["x"]
    tab_to(p, 'button[value="nasta"]')
    p.page.keyboard.press("Tab")
    assert p.page.evaluate("document.activeElement.value") == "tillbaka"

    choose(p, "otrygg_kvall", steps=1)  # آمن إلى حد ما
    next_page(p)
    choose(p, "oro_samhalle")
    next_page(p)
    next_page(p)  # the matrix, skipped
    next_page(p)
    choose(p, "alder", steps=2)
    next_page(p)
    assert "راجع إجاباتك قبل إرسالها" in p.text()
    assert "آمن إلى حد ما" in p.text()
    tab_to(p, "main form button[type=submit]")
    press_and_load(p)
    assert "شكرًا على إجاباتك!" in p.text()

    stored = Response.objects.get()
    assert stored.language == "ar" and stored.mode == "open" and not stored.is_representative
    assert stored.answers == {
        "otrygg_kvall": "ganska_trygg",
        "oro_samhalle": "mycket_stor",
        "alder": "45-64",
    }


def test_every_answer_page_in_english_on_a_wide_screen_passes_axe(checked_page):
    p = checked_page
    tjorn_areas()
    w = open_wave(make_cast().tjorn)
    used, fresh = invitations(w, 2)
    p.goto(f"/enkat/kod/{fresh.code}/?sprak=en")
    p.submit("Start answering")
    p.submit("Start answering")
    p.page.get_by_label("Fairly safe").check()
    p.submit("Next")
    p.submit("Next")
    assert "Littering" in p.text()  # the matrix as a grid: column heads, one row per item
    head = p.page.locator(".matrix-head")
    assert head.is_visible() and head.get_attribute("aria-hidden") == "true"
    row = box(p, "#q-problem_klotter-0"), box(p, "#q-problem_klotter-4")
    assert abs(row[0]["y"] - row[1]["y"]) < 2, "a row's radio buttons side by side"
    p.page.check("#q-problem_klotter-1")
    p.submit("Next")
    assert p.page.locator("[data-map]").is_visible()
    p.page.get_by_role("button", name="Mark the place in the middle of the map").click()
    p.submit("Next")
    p.submit("Review your answers")
    assert "A place on the map" in p.text()
    p.submit("Send your answers")
    assert "Thank you for your answers!" in p.text()
    stored = Response.objects.get()
    assert stored.language == "en" and stored.answers["problem_klotter"] == "ganska_stort"
    p.goto(f"/enkat/kod/{fresh.code}/?sprak=en")
    p.submit("Start answering")
    assert "The code has already been used" in p.text()
    w.status = "closed"
    w.save()
    p.goto(f"/enkat/kod/{used.code}/?sprak=en")
    p.submit("Start answering")
    assert "The survey is closed" in p.text()
