"""Fixtures for validate/inspect tests: the good package with changes, and the default language."""
from __future__ import annotations

from pathlib import Path

import pytest

from package_helpers import GOOD_FILES, write_zip


@pytest.fixture
def make_package(tmp_path):
    """make_package({"name": content or None}) -> a zip: the good package with these changes."""
    def make(changes: dict | None = None, base: dict = GOOD_FILES, name: str = "kurs.zip") -> Path:
        files = dict(base)
        for key, value in (changes or {}).items():
            if value is None:
                files.pop(key, None)
            else:
                files[key] = value
        return write_zip(tmp_path / name, files)
    return make


@pytest.fixture(autouse=True)
def _default_language(monkeypatch):
    """A SCORM_BUILDER_LANG in the developer's shell must not change the default the tests see."""
    monkeypatch.setenv("SCORM_BUILDER_LANG", "sv")
