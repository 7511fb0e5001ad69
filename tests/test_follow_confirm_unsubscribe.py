"""Confirming through the link (double opt-in) and unsubscribing, by the page's button or by a
mail program's one-click POST (RFC 8058)."""

import pytest
from django.test import Client

from notifications.models import Subscription
from organisations.models import Municipality
from tests.factories import subscription


@pytest.fixture
def pending(db):
    return subscription(confirmed=False, municipality=Municipality.objects.get(slug="tjorn"))


def test_opening_the_link_shows_a_button_and_does_not_confirm(client, pending):
    response = client.get(f"/folj/bekrafta/{pending.token}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bekräfta att du vill följa Tjörn" in body
    assert "Bekräfta och börja följa" in body
    assert '<meta name="robots" content="noindex">' in body
    assert "invanare" not in body  # the address is never shown, not even to its owner
    pending.refresh_from_db()
    assert not pending.is_confirmed  # a link scanner fetching the link confirms nothing


def test_the_button_confirms(client, pending):
    response = client.post(f"/folj/bekrafta/{pending.token}/")
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.is_confirmed
    assert pending.last_sent_at == pending.confirmed_at  # news from now on
    body = client.get(response["Location"]).content.decode()
    assert "Du följer Tjörn" in body
    assert f"/folj/avsluta/{pending.token}/" in body
    confirmed_at = pending.confirmed_at
    client.post(f"/folj/bekrafta/{pending.token}/")
    pending.refresh_from_db()
    assert pending.confirmed_at == confirmed_at  # confirming again changes nothing


def test_an_unknown_or_expired_link_says_so(client, db):
    response = client.get("/folj/bekrafta/finns-inte/")
    assert response.status_code == 404
    assert "Länken gäller inte längre" in response.content.decode()
    assert client.post("/folj/bekrafta/finns-inte/").status_code == 404
    assert client.put("/folj/bekrafta/finns-inte/").status_code == 405


def test_unsubscribe_page_asks_first(client, pending):
    response = client.get(f"/folj/avsluta/{pending.token}/")
    assert response.status_code == 200
    assert "Sluta följa Tjörn?" in response.content.decode()
    assert Subscription.objects.filter(pk=pending.pk).exists()


def test_unsubscribe_button_deletes_the_address(client, pending):
    response = client.post(f"/folj/avsluta/{pending.token}/")
    assert response.status_code == 302
    assert response["Location"] == "/folj/avslutad/"
    assert not Subscription.objects.exists()
    assert "Du följer inte längre" in client.get("/folj/avslutad/").content.decode()
    again = client.get(f"/folj/avsluta/{pending.token}/")
    assert again.status_code == 404
    assert "Bevakningen finns inte" in again.content.decode()
    assert client.post(f"/folj/avsluta/{pending.token}/").status_code == 302  # no error twice


def test_one_click_unsubscribe_needs_no_csrf_token(db):
    confirmed = subscription(municipality=Municipality.objects.get(slug="tjorn"))
    other = subscription("annan@example.se", municipality=confirmed.municipality)
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        f"/folj/avsluta/{confirmed.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    assert list(Subscription.objects.all()) == [other]


def test_unsubscribe_wrong_method(client, pending):
    assert client.put(f"/folj/avsluta/{pending.token}/").status_code == 405
    assert client.post("/folj/avslutad/").status_code == 405
