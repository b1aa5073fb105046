"""Where the tool's own files are. `scorm_builder/themes` is a link to the top-level themes/ in a
checkout and a real folder in the wheel, so one path serves both."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
THEMES_DIR = PACKAGE_DIR / "themes"
