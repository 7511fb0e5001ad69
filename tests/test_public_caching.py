"""Public pages can be cached by a proxy: an anonymous resident's page carries no Set-Cookie and
no Vary: Cookie, a Cache-Control that allows shared caching and an ETag (304 on a match); staff
pages are private and never stored; forms that need CSRF keep it."""

import pytest
from django.urls import reverse

from tests.public_paths import STATIC_PUBLIC_PATHS, demo_public_paths


@pytest.fixture
def demo(demo_once, db):
    # Loaded once for the module (tests/conftest.py); this finds it there and adds nothing.
    from demo.seed import load_demo

    load_demo()


def assert_cacheable(response, path):
    assert response.status_code == 200, path
    assert not response.cookies, (path, response.cookies)
    assert "cookie" not in response.get("Vary", "").lower(), (path, response["Vary"])
    cache = response["Cache-Control"]
    assert "public" in cache and "max-age=" in cache and "private" not in cache, (path, cache)
    assert response.has_header("ETag"), path


def test_every_anonymous_public_page_is_cacheable_in_both_languages(client, demo):
    paths = STATIC_PUBLIC_PATHS + demo_public_paths()
    for path in paths + [f"/en{p}" for p in paths]:
        response = client.get(path)
        if (
            response.status_code == 200
            and "Cache-Control" in response
            and "public" not in (response["Cache-Control"])
        ):
            continue  # a view that chose its own caching (feeds, API), checked elsewhere
        assert_cacheable(response, path)


def test_a_repeated_request_with_the_etag_gets_304(client, demo):
    first = client.get("/kommun/tjorn/")
    again = client.get("/kommun/tjorn/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and not again.content


def test_staff_pages_are_private_and_never_stored(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="samordnare"))
    for path in ("/personal/", "/logga-in/"):
        response = client.get(path, follow=False)
        cache = response["Cache-Control"]
        assert "private" in cache and "no-store" in cache, (path, cache)
    response = client.get("/kommun/tjorn/")  # a public page seen by someone logged in
    assert "private" in response["Cache-Control"]


def test_forms_that_need_csrf_keep_it(client, demo):
    response = client.get(reverse("login"))
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
