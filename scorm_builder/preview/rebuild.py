"""Builds the previewed package and swaps it in: the server always serves a complete build.

Each build is made by the real pipeline and kept in memory as the package's files (build.build_files:
the zip's files, not zipped and not written out, since either would only add to the wait after a
save). Publishing is one assignment, so a request sees the old build or the new one, never half of
one. A failed build keeps the last good one on screen and records the diagnostics for the page and
the terminal.
"""
from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from scorm_builder.build import SelectionError, build_files, make_converter
from scorm_builder.errors import BuildError, Reporter
from scorm_builder.package.zipper import PackageFiles
from scorm_builder.runtime.scos import Sco, scos_in


@dataclass
class BuildState:
    number: int = 0                 # counts every build, good or failed: the page polls it
    ok: bool = False
    report: str = ""                # diagnostics as the terminal shows them (warnings too)
    scos: list[Sco] = field(default_factory=list)
    seconds: float = 0.0
    converted: int = 0              # lessons converted anew; the rest came from the conversion cache


class Rebuilder:
    def __init__(self, course_dir: Path, audience: str | None, level: str | None = None):
        self.course_dir = course_dir
        self.audience = audience
        self.level = level
        self.files: PackageFiles = {}           # the served package: empty until the first good build
        self.state = BuildState()
        self._lock = threading.Lock()
        self._built = threading.Condition()      # notified with each new state (the page's long poll)
        self._converted: dict = {}               # the conversions the last rebuild used

    def rebuild(self) -> BuildState:
        """Build now; returns the new state (also kept in self.state)."""
        with self._lock:
            number = self.state.number + 1
            started = time.monotonic()
            reporter = Reporter()
            ok, report, scos = False, "", self.state.scos
            # the builds' cache: a save reconverts the lessons it changed; the last rebuild's
            # conversions are checked in memory, not read from the disk again
            converter = make_converter(earlier=self._converted)
            try:
                files = build_files(self.course_dir, [self.audience] if self.audience else None, reporter,
                                    [self.level] if self.level else None, converter)
                scos = [s for s in scos_in(files["imsmanifest.xml"]) if s.scormtype == "sco"]
                self.files = files
                ok, report = True, reporter.render() if reporter.diagnostics else ""
            except BuildError as e:
                report = e.reporter.render()
            except SelectionError as e:   # e.g. the previewed audience was removed from course.yml
                report = e.text()
            except Exception:  # our own bug: keep serving the last good build, and say it is a bug
                report = "scorm-builder bug (please report):\n" + traceback.format_exc()
            self._converted = converter.done
            with self._built:
                self.state = BuildState(number, ok, report, scos, round(time.monotonic() - started, 2),
                                        converter.stats.converted)
                self._built.notify_all()
            return self.state

    def state_after(self, number: int, timeout: float) -> BuildState:
        """The first state newer than build `number`, as soon as there is one; the current state
        after `timeout` seconds without a build."""
        with self._built:
            self._built.wait_for(lambda: self.state.number > number, timeout)
            return self.state
