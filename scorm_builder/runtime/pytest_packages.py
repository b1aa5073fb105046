"""`pytest --scorm-play dist/`: every package zip in the folders given is a test, for QA's CI.

One test per package and learner (`dist/kurs-omsorg.zip::passes`), so `pytest -n auto`
(pytest-xdist) plays packages in parallel, one Chromium per worker, and `--junitxml` shows a
failing package like a failing test. With `--scorm-report DIR` each play writes its report to
DIR/<package>-<learner>/ and the controller writes DIR/index.html linking them. See
docs/playback.md, "Playing every package in CI".
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from scorm_builder.i18n import t


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".zip":
        return PackageFile.from_parent(parent, path=file_path)
    return None


class PackageFile(pytest.File):
    def collect(self):
        for learner in self.config.getoption("scorm_learner") or ["auto"]:
            yield PackageItem.from_parent(self, name=learner, learner=learner)


class PlayFailed(Exception):
    """The play found problems: the lines `scorm-builder play` prints."""


class PackageItem(pytest.Item):
    def __init__(self, *, learner: str, **kwargs):
        super().__init__(**kwargs)
        self.learner = learner
        self.add_marker(pytest.mark.playback)

    def runtest(self):
        from scorm_builder.runtime.findings import problems
        from scorm_builder.runtime.playback import play

        root = self.config.getoption("scorm_report")
        report_dir = Path(root) / f"{self.path.stem}-{self.learner}" if root else None
        run = play(self.path, self.learner, launch=self.config.getoption("scorm_launch"),
                   lms=self.config.getoption("scorm_lms"), report_dir=report_dir, browser=_browser())
        if not run.ok:
            raise PlayFailed("\n".join(problems(run, self.path.name)))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, PlayFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"{self.path.name}::{self.learner}"


_open: dict = {}


def _browser():
    """One Chromium per process (so one per xdist worker), started by the first package played.
    Not the `playback_browser` fixture: items that are not Python functions get no fixtures."""
    if not _open:
        from playwright.sync_api import sync_playwright

        from scorm_builder.runtime.browser import launch_browser
        _open["playwright"] = sync_playwright().start()
        _open["browser"] = launch_browser(_open["playwright"])
    return _open["browser"]


def pytest_sessionfinish(session):
    """Close this process's Chromium; on the controller (not in an xdist worker) also write
    DIR/index.html, one line per report."""
    if _open:
        _open.pop("browser").close()
        _open.pop("playwright").stop()
    root = session.config.getoption("scorm_report")
    if not root or hasattr(session.config, "workerinput") or not Path(root).is_dir():
        return
    rows = []
    for transcript in sorted(Path(root).glob("*/transcript.json")):
        ok = json.loads(transcript.read_text(encoding="utf-8"))["ok"]
        folder = transcript.parent.name
        rows.append(f'<li class="{"pass" if ok else "fail"}"><a href="{html.escape(folder)}/report.html">'
                    f'{html.escape(folder)}</a>: {html.escape(t("report.verdict_pass" if ok else "report.index_fail"))}</li>')
    page = (f'<!doctype html>\n<html><head><meta charset="utf-8"><title>{html.escape(t("report.index_title"))}</title>'
            '<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem}.pass{color:#1d7a35}.fail{color:#b3261e}</style>'
            f'</head><body><h1>{html.escape(t("report.index_title"))}</h1><ul>\n' + "\n".join(rows) + "\n</ul></body></html>\n")
    (Path(root) / "index.html").write_text(page, encoding="utf-8")
