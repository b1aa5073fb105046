"""Debian's Chromium under Playwright, and a browser context that can only reach loopback.

Never `playwright install`: the system Chromium is driven through `executable_path`.
"""
from __future__ import annotations

from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1024, "height": 768}


class ChromiumMissing(RuntimeError):
    """/usr/bin/chromium is not installed: run scripts/setup."""


def launch_browser(playwright):
    """One headless Chromium; callers share it and open a fresh context per playback."""
    if not Path(CHROMIUM).is_file():
        raise ChromiumMissing(f"{CHROMIUM} not found: run scripts/setup")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def open_context(browser, origin: str, on_blocked):
    """A context where every request outside `origin` is aborted and reported to on_blocked(url)."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")

    def route(route, request):
        url = request.url
        if url.startswith(origin + "/") or url.startswith(("about:", "data:", "blob:")):
            route.continue_()
        else:
            on_blocked(url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    return context
