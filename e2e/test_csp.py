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


def test_a_script_error_and_a_missing_static_file_are_reported(checked_page, reference_data):
    p = checked_page
    p.goto("/")
    p.page.evaluate("() => { setTimeout(() => { throw new Error('kaputt'); }); }")
    p.page.evaluate(
        "() => new Promise(done => { const s = document.createElement('link');"
        " s.rel = 'stylesheet'; s.href = '/static/css/finns-inte.css'; s.onerror = done;"
        " document.head.appendChild(s); })"
    )
    p.page.wait_for_function("() => true")  # let the thrown error reach the console
    assert any("kaputt" in e for e in p.console_errors)
    assert any("/static/css/finns-inte.css" in f for f in p.failed_static)
    p.console_errors.clear()
    p.failed_static.clear()
