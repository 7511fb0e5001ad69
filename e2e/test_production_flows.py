"""Every main flow of every capability in Chromium against the site served as in production
(e2e/serving.py: gunicorn, DEBUG=0, the Content-Security-Policy, WhiteNoise's hashed static
files, the demo loaded, background tasks run by the worker). Every page is checked with axe and
fails on a console error, a CSP violation or a static file that does not load.

Set PRODUCTION_SCREENSHOTS=/some/dir to keep a picture of some of the pages (for looking, not
asserting)."""

import datetime
import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from demo.content import DEMO_PASSWORD
from e2e.conftest import CheckedPage, log_in
from tests.test_imports_police_events import notice

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = os.environ.get("PRODUCTION_SCREENSHOTS")


def _log_in(p: CheckedPage, username: str, password: str = DEMO_PASSWORD) -> None:
    """The staff login (the one place to change when logging in asks for more)."""
    log_in(p, username, password)
    assert "/logga-in/" not in p.page.url, p.text()


def snap(p: CheckedPage, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        p.page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def path_of(p: CheckedPage, selector: str) -> str:
    return urlsplit(p.page.locator(selector).first.get_attribute("href")).path


def wait_for_map(p: CheckedPage) -> None:
    """Leaflet has drawn the page's map (and the data it fetches), then the page is checked
    again; a page without a map is checked as it is."""
    if p.page.locator("[data-map]").count():
        p.page.wait_for_selector(".leaflet-container")
        if p.page.locator("[data-map-src]").count():
            p.page.wait_for_selector("[data-map-loaded]", state="attached")
    p.check()


@pytest.fixture
def visitor(browser, production_site):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1100, "height": 900})
    page = CheckedPage(context.new_page(), production_site.url)
    yield page
    page.assert_every_page_checked()
    context.close()


@pytest.fixture
def phone(browser, production_site):
    context = browser.new_context(locale="sv-SE", viewport=PHONE, has_touch=True)
    page = CheckedPage(context.new_page(), production_site.url)
    yield page
    page.assert_every_page_checked()
    context.close()


@pytest.fixture(autouse=True)
def _no_server_errors(production_site):
    yield
    assert not production_site.server_errors(), "\n".join(production_site.server_errors())


def test_production_settings_are_in_force(visitor):
    response = visitor.page.request.get(visitor.base_url + "/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    visitor.goto("/")
    stylesheet = visitor.page.locator("link[rel=stylesheet]").first.get_attribute("href")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet)
    visitor.goto("/finns-inte/")  # DEBUG=0: the site's own 404 page, not Django's debug page
    assert "Sidan finns inte" in visitor.text()
    assert "URLconf" not in visitor.page.content()


def test_resident_reads_the_public_pages(visitor):
    p = visitor
    p.goto("/")
    snap(p, "home")
    p.goto("/kommun/tjorn/")
    wait_for_map(p)
    snap(p, "municipality")
    p.goto(path_of(p, "main a[href^='/medborgarlofte/']"))
    assert "Versionshistorik" in p.text()
    lagesbild = path_of(p, "main a[href^='/lagesbild/']")
    p.goto(lagesbild)  # the lägesbild the promise rests on
    assert "Analys" in p.text()
    snap(p, "lagesbild-public")
    response = p.page.request.get(p.base_url + lagesbild + "lagesbild.pdf")
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"
    p.goto("/kommun/tjorn/karta/")
    wait_for_map(p)
    assert p.page.locator(".leaflet-marker-icon").count() > 0
    snap(p, "report-map")
    p.goto("/kommun/svenljunga/trygghet/")
    assert "exempeldata" in p.text()
    snap(p, "survey-results")
    p.goto("/kommun/mellerud/")
    p.goto("/trygghetsvandring/1/")
    p.follow("Öppna data")
    p.page.select_option("#omrade", "kommun-1419")
    p.submit("Visa filerna")
    assert "Tjörn (kommunkod 1419)" in p.text()
    p.goto("/api/v1/docs")
    assert "Authorization: Bearer" in p.text()
    p.follow("In English")
    assert p.page.get_attribute("html", "lang") == "en"


def test_resident_follows_a_municipality_by_email(visitor, production_site):
    p = visitor
    p.goto("/kommun/tjorn/")
    p.page.get_by_label("Din e-postadress").fill("invanare@example.se")
    p.page.get_by_label("Direkt när något nytt publiceras").check()
    p.submit("Följ via e-post")
    assert "Titta i din e-post" in p.text()
    mail = production_site.run_tasks()  # the worker sends the mail (printed by the demo)
    link = re.search(r"https?://\S+/folj/bekrafta/\S+/", mail).group(0)
    p.goto(urlsplit(link).path)
    p.submit("Bekräfta och börja följa")
    assert "Du följer Tjörn" in p.text()


