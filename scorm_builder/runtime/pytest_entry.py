"""The `pytest11` entry point: loads the playback plugin only when the [play] extra is installed.

pytest loads every installed entry point, so on a core install this module must neither import
playwright nor fail; it registers the `play` fixture's plugin (and, with `--scorm-play`, the
collector that makes each package zip a test) only when they can work. The options are declared
here because pytest parses the command line before plugins registered at configure time load.
"""
from __future__ import annotations

from scorm_builder.extras import installed


def pytest_addoption(parser):
    group = parser.getgroup("scorm-builder", "scorm-builder playback")
    group.addoption("--scorm-play", action="store_true",
                    help="collect every *.zip in the given folders as a SCORM package to play (needs [play])")
    group.addoption("--scorm-learner", action="append", default=None, metavar="NAME",
                    help="learner to play each package as (repeatable; default auto)")
    group.addoption("--scorm-launch", default="iframe", metavar="MODE", help="iframe, frames, popup or standalone")
    group.addoption("--scorm-lms", default="strict", metavar="PROFILE", help="strict or moodle")
    group.addoption("--scorm-report", default=None, metavar="DIR",
                    help="write each play's report (report.html, junit.xml, ...) to DIR/<package>-<learner>/, "
                         "and DIR/index.html")


def pytest_configure(config):
    if not installed("play"):
        return
    from scorm_builder.runtime import pytest_plugin

    if not config.pluginmanager.has_plugin("scorm_builder.play"):
        config.pluginmanager.register(pytest_plugin, "scorm_builder.play")
    if config.getoption("scorm_play") and not config.pluginmanager.has_plugin("scorm_builder.packages"):
        from scorm_builder.runtime import pytest_packages

        config.pluginmanager.register(pytest_packages, "scorm_builder.packages")
