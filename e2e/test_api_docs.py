"""The API documentation page, read in Chromium and checked with axe."""

import pytest

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_api_docs_page_is_readable_and_accessible(checked_page):
    p = checked_page
    p.goto("/api/v1/docs")
    text = p.text()
    assert "API för öppna data om medborgarlöften" in text
    assert "GET /api/v1/promises/{promise_id}" in text
    assert "Authorization: Bearer" in text and "curl" in text