def test_resident_reports_a_place_on_a_phone(phone):
    p = phone
    p.goto("/kommun/tjorn/")
    with p.page.expect_navigation():
        p.page.locator('main a[href="/kommun/tjorn/rapportera/"]').first.click()
    wait_for_map(p)
    snap(p, "report-form-phone")
    p.page.locator('input[name="category"]').first.check()
    p.page.fill("#id_description", "Två gatlyktor är släckta vid gångvägen.")
    p.page.locator("[data-map-centre]").click()
    assert "," in p.page.input_value("#id_point")
    with p.page.expect_navigation():
        p.page.locator("main button[type=submit]").first.click()
    p.check()
    assert "Tack! Din rapport är skickad" in p.text()
    snap(p, "report-sent-phone")


def test_staff_work_through_every_capability(visitor, production_site, tmp_path):
    p = visitor
    _log_in(p, "samordnare")
    assert "Översikt" in p.text()
    snap(p, "dashboard")

    p.menu("Löften och planer", "Löften")
    p.follow("Medborgarlöftet 2023–2024 – Södra Fyrbodal")
    promise = p.page.url
    p.follow("Ändra löftet")
    p.page.fill("#id_goal", p.page.input_value("#id_goal") + " Och tryggare hamnar.")
    p.page.get_by_label("Vad ändras och varför?").fill("Hamnarna läggs till i målet.")
    p.submit("Spara ändringarna")
    assert p.page.url == promise, p.text()
    p.follow("Exempel: Hastighetskontroller vid skolor")  # an activity and its progress
    p.page.go_back()
    p.check()
    p.follow("Registrera uppföljning")
    snap(p, "follow-up-form")

    p.menu("Invånarnas röster", "Rapporter")
    p.follow("Väntar på granskning")
    p.page.locator("main a[href^='/personal/invanare/rapporter/']").last.click()
    p.page.wait_for_url(re.compile(r"/rapporter/\d+/$"))
    wait_for_map(p)
    snap(p, "moderation-report")

    p.menu("Invånarnas röster", "Dialoger och vandringar")
    p.follow("Trygghetsvandringar")
    p.follow("Exempel: Trygghetsvandring i Skärhamn i mörker")
    wait_for_map(p)

    p.menu("Lägesbild", "Lägesbild")
    p.follow("Lokal lägesbild Södra Fyrbodal 2022")
    snap(p, "lagesbild-staff")
    response = p.page.request.get(p.base_url + path_of(p, "main a[href$='lagesbild.pdf']"))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"
    p.menu("Lägesbild", "Lägesbild")
    p.follow("Rapportera observationer, veckans sammanställning och analys per period")  # EST

    p.menu("Lägesbild", "Lägesbild")
    p.follow("Läs in polisens händelser")
    events = tmp_path / "handelser.json"
    events.write_text(json.dumps([notice(901), notice(902)]))
    p.page.get_by_label("Polisens händelser (JSON eller JSON.GZ)").set_input_files(str(events))
    p.submit("Läs in filen")
    assert "Väntar på sin tur" in p.text()  # queued until the worker takes it
    snap(p, "import-queued")
    production_site.run_tasks()
    p.page.get_by_text("Inlästa händelser").wait_for()
    p.check()
    assert "Klar" in p.text()
    snap(p, "import-done")


def test_coordinator_opens_a_wave_and_a_resident_answers_on_a_phone(visitor, phone):
    p = visitor
    _log_in(p, "svenljunga")
    p.menu("Trygghetsmätningar", "Undersökningar")
    p.follow("Trygghetsundersökning i Svenljunga (exempeldata)")
    snap(p, "survey-builder")
    p.follow("Svenska")  # the preview
    p.page.go_back()
    p.check()
    p.follow("Omgångar, inbjudningar och resultat")
    p.follow("Ny omgång")
    today = datetime.date.today()
    p.page.fill("#id_opens_on", today.isoformat())
    p.page.fill("#id_closes_on", (today + datetime.timedelta(days=30)).isoformat())
    p.page.get_by_label("Öppen länk").check()
    p.submit("Skapa omgången")
    assert "Omgången är skapad." in p.text()
    p.follow("Öppna omgången")
    p.submit("Öppna omgången")
    assert "Omgången är öppen för svar." in p.text()
    link = p.page.input_value("#open-link-url")

    r = phone
    r.goto(urlsplit(link).path)
    snap(r, "answer-start-phone")
    r.page.locator("main button[type=submit]").first.click()
    r.page.wait_for_load_state("load")
    r.check()
    for _ in range(10):
        if "/enkat/svar/granska/" in r.page.url:
            break
        if r.page.locator("input[name=otrygg_kvall]").count():
            r.page.locator("input[name=otrygg_kvall]").first.check()
        with r.page.expect_navigation():
            r.page.locator("button[value=nasta]").click()
        r.check()
    assert "Granska dina svar innan du skickar" in r.text()
    snap(r, "answer-summary-phone")
    with r.page.expect_navigation():
        r.page.locator("main form button[type=submit]").first.click()
    r.check()
    assert "Tack för dina svar!" in r.text()
