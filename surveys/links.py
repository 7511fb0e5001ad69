"""The public addresses of a survey, as printed in letters, exported for mail houses and shown
to staff. The one place that knows them, so that a letter, a CSV and a QR code never disagree.

The answer pages (surveys/urls.py) serve these paths:

- `/enkat/` – the page where a resident types the code from the letter;
- `/enkat/kod/<CODE>/` – the same with the code filled in (the letter's QR code leads here);
- `/enkat/oppen/<token>/` – a wave's open link (answers marked "ej representativt").

Addresses are absolute, on settings.SITE_URL, because they leave the platform on paper.
"""

from django.conf import settings

from surveys.models import Wave

ANSWER_PATH = "/enkat/"
CODE_PATH = "/enkat/kod/{code}/"
OPEN_LINK_PATH = "/enkat/oppen/{token}/"


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def answer_entry_url() -> str:
    """Where a resident types the code: printed on the letter."""
    return site_url() + ANSWER_PATH


def answer_url(code: str) -> str:
    """The answer page with the code filled in: the letter's QR code and the mail house's file."""
    return site_url() + CODE_PATH.format(code=code)


def open_link_url(wave: Wave) -> str | None:
    """The wave's open link, or None when the wave has none (not used, or not opened yet)."""
    if not (wave.uses_open_link and wave.open_link_token):
        return None
    return site_url() + OPEN_LINK_PATH.format(token=wave.open_link_token)


def typed_address(url: str) -> str:
    """An address as a person types it: without https:// and the trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")
