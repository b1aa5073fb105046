"""Finding Chromium (SCORM_BUILDER_CHROMIUM, Debian/Ubuntu paths, Playwright's own), and one clear
line with exit 3 when there is none or it will not start."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from runtime_test_packages import make_package
from scorm_builder.runtime import browser


def executable(path: Path, script: str = "exit 0") -> Path:
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return path


def fake_playwright(path) -> SimpleNamespace:
    return SimpleNamespace(chromium=SimpleNamespace(executable_path=str(path)))


@pytest.fixture
def nowhere(monkeypatch, tmp_path):
    """No variable, no system Chromium: only what a test puts in place is found."""
    monkeypatch.delenv(browser.CHROMIUM_ENV, raising=False)
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUMS", (str(tmp_path / "usr-bin-chromium"),
                                                      str(tmp_path / "usr-bin-chromium-browser")))
    return tmp_path


def test_the_variable_comes_first(nowhere, monkeypatch):
    chosen = executable(nowhere / "my-chromium")
    executable(nowhere / "usr-bin-chromium")
    monkeypatch.setenv(browser.CHROMIUM_ENV, str(chosen))
    assert browser.find_chromium(fake_playwright(nowhere / "bundled")) == str(chosen)


def test_a_variable_naming_nothing_is_an_error_not_a_fallback(nowhere, monkeypatch):
    executable(nowhere / "usr-bin-chromium")
    monkeypatch.setenv(browser.CHROMIUM_ENV, str(nowhere / "typo"))
    with pytest.raises(browser.ChromiumMissing) as caught:
        browser.find_chromium()
    assert caught.value.code == "play.chromium_env_bad"


def test_system_paths_in_order_then_playwrights_own(nowhere):
    bundled = executable(nowhere / "bundled")
    assert browser.find_chromium(fake_playwright(bundled)) == str(bundled)
    ubuntu = executable(nowhere / "usr-bin-chromium-browser")
    assert browser.find_chromium(fake_playwright(bundled)) == str(ubuntu)
    debian = executable(nowhere / "usr-bin-chromium")
    assert browser.find_chromium(fake_playwright(bundled)) == str(debian)


def test_none_found_says_what_to_install(nowhere):
    with pytest.raises(browser.ChromiumMissing) as caught:
        browser.find_chromium(fake_playwright(nowhere / "not-installed"))
    sv = caught.value.message("sv")
    en = caught.value.message("en")
    assert "\n" not in en and "apt install chromium" in en and "python -m playwright install chromium" in en
    assert "SCORM_BUILDER_CHROMIUM" in en and "apt install chromium" in sv


def play_cli(package: Path, chromium: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "SCORM_BUILDER_CHROMIUM": str(chromium), "HOME": str(package.parent)}
    return subprocess.run([sys.executable, "-m", "scorm_builder", "--lang", "en", "play", str(package)],
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("script,words", [
    ("echo 'fatal: out of memory' >&2; exit 1", "Chromium would not start: {exe}: fatal: out of memory"),
    ("kill -SEGV $$", "Chromium would not start: {exe}"),
], ids=["out-of-memory", "crashed"])
def test_a_chromium_that_will_not_start_is_one_line_exit_3(tmp_path, script, words):
    package = make_package(tmp_path / "sco.zip")
    chromium = executable(tmp_path / "chromium", script)
    done = play_cli(package, chromium)
    assert done.returncode == 3, done.stderr
    first, hint = done.stderr.splitlines()
    assert first.startswith(f"{package}: error: " + words.format(exe=chromium))
    assert hint.startswith("  hint: ") and "Traceback" not in done.stderr


def test_a_missing_chromium_is_one_line_exit_3(tmp_path):
    package = make_package(tmp_path / "sco.zip")
    done = play_cli(package, tmp_path / "nothing-here")
    assert done.returncode == 3
    assert done.stderr.splitlines()[0] == (f"{package}: error: SCORM_BUILDER_CHROMIUM is set to {tmp_path / 'nothing-here'}, "
                                           "which is not an executable file")
