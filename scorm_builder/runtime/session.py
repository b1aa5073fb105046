"""A learner's session: launches of the current SCO in the LMS page, and what each recorded.

Learner scripts receive a `Session`. They call `launch()` to get the SCO's Playwright `Frame`,
drive it, and end the launch with `unload()` (the LMS takes the SCO away, as after a normal exit)
or `close_abruptly()` (window closed / frame removed, no beforeunload). Whatever the LMS recorded
is applied to the learner record through the LMS profile when the launch ends.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from scorm_builder.runtime import a11y, photos
from scorm_builder.runtime.profiles import Profile, Student
from scorm_builder.runtime.record import LearnerRecord
from scorm_builder.runtime.scos import Sco

LAUNCH_MODES = ("iframe", "frames", "popup", "standalone")
TIMEOUT_MS = 10_000
MAX_ERRORS_PER_KIND = 100   # a SCO that logs errors in a loop is shown this many, then one line


def add_error(errors: list, kind: str, message: str, url: str = "") -> None:
    """Append a run error, at most MAX_ERRORS_PER_KIND of a kind, then one "more not shown"."""
    same = sum(1 for e in errors if e["kind"] == kind)
    if same < MAX_ERRORS_PER_KIND:
        errors.append({"kind": kind, "message": message, "url": url})
    elif same == MAX_ERRORS_PER_KIND:
        errors.append({"kind": kind, "message": f"... more {kind} errors not shown", "url": ""})


@dataclass
class LaunchResult:
    """One launch of one SCO: the transcript, the violations, and the cmi the LMS recorded."""
    number: int
    sco: str
    mode: str
    entry: str
    calls: list = field(default_factory=list)
    violations: list = field(default_factory=list)
    cmi: dict = field(default_factory=dict)        # the LMS record after this launch (profile applied)
    live_cmi: dict = field(default_factory=dict)   # the API's state when the launch ended
    finished: bool = False                         # LMSFinish succeeded
    ended_by: str = ""                             # "unload" or "abrupt"
    screenshots: list = field(default_factory=list)
    a11y: list = field(default_factory=list)       # axe results per page photographed (runtime/a11y.py)


class Session:
    def __init__(self, *, context, origin: str, scos: list[Sco], mode: str, profile: Profile,
                 record: LearnerRecord, faults: dict, report_dir: Path | None, errors: list,
                 student: Student | None = None, max_calls: int = 10_000, watchdog=None,
                 learner_name: str = "custom", timeout_ms: float = TIMEOUT_MS):
        self.context = context
        self.origin = origin
        self.scos = scos
        self.sco: Sco = scos[0]
        self.mode = mode
        self.profile = profile
        self.record = record
        self.faults = faults
        self.report_dir = report_dir
        self.errors = errors
        self.student = student or Student()
        self.max_calls = max_calls
        self.learner_name = learner_name
        self.timeout_ms = timeout_ms   # for the SCO to load or go away
        self.watchdog = watchdog       # limits.Watchdog: when it fired, a dead page is its doing
        self.crashed = False           # a page of the open launch crashed (out of memory, killed)
        self.launches: list[LaunchResult] = []
        self.frame = None      # the SCO's Frame during a launch
        self.page = None       # the Page showing the SCO (harness page, popup, or standalone page)
        self._harness = None
        self._current: LaunchResult | None = None
        self._start_cmi: dict = {}
        self._shots = 0

    # ---- launching -------------------------------------------------------------------------

    def launch(self):
        """Open the current SCO as the LMS would; returns its Frame once it has loaded."""
        if self._current is not None:
            self.unload()
        if self.watchdog is not None:
            self.watchdog.start_launch()
        self.crashed = False
        stored = self.record.get(self.sco.identifier)
        preset, self._start_cmi = self.profile.preset(stored, self.sco, self.student)
        url = "/pkg/" + self.sco.href
        self._current = LaunchResult(number=len(self.launches) + 1, sco=self.sco.identifier, mode=self.mode,
                                     entry=self._start_cmi["cmi.core.entry"])
        if self.mode == "standalone":
            self.page = self._new_page()
            self.page.goto(self.origin + url)
            self.frame = self.page.main_frame
            return self.frame
        if self._harness is None or self._harness.is_closed():
            self._harness = self._new_page()
            self._harness.goto(self.origin + "/lms/harness.html")
        options = {"url": url, "mode": self.mode, "preset": preset, "faults": self.faults, "maxCalls": self.max_calls}
        if self.mode == "popup":
            with self._harness.expect_popup(timeout=self.timeout_ms) as info:
                self._harness.evaluate("o => SBH.start(o)", options)
            self.page = info.value
            self._watch(self.page)
            self.page.wait_for_load_state("load")
            self.frame = self.page.main_frame
        else:
            self._harness.evaluate("o => SBH.start(o)", options)
            self.page = self._harness
            self.frame = self._wait_for_sco_frame()
        return self.frame

    def _new_page(self):
        page = self.context.new_page()
        self._watch(page)
        return page

    def _watch(self, page) -> None:
        def console(msg):
            if msg.type == "error":
                add_error(self.errors, "console", msg.text[:1000], msg.location.get("url", ""))

        def crash(crashed_page):
            self.crashed = True
            if self.watchdog is None or not self.watchdog.fired:  # a time limit reports itself
                add_error(self.errors, "crash", f"{self.sco.identifier}: {crashed_page.url}", crashed_page.url)
        page.on("console", console)
        page.on("pageerror", lambda exc: add_error(self.errors, "console", str(exc)[:1000], page.url))
        page.on("crash", crash)

    def _wait_for_sco_frame(self):
        prefix = self.origin + "/pkg/"
        deadline = time.monotonic() + self.timeout_ms / 1000
        while time.monotonic() < deadline:
            for frame in self._harness.frames:
                if frame.url.startswith(prefix):
                    frame.wait_for_load_state("load")
                    return frame
            self._harness.wait_for_timeout(25)
        raise TimeoutError(f"the SCO {self.sco.href} did not load within {self.timeout_ms:g} ms")

    # ---- ending a launch -------------------------------------------------------------------

    def unload(self) -> LaunchResult:
        """End the launch the way an LMS does after the learner leaves: navigate the SCO away."""
        return self._end("unload")

    def close_abruptly(self) -> LaunchResult:
        """End the launch without an exit: close the window / remove the frame (no beforeunload)."""
        return self._end("abrupt")

    def _end(self, how: str) -> LaunchResult:
        result = self._current
        if result is None:
            raise RuntimeError("no launch is open")
        result.ended_by = how
        if self.mode == "standalone":
            if how == "abrupt":
                self.page.close()
            else:
                self.page.goto("about:blank")
            report = None
        else:
            if how == "abrupt" and self.mode == "popup":
                self.page.close()
            else:
                self._harness.evaluate("SBH.unload()" if how == "unload" else "SBH.remove()")
            self._harness.wait_for_function("SBH.gone()", timeout=self.timeout_ms)
            report = self._harness.evaluate("SBH.end()")
        self._record(result, report)
        return self._close_launch(result)

    def abandon(self, why: str) -> LaunchResult:
        """End a launch whose page is dead or hung (crash, time limit): the LMS got no report, so
        the record stays as it was; the next launch opens a fresh LMS page."""
        result = self._current
        result.ended_by = why
        result.cmi = dict(self._start_cmi)
        for page in {self.page, self._harness} - {None}:
            try:
                page.close()
            except Exception:  # noqa: BLE001 - a crashed page may refuse even to close
                pass
        self._harness = None
        return self._close_launch(result)

    def _close_launch(self, result: LaunchResult) -> LaunchResult:
        if self.watchdog is not None:
            self.watchdog.end_launch()
        self.launches.append(result)
        self._current = None
        self.frame = None
        return result

    def _record(self, result: LaunchResult, report: dict | None) -> None:
        if report is None:  # standalone: no API, nothing recorded
            result.cmi = dict(self._start_cmi)
            return
        result.calls = report["calls"]
        result.violations = report["violations"]
        result.live_cmi = report["cmi"] or {}
        result.finished = report["finishCmi"] is not None
        if report["finishCmi"] is not None:
            result.cmi = self.profile.at_finish(report["finishCmi"])
        elif report["commitCmi"] is not None:
            result.cmi = dict(report["commitCmi"])
        else:
            result.cmi = dict(self._start_cmi)
            return
        self.record.store(self.sco.identifier, result.cmi)

    @property
    def entry(self) -> str | None:
        """cmi.core.entry of the open launch (what the LMS told the SCO)."""
        return self._current.entry if self._current else None

    @property
    def launching(self) -> bool:
        return self._current is not None

    # ---- helpers for learner scripts -------------------------------------------------------

    def calls(self) -> list:
        """The calls of the open launch so far."""
        if self._current is None or self.mode == "standalone":
            return []
        return self._harness.evaluate("SBH.report().calls")

    def wait_for_call(self, fn: str, timeout_ms: int = 5000) -> bool:
        """Wait until the SCO has made a call to `fn` in this launch (never, standalone)."""
        if self.mode == "standalone":
            return False
        deadline = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            if any(c["fn"] == fn for c in self.calls()):
                return True
            self.page.wait_for_timeout(50)
        return False

    def course_data(self) -> dict | None:
        """The course data of the launched page (`#sb-data` and its course file, render/chunks.py),
        or None for third-party content."""
        return self.frame.evaluate(
            "() => { const el = document.getElementById('sb-data');"
            " return el ? Object.assign(JSON.parse(el.textContent), window.SB && SB.course) : null; }")

    def screenshot(self, label: str) -> Path | None:
        """Photograph what the learner sees now, full length at desktop and phone width (the
        desktop PNG is returned), when a report directory was given."""
        if self.report_dir is None or self._current is None:
            return None
        self._shots += 1
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-")[:60] or "page"
        desktop, phone = photos.photograph(self.page, self.frame,
                                           self.report_dir / f"{self._current.number:02d}-{self._shots:03d}-{slug}")
        self._current.screenshots.append(desktop)
        a11y.record(self.frame, self._current, label, desktop, phone)
        return self.report_dir / desktop

    def expect(self, ok: bool, message: str) -> bool:
        """Record an outcome that contradicts what the learner did (makes the run fail)."""
        if not ok:
            add_error(self.errors, "outcome", message)
        return ok
