"""Shared test helpers: the course factory, and the generated broken zips."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import MINIMAL, broken_moodle_zips, write_course


@pytest.fixture
def make_course(tmp_path):
    """make_course({"lessons/01.md": "..."}) -> a course folder: MINIMAL with these files replaced
    (a value of None removes the file)."""
    def make(changes: dict[str, str | None] | None = None, base: dict[str, str] = MINIMAL) -> Path:
        files = dict(base)
        for name, text in (changes or {}).items():
            if text is None:
                files.pop(name, None)
            else:
                files[name] = text
        return write_course(tmp_path / "kurs", files)
    return make


@pytest.fixture(scope="session")
def broken_zips(tmp_path_factory) -> dict[str, Path]:
    """Moodle's broken test packages, regenerated (see support.broken_moodle_zips)."""
    return broken_moodle_zips(tmp_path_factory.mktemp("moodle"))


@pytest.fixture(autouse=True, scope="session")
def session_conversion_cache(tmp_path_factory):
    """Fixtures wider than one test build courses too (before any test's own folder is set):
    theirs is the session's cache folder, never the user's."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-session"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(autouse=True)
def interface_language(monkeypatch) -> None:
    """The CLI sets the process's interface language (i18n.use) for the rest of the process: a
    test that runs it with --lang must not leave that to the next test."""
    from scorm_builder import i18n
    monkeypatch.setattr(i18n, "_chosen", None)


@pytest.fixture(autouse=True)
def conversion_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test has a cache folder of its own (source/conversion_cache.py uses $XDG_CACHE_HOME):
    builds never share entries between tests, nor touch the user's home."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "scorm-builder" / "conversions"
