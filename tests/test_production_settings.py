"""Production settings (DEBUG=0, everything else from the environment): `check --deploy` is
clean, the security headers are sent, and a malformed Host header gets 400, never 500."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-0123456789",
    "ALLOWED_HOSTS": "trygghet.example.se",
    "OPEN_DATA_CONTACT_EMAIL": "oppnadata@kommun.example.se",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a production check.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    run = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "System check identified no issues" in run.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    clean = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    run = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode != 0
    assert "DEBUG=0 needs SECRET_KEY" in run.stderr


@pytest.mark.django_db
def test_security_headers_on_every_answer(client, settings):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["evil.example.org", "bad host", "[::1", "a" * 300, "x:y:z"])
def test_a_malformed_or_unknown_host_gets_400(client, host):
    response = client.get("/", headers={"host": host})
    assert response.status_code == 400


def test_password_rules_are_strong(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("kort", "password123", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("en-lång-lösenfras-2026")


def test_staff_sessions_end_when_idle(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60 <= 8 * 3600
