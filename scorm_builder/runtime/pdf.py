"""HTML files to A4 PDFs through the Chromium that plays packages (runtime/browser.py).

The page is our own rendering, but its content is the author's (and the theme's templates may be a
course's own): it runs no script, may load nothing but itself and data: URIs, and printing is
bounded in time. Chromium stamps a creation date into every PDF, so
PDFs are the one output that differs between two runs.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scorm_builder.errors import CatalogueError

PRINT_TIMEOUT_MS = 120_000


class PrintFailed(CatalogueError):
    """Chromium started but could not load or print a page (timeout, crash)."""

    def __init__(self, path: Path, detail: str):
        super().__init__("handout.print_failed", path=path.name, detail=detail)


def print_pdfs(jobs: list[tuple[Path, Path]]) -> None:
    """Prints each (html, pdf) pair on A4 in one browser; raises ChromiumMissing, ChromiumFailed
    or PrintFailed. Playwright's sync API refuses to start where an event loop runs (a notebook,
    a test session already driving a browser), so printing has a thread of its own."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(_print, jobs).result()


def _print(jobs: list[tuple[Path, Path]]) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from scorm_builder.runtime.browser import launch_browser

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            context = browser.new_context(service_workers="block", java_script_enabled=False)  # paper needs none
            context.route("**/*", lambda route, request: route.continue_()
                          if request.url.startswith(("file:", "data:")) else route.abort("blockedbyclient"))
            for html, pdf in jobs:
                page = context.new_page()
                page.set_default_timeout(PRINT_TIMEOUT_MS)
                try:
                    page.goto(html.resolve().as_uri(), wait_until="load")
                    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
                except PlaywrightError as e:
                    raise PrintFailed(html, e.message.splitlines()[0][:300]) from None
                page.close()
        finally:
            browser.close()
