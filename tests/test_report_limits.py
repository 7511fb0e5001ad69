"""Flood limits of the report form: a honeypot that silently discards bot posts only, and a
limit per internet address (kept as a salted hash, never the address) that tells a throttled
sender what to do, keeps what they typed, and lets several people at one address report."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client

from config import cache_url
from participation.models import ReportContact, ResidentReport
from tests.report_helpers import FORM_URL, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]
HOME = "203.0.113.7"


def send(client: Client, address: str = HOME, **fields: object):
    return client.post(FORM_URL, form_data(**fields), REMOTE_ADDR=address)


def test_the_honeypot_discards_a_bot_post_silently(client):
    response = send(client, webbplats="http://spam.example", email="bot@example.org")
    assert response.status_code == 200
    assert "Tack för din rapport" in response.content.decode()
    assert not ResidentReport.objects.exists() and not ReportContact.objects.exists()
    assert send(client).status_code == 302  # a bot post did not count against the address


def test_an_empty_honeypot_is_a_person(client):
    assert send(client, webbplats="").status_code == 302
    assert ResidentReport.objects.count() == 1


def test_a_second_person_at_the_same_address_gets_through():
    first, second = Client(), Client()
    assert send(first, description="Trasig lykta vid skolan.").status_code == 302
    assert send(second, description="Klotter på förskolans staket.").status_code == 302
    assert ResidentReport.objects.count() == 2


def test_over_the_limit_the_sender_is_told_what_to_do_and_keeps_the_text(client, settings):
    settings.REPORT_RATE_LIMIT = 3
    for i in range(3):
        assert send(Client(), description=f"Rapport {i}").status_code == 302
    typed = "Mörk gångtunnel under väg 169."
    response = send(client, description=typed, email="jag@example.org")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Rapporten är inte skickad ännu" in html and "Försök igen om en stund" in html
    assert "/kommun/tjorn/#kontakt" in html  # or contact the municipality
    assert typed in html and 'value="jag@example.org"' in html
    assert ResidentReport.objects.count() == 3 and not ReportContact.objects.exists()
    # Another address is not affected.
    assert send(client, address="198.51.100.20").status_code == 302


def test_the_address_is_never_stored(client):
    send(client)
    keys = " ".join(str(k) for k in cache._cache)  # the local-memory cache of the tests
    assert "report-rate:" in keys and HOME not in keys
    assert HOME not in str(list(ResidentReport.objects.values()))


def test_behind_a_proxy_the_forwarded_address_is_limited(client, settings):
    settings.REPORT_RATE_LIMIT = 1
    settings.REPORT_RATE_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = {**proxy, "HTTP_X_FORWARDED_FOR": "forged, 203.0.113.7"}
    second = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.8"}
    assert client.post(FORM_URL, form_data(), **first).status_code == 302
    assert client.post(FORM_URL, form_data(), **second).status_code == 302  # someone else
    again = {**proxy, "HTTP_X_FORWARDED_FOR": "other-forgery, 203.0.113.7"}
    assert client.post(FORM_URL, form_data(), **again).status_code == 429


def test_in_the_database_cache_the_count_lasts_the_whole_window(settings):
    """The production default (CACHE_URL=db://): the count is kept for the window, not the
    cache's default five minutes, and no address is written to the table."""
    from django.db import connection

    settings.CACHES = {**settings.CACHES, "default": cache_url.parse("db://")}
    settings.REPORT_RATE_LIMIT = 3
    try:
        for i in range(3):
            assert send(Client(), description=f"Rapport {i}").status_code == 302
        assert send(Client()).status_code == 429
        with connection.cursor() as cursor:
            cursor.execute("SELECT cache_key, expires FROM django_cache")
            rows = cursor.fetchall()
        assert len(rows) == 1 and HOME not in rows[0][0]
        expires = rows[0][1]
        if isinstance(expires, str):  # SQLite hands back text
            expires = datetime.datetime.fromisoformat(expires)
        left = expires.replace(tzinfo=datetime.UTC) - datetime.datetime.now(datetime.UTC)
        assert left > datetime.timedelta(minutes=settings.REPORT_RATE_WINDOW_MINUTES - 5)
    finally:
        cache.clear()
