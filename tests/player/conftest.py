"""Player playback tests: the course factory fixture (the course and steps are in player_steps)."""
from __future__ import annotations

from pathlib import Path

import pytest

from player_steps import COURSE
from scorm_builder.build import build_course
from support import write_course


@pytest.fixture
def build(tmp_path):
    """build(changes=None) -> the zip of COURSE (with these files replaced) built by build_course."""
    def make(changes: dict[str, str] | None = None, name: str = "kurs") -> Path:
        root = write_course(tmp_path / name, {**COURSE, **(changes or {})})
        zips = build_course(root, tmp_path / f"{name}-dist")
        assert len(zips) == 1
        return zips[0]
    return make
