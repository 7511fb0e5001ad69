"""The second factor on a phone: an editor enrols an app, saves the recovery codes, logs in
again with a code; a forgotten password by e-mail. axe checks every page."""

import os
import re

import pytest
from django.core import mail

from e2e.conftest import CheckedPage
from organisations.management.commands.totp_code import current_code
from tests.factories import PASSWORD, make_cast
from tests.second_factor_helpers import confirmed_app, next_code

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SHOTS = os.environ.get("SCREENSHOTS", "")  # a folder: pages are photographed there too


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 844})
    page = CheckedPage(context.new_page(), live_server.url)
    yield page
    page.assert_every_page_checked()
    context.close()


def shot(p: CheckedPage, name: str) -> None:
    if SHOTS:
        p.page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)


def password(p: CheckedPage, username: str, password: str = PASSWORD) -> None:
    p.goto("/logga-in/")
    p.page.fill("#id_username", username)
    p.page.fill("#id_password", password)
    p.submit("Logga in")


def test_an_editor_enrols_and_logs_in_with_a_code(phone):
    cast = make_cast()
    p = phone
    password(p, "alice")
    assert p.page.url.startswith(p.base_url + "/logga-in/ny-app/")
    assert p.page.locator(".qr-enrol svg").is_visible()
    shot(p, "enrol")
    p.page.fill("#id_code", "12")
    p.submit("Registrera appen")
    assert "Skriv de sex siffrorna som appen visar just nu." in p.text()
    shot(p, "enrol-error")
    p.page.fill("#id_code", current_code(p.page.inner_text("#secret")))
    p.submit("Registrera appen")
    assert "Koderna visas bara den här gången." in p.text()
    assert p.page.locator(".recovery-codes li").count() == 10
    shot(p, "recovery-codes")
    p.follow("Jag har sparat koderna, fortsätt")
    assert p.page.url == p.base_url + "/personal/"
    p.submit("Logga ut")

    password(p, "alice")
    assert "Skriv koden från appen" in p.text()
    p.page.fill("#id_code", "abc")
    p.submit("Fortsätt")
    assert "eller en av dina reservkoder (åtta tecken)" in p.text()
    shot(p, "code-error")
    p.page.fill("#id_code", next_code(confirmed_app(cast.alice)))
    p.submit("Fortsätt")
    assert p.page.url == p.base_url + "/personal/"


def test_a_forgotten_password_by_email(phone, immediate_tasks):
    cast = make_cast()
    cast.viewer.email = "viewer@tjorn.example.invalid"
    cast.viewer.save()
    p = phone
    p.goto("/logga-in/")
    p.follow("Glömt lösenordet?")
    shot(p, "password-reset")
    p.page.fill("#id_email", "viewer@tjorn.example.invalid")
    p.submit("Skicka länken")
    assert "Om adressen hör till ett konto" in p.text()
    link = re.search(r"/losenord/nytt/\S+/", mail.outbox[0].body).group(0)
    p.goto(link)
    shot(p, "password-new")
    p.page.fill("#id_new_password1", "ett-nytt-langt-losenord-2026")
    p.page.fill("#id_new_password2", "ett-nytt-langt-losenord-2026")
    p.submit("Spara det nya lösenordet")
    assert "Lösenordet är bytt" in p.text()
    p.follow("Logga in")
    password(p, "viewer", "ett-nytt-langt-losenord-2026")
    assert p.page.url == p.base_url + "/personal/"
