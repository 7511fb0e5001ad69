"""EST in the browser: a reporter of a housing company submits an observation on a phone with
the keyboard only (the map marked with the keyboard, a personnummer in the text refused first),
and the coordinator opens the week's compilation and marks it as a hot spot. axe checks every
page on the way."""

import pytest
from django.utils import timezone

from e2e.conftest import CheckedPage, log_in
from organisations.models import Area, Municipality, Role
from situation.models import EstObservation, WeeklyCompilation
from tests.factories import PASSWORD, make_cast, other_org, user

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


def tab_to(p: CheckedPage, selector: str, limit: int = 150) -> None:
    for _ in range(limit):
        p.page.keyboard.press("Tab")
        if p.page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"the Tab key never reached {selector}")


def press_and_load(p: CheckedPage, key: str = "Enter") -> None:
    with p.page.expect_navigation():
        p.page.keyboard.press(key)
    p.check()


def login_with_keyboard(p: CheckedPage, username: str) -> None:
    p.goto("/logga-in/")
    tab_to(p, "#id_username")
    p.page.keyboard.type(username)
    p.page.keyboard.press("Tab")
    p.page.keyboard.type(PASSWORD)
    press_and_load(p)


def test_a_reporter_submits_and_the_coordinator_marks_the_hot_spot(phone, checked_page):
    make_cast()
    housing = other_org("Bostäder på Tjörn AB", "1419")
    user("bovard", housing, Role.REPORTER, "Bovärd")
    Area.objects.create(
        municipality=Municipality.objects.get(code="1419"), name="Skärhamn", code="skarhamn"
    )

    p = phone
    login_with_keyboard(p, "bovard")
    p.goto("/personal/lagesbild/est/")
    tab_to(p, "a.button")
    press_and_load(p)
    assert "Du rapporterar för Bostäder på Tjörn AB i Tjörn" in p.text()
    tab_to(p, "#id_category")
    p.page.keyboard.type("Klotter")
    assert p.page.eval_on_selector("#id_category", "e => e.selectedOptions[0].text") == "Klotter"
    tab_to(p, "[data-map-centre]")  # the map with the keyboard: mark its middle, then nudge
    p.page.keyboard.press("Enter")
    p.page.keyboard.press("ArrowRight")
    assert p.page.is_checked("#id_place_map")
    tab_to(p, "#id_place_text")
    p.page.keyboard.type("Busskuren vid torget")
    tab_to(p, 'input[name="time_of_day"]')  # "Okänd tid", checked; down wraps to the morning
    for _step in range(3):
        p.page.keyboard.press("ArrowDown")
    tab_to(p, "#id_description")
    p.page.keyboard.type("Nytt klotter, taggen 811228-9874 på glaset.")
    tab_to(p, "button.button:not(.button-secondary)")
    press_and_load(p)
    assert "ser ut som ett personnummer (811228-9874)" in p.text()
    assert not EstObservation.objects.exists()
    assert p.page.is_checked("#id_place_map")  # the marked place is kept
    tab_to(p, "#id_description")
    p.page.keyboard.press("Control+A")
    p.page.keyboard.type("Nytt klotter på glaset i busskuren.")
    tab_to(p, "button.button:not(.button-secondary)")
    press_and_load(p)
    assert "Observationen är inskickad" in p.text()
    observation = EstObservation.objects.get()
    assert observation.time_of_day == "evening" and observation.latitude is not None
    assert observation.category.code == "klotter"

    c = checked_page
    log_in(c, "alice", PASSWORD)
    c.goto("/personal/lagesbild/est/")
    year, week, _day = timezone.localdate().isocalendar()
    c.follow(f"Tjörn, vecka {week}")
    assert "Busskuren vid torget" in c.text() and "1 observation" in c.text()
    c.page.get_by_label("Skärhamn").check()
    c.page.get_by_label("Busskuren vid torget", exact=False).check()
    c.page.fill("#id_decided_actions", "Bostadsbolaget sanerar klottret inom 24 timmar.")
    c.submit("Spara veckans sammanställning")
    assert "Veckans sammanställning är sparad" in c.text()
    assert "hot spot" in c.text()
    compilation = WeeklyCompilation.objects.get()
    assert (compilation.iso_year, compilation.iso_week) == (year, week)
    assert list(compilation.hot_spot_observations.all()) == [observation]
