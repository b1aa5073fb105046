"""Fixtures for the runtime tests: `test_sco` zips the hand-written test SCO into a package."""
from __future__ import annotations

from pathlib import Path

import pytest

from runtime_test_packages import make_package


@pytest.fixture
def test_sco(tmp_path):
    """`test_sco(params="", mastery="")` -> path of a one-SCO package around fixtures/sco.html."""
    def make(params: str = "", mastery: str = "", name: str = "sco.zip") -> Path:
        return make_package(tmp_path / name, (("item_1", params, mastery),))
    return make
