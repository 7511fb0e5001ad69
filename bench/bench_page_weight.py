"""What the public municipality page costs a phone: every byte transferred before the map's
tiles (HTML, CSS, JavaScript, the map data), measured in Chromium (Debian's /usr/bin/chromium,
driven by Playwright) against the demo served as in production (gunicorn, DEBUG=0, WhiteNoise's
compressed static files).

Goal: at most 150 KB. The baseline, measured in the same run, is the page's HTML alone, so the
ratio says how much the page's assets add to it. No tile server is configured (the default), so
nothing is fetched from elsewhere; tiles would come after and are not counted.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import ROOT, emit

PORT = int(os.environ.get("BENCH_PAGE_WEIGHT_PORT", "8121"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PAGES = ["/kommun/tjorn/", "/kommun/tjorn/karta/"]
GOAL_BYTES = 150 * 1024


def environment(db: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-page-weight-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "STATIC_ROOT": str(db.parent / "static"),
    }


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the server did not answer at {url}")


def transferred(browser: object, url: str) -> tuple[int, int, list[tuple[str, int]]]:
    """Bytes on the wire for the page (everything up to the map data drawn) and for its HTML."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])),
    )
    page.goto(url, wait_until="load")
    if page.locator("[data-map-src]").count():
        page.wait_for_selector("[data-map-loaded]", state="attached", timeout=15_000)
    page.wait_for_load_state("networkidle")
    context.close()
    files = sorted(((urls.get(i, "?"), n) for i, n in sizes.items()), key=lambda f: -f[1])
    html = next(n for u, n in files if u == url)
    return sum(sizes.values()), html, files


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium finns inte på {CHROMIUM}.")
    db = Path(tempfile.mkdtemp(prefix="bench-weight-")) / "demo.sqlite3"
    env = environment(db)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_for(base + PAGES[0])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            for path in PAGES:
                total, html, files = transferred(browser, base + path)
                name = "municipality_page" if path == PAGES[0] else "municipality_map_page"
                emit(
                    name=f"{name}_transferred",
                    value=round(total / 1024, 1),
                    unit="KB",
                    baseline_name=f"{name}_html_only",
                    baseline_value=round(html / 1024, 1),
                    ratio=round(total / html, 2),
                    goal="<= 150 KB before map tiles",
                    meets=total <= GOAL_BYTES,
                    files=[[u.removeprefix(base), round(n / 1024, 1)] for u, n in files],
                )
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
