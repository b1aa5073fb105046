"""Packages for the accessibility tests: the sample course in both themes (every audience), and a
small course with one question of every type, as knowledge checks and in a test that draws all."""
from __future__ import annotations

from pathlib import Path

import pytest

from a11y_courses import every_type_course, sample_in_theme
from a11y_walk import THEMES
from scorm_builder.build import build_course


@pytest.fixture(scope="session")
def theme_packages(tmp_path_factory) -> dict[str, list[Path]]:
    """theme -> the sample course's zips (one per audience)."""
    out = {}
    for theme in THEMES:
        work = tmp_path_factory.mktemp(f"a11y-{theme}")
        out[theme] = build_course(sample_in_theme(work, theme), work / "dist")
    return out


@pytest.fixture(scope="session")
def every_type_packages(tmp_path_factory) -> dict[str, Path]:
    """theme -> the zip of the every-question-type course."""
    out = {}
    for theme in THEMES:
        work = tmp_path_factory.mktemp(f"a11y-types-{theme}")
        out[theme] = build_course(every_type_course(work / "kurs", theme), work / "dist")[0]
    return out
