"""The Content-Security-Policy is in force in Chromium, and the browser tests notice when a page
breaks it (every checked page fails on a reported violation, see conftest.CheckedPage)."""

import pytest

pytestmark = pytest.mark.browser


def test_an_inline_script_is_blocked_and_reported(checked_page, reference_data):
    checked_page.goto("/")
    headers = checked_page.page.request.get(checked_page.base_url + "/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    checked_page.page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
    )
    checked_page.page.wait_for_timeout(200)
    assert checked_page.page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in v for v in checked_page.csp_violations)
    checked_page.csp_violations.clear()
