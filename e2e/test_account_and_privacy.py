"""A staff member opens "Mitt konto" from the staff menu with the keyboard, downloads their data,
and erases their account after the confirmation; the last administrator is told why they
cannot. The privacy page on a phone. Every page is checked with axe."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from organisations.models import Membership, Role
from tests.factories import make_cast

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def logged_in(p, user) -> None:
    """The browser carries a session made here, so the test does not depend on the login
    page."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    p.page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": p.base_url}])


def test_a_staff_member_downloads_and_erases_their_data(checked_page):
    cast = make_cast()
    get_user_model().objects.filter(pk=cast.alice.pk).update(email="alice@tjorn.example")
    p = checked_page
    logged_in(p, cast.alice)
    p.goto("/personal/")
    p.menu("Konto och logg", "Mitt konto")
    assert "alice@tjorn.example" in p.text()

    with p.page.expect_download() as download:
        p.page.get_by_role("button", name="Ladda ner mina uppgifter").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["konto"]["epost"] == "alice@tjorn.example"

    p.follow("Radera mitt konto")
    assert "Det går inte att ångra." in p.text()
    p.submit("Ja, radera mitt konto")
    assert "Ditt konto är raderat" in p.text()
    assert not get_user_model().objects.get(pk=cast.alice.pk).is_active


def test_the_last_administrator_is_told_why_not(checked_page):
    cast = make_cast()
    assert Membership.objects.filter(organisation=cast.tjorn, role=Role.ADMIN).count() == 1
    p = checked_page
    logged_in(p, cast.tjorn_admin)
    p.goto("/personal/konto/")
    assert "Du är den enda administratören för" in p.text()
    p.goto("/personal/konto/radera/")
    assert "Kontot kan inte raderas ännu" in p.text()


def test_the_privacy_page_on_a_phone(checked_page):
    p = checked_page
    p.page.set_viewport_size({"width": 390, "height": 844})
    p.goto("/")
    p.follow("Integritet och personuppgifter")
    assert "Kontaktuppgifter i rapporter: 90 dagar" in p.text()
    p.follow("Kontaktuppgifter i rapporter")
    assert p.page.url.endswith("#regel-1")
