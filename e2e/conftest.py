"""Browser tests: real Chromium (Debian's /usr/bin/chromium) driven by Playwright, with axe-core
checking every page a test visits against WCAG 2.1 A and AA.

Where Chromium is missing the tests skip with a message, unless REQUIRE_BROWSER=1 (set by CI),
in which case they fail.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from e2e.serving import production_site  # noqa: F401 - the fixture, for every browser test

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the tests
# themselves (creating data) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium finns inte på {CHROMIUM}: installera Debians paket 'chromium' för webbläsartesterna."
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class CheckedPage:
    """A page on which every document loaded is checked with axe before the test goes on."""

    axe = Axe()

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.visited: list[str] = []
        self.checked: set[str] = set()
        # Chromium reports every Content-Security-Policy violation on the console; a page that
        # needs something the policy forbids (an inline script, a foreign image) fails the test.
        self.csp_violations: list[str] = []
        # Any other error on the console (a script that throws, a resource that does not load)
        # fails the test too, as does a static file of the site that is not there (a name
        # missing from the manifest of hashed files in production).
        self.console_errors: list[str] = []
        self.failed_static: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"{page.url}: {error}"))
        page.on("response", self._response)
        page.on("requestfailed", self._request_failed)
        page.on(
            "framenavigated",
            lambda frame: frame == page.main_frame and self.visited.append(frame.url),
        )

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp_violations.append(f"{self.page.url}: {message.text}")
        elif message.type == "error" and not self._is_document_status(message):
            self.console_errors.append(f"{self.page.url}: {message.text} {message.location}")

    def _is_document_status(self, message) -> bool:
        """Chromium logs a page answered with 404 or 400 as a resource that failed to load; the
        tests that visit such a page check its status and text themselves."""
        return message.text.startswith("Failed to load resource") and (
            message.location.get("url") == self.page.url
        )

    def _is_static(self, url: str) -> bool:
        return url.startswith(self.base_url + "/static/")

    def _response(self, response) -> None:
        if response.status >= 400 and self._is_static(response.url):
            self.failed_static.append(f"{self.page.url}: {response.status} {response.url}")

    def _request_failed(self, request) -> None:
        if self._is_static(request.url):
            self.failed_static.append(f"{self.page.url}: {request.failure} {request.url}")

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        assert not self.csp_violations, "\n".join(self.csp_violations)
        assert not self.console_errors, "\n".join(self.console_errors)
        assert not self.failed_static, "\n".join(self.failed_static)
        results = self.axe.run(
            self.page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        assert results.violations_count == 0, f"{self.page.url}\n{results.generate_report()}"
        self.checked.add(self.page.url)

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path)
        self.check()

    def submit(self, button_text: str) -> None:
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=button_text, exact=True).click()
        self.check()

    def follow(self, link_text: str) -> None:
        with self.page.expect_navigation():
            self.page.get_by_role("link", name=link_text, exact=True).first.click()
        self.check()

    def menu(self, group: str, link_text: str) -> None:
        """Open a group of the staff menu with the keyboard and follow one of its links."""
        summary = self.page.locator(".site-nav summary", has_text=group)
        summary.focus()
        self.page.keyboard.press("Enter")
        with self.page.expect_navigation():
            self.page.locator(".site-nav").get_by_role("link", name=link_text, exact=True).click()
        self.check()

    def text(self) -> str:
        return self.page.inner_text("main")

    def assert_every_page_checked(self) -> None:
        unchecked = [
            url for url in self.visited if url not in self.checked and url != "about:blank"
        ]
        assert not unchecked, f"pages visited without an axe check: {unchecked}"


@pytest.fixture
def checked_page(browser, live_server):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1100, "height": 900})
    page = CheckedPage(context.new_page(), live_server.url)
    yield page
    page.assert_every_page_checked()
    context.close()


# Apps enrolled on sites whose database the test does not share (a served copy), by site and user.
_apps_on_phones: dict[tuple[str, str], object] = {}


def log_in(p: CheckedPage, username: str, password: str) -> None:
    """Log in through the form, then give the second factor as a person with the app would:
    on the code page a code computed from the user's app key, on the enrolment page a code for
    the secret shown in #secret (then past the recovery codes)."""
    from django.contrib.auth import get_user_model

    from tests.second_factor_helpers import AppOnPhone, confirmed_app, next_code

    p.goto("/logga-in/")
    p.page.fill("#id_username", username)
    p.page.fill("#id_password", password)
    p.submit("Logga in")
    path = p.page.url.removeprefix(p.base_url).split("?", 1)[0]
    phone = _apps_on_phones.get((p.base_url, username))
    if path == "/logga-in/kod/":
        if phone is not None:
            code = phone.code()
        else:
            code = next_code(confirmed_app(get_user_model().objects.get(username=username)))
        p.page.fill("#id_code", code)
        p.submit("Fortsätt")
    elif path == "/logga-in/ny-app/":
        phone = _apps_on_phones[(p.base_url, username)] = AppOnPhone(p.page.inner_text("#secret"))
        p.page.fill("#id_code", phone.code())
        p.submit("Registrera appen")
        assert "Spara dina reservkoder" in p.text()
        p.follow("Jag har sparat koderna, fortsätt")
