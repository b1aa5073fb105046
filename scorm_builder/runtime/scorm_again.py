"""scorm-again's SCORM 1.2 runtime (npm, pinned in package-lock.json): where playback finds it.

`scripts/setup` copies the dist file into this package (like the XSDs), so an installed wheel can
play packages; a repository checkout also falls back to its own `node_modules` after `npm ci`.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

FILE_NAME = "scorm12.min.js"
PACKAGE_COPY = Path(__file__).resolve().parent / FILE_NAME
REPO_ROOT = Path(__file__).resolve().parents[2]
REGISTRY_FILE = Path("node_modules/scorm-again/dist") / FILE_NAME


class ScormAgainMissing(RuntimeError):
    """Neither the packaged copy nor the checkout's node_modules has scorm-again."""


def scorm_again_path() -> Path:
    for path in (PACKAGE_COPY, REPO_ROOT / REGISTRY_FILE):
        if path.is_file():
            return path
    raise ScormAgainMissing(f"{FILE_NAME} not found in {PACKAGE_COPY.parent} or node_modules: run scripts/setup")


def install(source: Path = REGISTRY_FILE) -> None:
    """Copy the pinned dist file into the Python package (run by scripts/setup)."""
    if not source.is_file():
        sys.exit(f"setup: {source} is missing; run `npm ci` first")
    if not PACKAGE_COPY.is_file() or PACKAGE_COPY.read_bytes() != source.read_bytes():
        shutil.copyfile(source, PACKAGE_COPY)


if __name__ == "__main__":
    if sys.argv[1:] == ["--install"]:
        install()
    else:
        sys.exit("usage: python -m scorm_builder.runtime.scorm_again --install")
