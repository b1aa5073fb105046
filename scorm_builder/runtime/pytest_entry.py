"""The `pytest11` entry point: loads the playback plugin only when the [play] extra is installed.

pytest loads every installed entry point, so on a core install this module must neither import
playwright nor fail; it registers the `play` fixture's plugin only when it can work.
"""
from __future__ import annotations

from scorm_builder.extras import installed


def pytest_configure(config):
    if installed("play") and not config.pluginmanager.has_plugin("scorm_builder.play"):
        from scorm_builder.runtime import pytest_plugin

        config.pluginmanager.register(pytest_plugin, "scorm_builder.play")
