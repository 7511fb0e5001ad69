"""A resident reports a place on a phone (390×844) with the keyboard only: once marking the
place on the map, once without JavaScript through the list of areas and the text field; then
reads the private follow page. axe checks every page visited."""

import re

import pytest

from e2e.conftest import CheckedPage
from participation.models import ResidentReport
from tests.answer_helpers import tjorn_areas

pytestmark = [
    pytest.mark.usefixtures("reference_data", "report_settings"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
PHONE = {"width": 390, "height": 844}


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class NoScriptCheckedPage(CheckedPage):
    """A page without JavaScript. axe cannot run where scripts are off, so each document is
    checked as loaded – the same HTML, its scripts removed – in a second page that has them."""

    def __init__(self, page, base_url: str, checker) -> None:
        super().__init__(page, base_url)
        self.checker = checker

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        html = re.sub(r"<script\b[^>]*>.*?</script>", "", self.page.content(), flags=re.S | re.I)
        html = html.replace("<head>", f'<head><base href="{self.page.url}">', 1)
        self.checker.set_content(html, wait_until="load")
        results = self.axe.run(
            self.checker,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        assert results.violations_count == 0, f"{self.page.url}\n{results.generate_report()}"
        self.checked.add(self.page.url)


def phone_context(browser, javascript: bool):
    context = browser.new_context(
        locale="sv-SE", viewport=PHONE, has_touch=True, java_script_enabled=javascript
    )
    return context


@pytest.fixture
def phone(browser, live_server):
    context = phone_context(browser, javascript=True)
    page = CheckedPage(context.new_page(), live_server.url)
    yield page
    page.assert_every_page_checked()
    context.close()


@pytest.fixture
def phone_without_js(browser, live_server):
    context = phone_context(browser, javascript=False)
    checker = phone_context(browser, javascript=True)
    page = NoScriptCheckedPage(context.new_page(), live_server.url, checker.new_page())
    yield page
    page.assert_every_page_checked()
    context.close()
    checker.close()


def tab_to(p: CheckedPage, selector: str, limit: int = 150) -> None:
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


def open_form_from_the_municipality_page(p: CheckedPage) -> None:
    p.goto("/kommun/tjorn/")
    tab_to(p, 'main a[href="/kommun/tjorn/rapportera/"]')
    press_and_load(p)
    assert "Det här är inte en polisanmälan" in p.text()


def test_a_resident_marks_the_place_on_the_map_with_the_keyboard(phone):
    p = phone
    open_form_from_the_municipality_page(p)
    assert p.page.locator("[data-map]").is_visible()
    tab_to(p, 'input[name="category"]')
    p.page.keyboard.press("Space")  # Trasig eller dålig belysning
    tab_to(p, "#id_description")
    p.page.keyboard.type("Två gatlyktor är släckta vid gångvägen.")
    tab_to(p, "[data-map-centre]")
    p.page.keyboard.press("Enter")  # marks the middle of the map and focuses the marker
    p.page.keyboard.press("ArrowRight")
    assert "," in p.page.input_value("#id_point")
    assert "Platsen är markerad på kartan." in p.text()
    tab_to(p, "main button[type=submit]")
    press_and_load(p)
    assert "Tack! Din rapport är skickad" in p.text() and "Spara länken" in p.text()
    report = ResidentReport.objects.get()
    assert report.latitude is not None and report.category.code == "belysning"


def test_a_resident_without_javascript_names_the_place_in_words(phone_without_js):
    p = phone_without_js
    tjorn_areas()
    open_form_from_the_municipality_page(p)
    assert not p.page.locator("[data-map]").is_visible()  # the map needs JavaScript
    tab_to(p, 'input[name="category"]')
    p.page.keyboard.press("ArrowDown")  # Buskage eller skymd sikt
    tab_to(p, "#id_description")
    p.page.keyboard.type("Buskarna skymmer sikten vid övergångsstället.")
    tab_to(p, "main button[type=submit]")
    press_and_load(p)  # no place yet: refused next to the field, the text kept
    assert "Ange var det är" in p.text()
    assert "Buskarna skymmer" in p.page.input_value("#id_description")
    tab_to(p, 'input[name="area"]')
    p.page.keyboard.press("ArrowDown")
    p.page.keyboard.press("ArrowDown")  # the first area after "Vet inte"
    tab_to(p, "#id_place_text")
    p.page.keyboard.type("Övergångsstället vid skolan")
    tab_to(p, "main button[type=submit]")
    press_and_load(p)
    assert "Tack! Din rapport är skickad" in p.text()
    report = ResidentReport.objects.get()
    assert report.latitude is None and report.area is not None
    assert report.place_text == "Övergångsstället vid skolan"
    assert report.category.code == "skymd_sikt"
