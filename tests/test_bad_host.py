"""A malformed or unknown Host header is the client's mistake: 400, never 500, logged as one
warning without the header's text and without a traceback (core.logs.DisallowedHostFilter).
tests/test_two_app_servers.py sends the same headers to a real gunicorn."""

import json
import logging

import pytest

from core.logs import JsonFormatter

BAD_HOSTS = [
    "bad host\x00",
    "[::1",
    "evil.example",
    "anna.andersson@example.se",
    "192.168.1.20:8000",
    "x:99999999",
    "h" * 300,
    "trygghet.kommun.se\r\nX-Injected: 1",
    "éxample.se",
]


@pytest.mark.django_db
@pytest.mark.parametrize("host", BAD_HOSTS)
@pytest.mark.parametrize(
    "path", ["/", "/halsa/", "/personal/", "/api/v1/", "/kommun/tjorn/rapportera/"]
)
def test_a_bad_host_header_gets_400(client, settings, caplog, host, path):
    settings.ALLOWED_HOSTS = ["trygghet.kommun.se"]
    settings.SECURE_SSL_REDIRECT = True  # as in production: the redirect reads the host first
    with caplog.at_level(logging.INFO):
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 400
    refused = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(refused) == 1
    assert refused[0].levelno == logging.WARNING and not refused[0].exc_info
    line = JsonFormatter().format(refused[0])
    assert json.loads(line)["level"] == "WARNING" and "Traceback" not in line
    assert all(r.levelno < logging.ERROR for r in caplog.records)
    everything = " ".join(JsonFormatter().format(r) for r in caplog.records)
    plain = " ".join(r.getMessage() for r in caplog.records)
    for piece in ("anna.andersson", "192.168", "evil.example", "bad host", "X-Injected"):
        assert piece not in everything and piece not in plain


@pytest.mark.django_db
def test_a_post_with_a_bad_host_gets_400(client, settings):
    settings.ALLOWED_HOSTS = ["trygghet.kommun.se"]
    response = client.post("/logga-in/", {"username": "a", "password": "b"}, HTTP_HOST="[::1")
    assert response.status_code == 400


@pytest.mark.django_db
def test_an_allowed_host_is_served(client, settings):
    settings.ALLOWED_HOSTS = ["trygghet.kommun.se"]
    assert client.get("/", HTTP_HOST="trygghet.kommun.se").status_code == 200
