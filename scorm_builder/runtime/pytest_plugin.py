"""pytest plugin (entry point `pytest11`): a `play` fixture for QA tests of SCORM packages.

    def test_passes(play):
        run = play("dist/x.zip", learner="passes")
        assert run.cmi["cmi.core.lesson_status"] == "passed"

One Chromium per test session (`playback_browser`), a fresh browser context per `play` call.
A missing Chromium fails the test (ChromiumMissing); it never skips.
"""
from __future__ import annotations

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "playback: plays a package in headless Chromium")


@pytest.fixture(scope="session")
def playback_browser():
    from playwright.sync_api import sync_playwright

    from scorm_builder.runtime.browser import launch_browser
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture
def play(playback_browser):
    """`play(package, learner="auto", **options)` -> Run, sharing the session's browser."""
    from scorm_builder.runtime.playback import play as _play

    def play(package, learner="auto", **options):
        options.setdefault("browser", playback_browser)
        return _play(package, learner, **options)
    return play
