"""`play()`: extract a package, serve it on loopback, run a learner script per SCO, return a `Run`.

A `Run` holds every launch (transcript, violations, recorded cmi), the run's errors (console
errors, blocked external requests, outcomes that contradict the learner, crashes, time limits)
and, with `report_dir`, the JUnit XML, the JSON transcript and one PNG per page visited.
The package is untrusted: see browser.py for its isolation and limits.py for its limits.
"""
from __future__ import annotations

import tempfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from scorm_builder.runtime.faults import parse_faults
from scorm_builder.runtime.limits import Limits, Watchdog
from scorm_builder.runtime.profiles import PROFILES, Student
from scorm_builder.runtime.record import LearnerRecord
from scorm_builder.runtime.scos import UnusablePackage, extract, read_scos
from scorm_builder.runtime.server import PlaybackServer
from scorm_builder.runtime.session import LAUNCH_MODES, LaunchResult, Session, add_error


@dataclass
class Run:
    package: str
    learner: str
    mode: str
    lms: str
    launches: list[LaunchResult] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    faults: dict = field(default_factory=dict)
    record: dict = field(default_factory=dict)

    @property
    def calls(self) -> list[dict]:
        """Every call of every launch, each tagged with its launch number."""
        return [{**c, "launch": l.number} for l in self.launches for c in l.calls]

    @property
    def violations(self) -> list[dict]:
        return [{**v, "launch": l.number} for l in self.launches for v in l.violations]

    @property
    def cmi(self) -> dict:
        """What the LMS recorded after the last launch."""
        return self.launches[-1].cmi if self.launches else {}

    @property
    def ok(self) -> bool:
        return not self.errors and not self.violations


def play(package, learner: str | Callable = "auto", *, launch: str = "iframe", lms: str = "strict",
         report_dir=None, faults=None, browser=None, record=None, student: Student | None = None,
         limits: Limits | None = None) -> Run:
    """Play `package` (a SCORM 1.2 zip) as `learner`; see docs/playback.md.

    `browser` is an open Playwright Browser to reuse (the pytest fixture passes one); without it a
    Chromium is started and closed here. `record` is a LearnerRecord or a JSON path, to carry the
    LMS's data across runs. `limits` bounds time and recorded calls (limits.Limits defaults).
    Raises UnusablePackage for input that cannot be played, ChromiumMissing / ChromiumFailed
    when there is no browser to play it in, NotOurPackage when the learner needs our player.
    """
    from scorm_builder.runtime.learners import resolve_learner

    if launch not in LAUNCH_MODES:
        raise ValueError(f"launch must be one of {LAUNCH_MODES}")
    profile = PROFILES[lms]
    faults = parse_faults(faults)
    record = record if isinstance(record, LearnerRecord) else LearnerRecord(record)
    report_dir = Path(report_dir) if report_dir else None
    if report_dir:
        report_dir.mkdir(parents=True, exist_ok=True)
    package = Path(package)
    limits = limits or Limits()
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sb-play-")))
        extract(package, work)
        scos = [s for s in read_scos(work) if s.scormtype == "sco"]
        if not scos:
            raise UnusablePackage("play.no_sco")
        script, name = resolve_learner(learner, work, scos)
        run = Run(package=str(package), learner=name, mode=launch, lms=lms, faults=faults)
        server = stack.enter_context(PlaybackServer(work))
        watchdog = stack.enter_context(Watchdog(limits))
        if browser is None:
            from playwright.sync_api import sync_playwright

            from scorm_builder.runtime.browser import launch_browser
            playwright = stack.enter_context(sync_playwright())
            browser = launch_browser(playwright, limits.heap_mb)
            stack.callback(_close_quietly, browser)
        from scorm_builder.runtime.browser import open_context

        def blocked(url: str) -> None:
            if not any(e["kind"] == "external-request" and e["url"] == url for e in run.errors):
                add_error(run.errors, "external-request", url, url)
        context = open_context(browser, server.origin, blocked)
        context.set_default_timeout(limits.page_timeout_ms)
        stack.callback(_close_quietly, context)
        session = Session(context=context, origin=server.origin, scos=scos, mode=launch, profile=profile,
                          record=record, faults=faults, report_dir=report_dir, errors=run.errors,
                          student=student, max_calls=limits.calls, watchdog=watchdog,
                          learner_name=name, timeout_ms=limits.wait_ms)
        for sco in scos:
            if watchdog.run_over or not browser.is_connected():
                break
            session.sco = sco
            _run_script(script, session, run, limits)
        _close_quietly(context)         # pages gone: the browser has sent its last CSP reports
        for url in server.csp_reports:  # what the browser refused, told by the browser itself
            blocked(url)
        run.launches = session.launches
        run.record = record.scos
    if report_dir:
        from scorm_builder.runtime.report import write_report
        write_report(run, report_dir)
    return run


def _close_quietly(context_or_browser) -> None:
    """Close it even when its pages crashed or were killed at a time limit (closing twice is fine)."""
    from playwright.sync_api import Error as PlaywrightError
    try:
        context_or_browser.close()
    except PlaywrightError:
        pass


def _run_script(script, session: Session, run: Run, limits: Limits) -> None:
    """Run the learner on the current SCO. When the page stops cooperating (a control that never
    appears, a SCO that never loads) that is a finding about the package, not a crash: it becomes
    a `learner` error with a screenshot, the launch is ended, and the next SCO still plays. A page
    that crashed, or that the watchdog killed at a time limit, is reported as such instead."""
    from playwright.sync_api import Error as PlaywrightError

    stuck = (PlaywrightError, TimeoutError, AssertionError)
    sco = session.sco.identifier
    try:
        script(session)
    except stuck as e:
        if not session.context.browser.is_connected():  # Chromium itself died: nothing more can play
            session.crashed = True
            add_error(run.errors, "crash", f"{sco}: Chromium closed ({type(e).__name__})")
        if not (session.crashed or session.watchdog.fired):
            first_line = (str(e).strip().splitlines() or [""])[0]
            add_error(run.errors, "learner", f"{sco}: {type(e).__name__}: {first_line}")
            try:
                session.screenshot("failure")
            except stuck:
                pass
    if session.launching and not (session.crashed or session.watchdog.fired):
        try:
            session.unload()
        except stuck as e:
            if not (session.crashed or session.watchdog.fired):
                add_error(run.errors, "learner", f"{sco}: {e}")
    fired = session.watchdog.fired
    if fired:
        seconds = limits.run_seconds if fired == "run" else limits.launch_seconds
        add_error(run.errors, "time-limit", f"{sco} ({fired} limit, {seconds:g} s)")
    if session.launching:
        session.abandon("time-limit" if fired else "crash")
