"""While the database cannot be reached, pages answer a clear Swedish 503 with Retry-After
(core/unavailable.py), /halsa/ answers 503; other errors keep the 500 page."""

import json

import pytest
from django.db import InterfaceError, OperationalError, connection

from core.unavailable import is_database_unavailable


@pytest.fixture
def broken_database(monkeypatch):
    def cursor(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(connection, "cursor", cursor)


@pytest.fixture
def browser(client):
    client.raise_request_exception = False  # answer as the server does, not re-raise
    return client


@pytest.mark.django_db
def test_a_page_answers_503_in_swedish_while_the_database_is_away(browser, broken_database):
    response = browser.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert "Tjänsten är tillfälligt otillgänglig, försök igen om en stund" in html
    assert '<html lang="sv">' in html


@pytest.mark.django_db
def test_the_503_page_follows_the_language_in_the_address(browser, broken_database):
    html = browser.get("/en/").content.decode()
    assert "The service is temporarily unavailable, please try again in a moment" in html


@pytest.mark.django_db
def test_a_form_post_gets_the_503_too(browser, broken_database):
    response = browser.post("/kommun/tjorn/rapportera/", {"description": "x"})
    assert response.status_code == 503


@pytest.mark.django_db
def test_health_answers_503_with_retry_after(browser, broken_database):
    response = browser.get("/halsa/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert json.loads(response.content)["database"] == "fel"


@pytest.mark.django_db
def test_other_errors_keep_the_500_page(browser, monkeypatch):
    import public.views

    def boom(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(public.views, "render", boom)
    response = browser.get("/")
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_database_errors_are_found_in_the_chain():
    try:
        try:
            raise InterfaceError("connection already closed")
        except InterfaceError as inner:
            raise RuntimeError("while rendering") from inner
    except RuntimeError as outer:
        assert is_database_unavailable(outer)
    assert not is_database_unavailable(ValueError("no"))
    assert not is_database_unavailable(None)


def test_persistent_connections_are_checked_before_reuse(settings):
    # After a PostgreSQL restart a kept connection is dead: checked, it is replaced at once.
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
