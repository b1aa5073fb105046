"""The benchmark's own tests build courses: their conversion cache is a temporary folder, never the
user's (source/conversion_cache.py reads $XDG_CACHE_HOME)."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def conversion_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
