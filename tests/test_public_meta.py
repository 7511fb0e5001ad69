"""Every public page of the demo has one meta description, one h1 and headings in order."""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from tests.public_paths import API_DOCS, STATIC_PUBLIC_PATHS, demo_public_paths, follow_paths


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.descriptions: list[str] = []
        self.headings: list[int] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.descriptions.append(attributes.get("content", "").strip())
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))


@pytest.fixture
def demo(demo_once, db):
    # Loaded once for the module (tests/conftest.py); this finds it there and adds nothing.
    call_command("load_demo", verbosity=0)


def outline_of(client, path: str) -> Outline:
    response = client.get(path)
    assert response.status_code in (200, 404), path
    outline = Outline()
    outline.feed(response.content.decode())
    return outline


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_public_page_has_description_and_heading_outline(client, demo, language):
    paths = STATIC_PUBLIC_PATHS + demo_public_paths() + follow_paths()
    paths += [API_DOCS, "/kommun/finns-inte/"]
    if language != "sv":
        paths = [f"/{language}{path}" for path in paths]
    descriptions = set()
    for path in paths:
        outline = outline_of(client, path)
        assert len(outline.descriptions) == 1 and len(outline.descriptions[0]) > 40, path
        assert "<" not in outline.descriptions[0], path
        descriptions.add(outline.descriptions[0])
        assert outline.headings.count(1) == 1, path
        for before, after in zip(outline.headings, outline.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} followed by h{after}"
    assert len(descriptions) > len(paths) // 2  # specific to each page, not one default


def test_every_scrolling_table_is_a_named_focusable_region():
    """A region that scrolls on a phone must be reachable by keyboard (WCAG 2.1.1)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "templates"
    for template in root.rglob("*.html"):
        for line in template.read_text().splitlines():
            if 'class="table-scroll"' in line:
                assert 'tabindex="0"' in line and 'role="region"' in line, template
                assert "aria-label=" in line or "aria-labelledby=" in line, template
