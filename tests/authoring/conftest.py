"""Authoring tests: `--update-snapshots` rewrites tests/authoring/snapshots/ from the current output
(run `pytest tests/authoring --update-snapshots`, then review the diff before committing)."""
from __future__ import annotations


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite tests/authoring/snapshots/*.txt from the current messages")
