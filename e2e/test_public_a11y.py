"""axe on every public page the demo has, in Swedish and in English.

The list of pages is derived from the data (every municipality with content, every public
promise with its revisions and easy-to-read page), so a new seed page is checked without anyone
remembering to add it here.
"""

import pytest
from django.core.management import call_command

from tests.public_paths import API_DOCS, STATIC_PUBLIC_PATHS, demo_public_paths, follow_paths

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_every_public_page_of_the_demo(checked_page):
    call_command("load_demo", verbosity=0)
    paths = STATIC_PUBLIC_PATHS + demo_public_paths() + follow_paths()
    paths += [API_DOCS, "/kommun/finns-inte/"]
    assert len(paths) > 20
    for path in paths:
        checked_page.goto(path)


def test_every_public_page_of_the_demo_in_english_on_a_phone(checked_page):
    """A phone-sized viewport too: wide tables scroll there, and a scrolling region must be
    reachable by keyboard (WCAG 2.1.1)."""
    call_command("load_demo", verbosity=0)
    checked_page.page.set_viewport_size({"width": 375, "height": 700})
    checked_page.goto("/")
    checked_page.follow("In English")
    for path in STATIC_PUBLIC_PATHS + demo_public_paths() + follow_paths():
        checked_page.goto("/en" + path)
        assert checked_page.page.get_attribute("html", "lang") == "en"
