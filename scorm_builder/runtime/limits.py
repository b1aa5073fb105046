"""Limits on one `play`: time per launch and per run, calls recorded per launch, browser memory.

A package's script can spin forever, and while it spins its page answers nothing, so a Playwright
call into that page never returns and no timeout inside the page can help. The `Watchdog` thread
watches the clock from outside: past a deadline it kills the browser's renderer processes, which
makes the pending call fail at once; playback then reports a `time-limit` finding and goes on
(the next SCO) or stops (the run). The memory bound is a V8 heap flag (runtime/browser.py), the
call cap lives in conformance.js.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Limits:
    run_seconds: float = 600.0      # the whole run: every launch of every SCO
    launch_seconds: float = 180.0   # one launch, from opening the SCO until the LMS has its report
    calls: int = 10_000             # API calls recorded per launch; more is flagged, not recorded
    heap_mb: int = 512              # V8 heap per page, for a browser that play() starts itself

    def __post_init__(self):
        if self.run_seconds <= 0 or self.launch_seconds <= 0 or self.calls < 1 or self.heap_mb < 16:
            raise ValueError("limits must be positive")

    @property
    def wait_ms(self) -> float:
        """How long a launch waits for the SCO to load or go away: at most half the launch's
        time, so a SCO that never loads is reported as such, before the launch limit."""
        return min(10_000.0, self.launch_seconds * 500)

    @property
    def page_timeout_ms(self) -> float:
        """Playwright's default wait: never longer than a launch may take."""
        return min(30_000.0, self.launch_seconds * 1000)


class Watchdog:
    """Kills the pages' renderers when the launch or the run outlives its limit; `fired` says which."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.fired: str | None = None          # "launch" or "run" once a limit was hit
        self._run_deadline = time.monotonic() + limits.run_seconds
        self._launch_deadline: float | None = None
        self._wake = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._watch, name="sb-play-watchdog", daemon=True)

    def __enter__(self) -> "Watchdog":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop = True
        self._wake.set()
        self._thread.join(timeout=5)

    def start_launch(self) -> None:
        if self.fired == "launch":
            self.fired = None
        self._launch_deadline = time.monotonic() + self.limits.launch_seconds
        self._wake.set()

    def end_launch(self) -> None:
        self._launch_deadline = None

    @property
    def run_over(self) -> bool:
        return self.fired == "run"

    def _watch(self) -> None:
        while not self._stop:
            now = time.monotonic()
            deadlines = [d for d in (self._run_deadline, self._launch_deadline) if d is not None]
            due = min(deadlines)
            if now >= due:
                self.fired = "run" if now >= self._run_deadline else "launch"
                self._launch_deadline = None
                kill_renderers()
                if self.fired == "run":
                    return
                continue
            self._wake.wait(timeout=min(due - now, 1.0))
            self._wake.clear()


def kill_renderers(root: int | None = None) -> int:
    """SIGKILL every Chromium renderer below this process; how many. Linux reads /proc; elsewhere
    nothing is killed and only Playwright's own timeouts bound the run (docs/playback.md)."""
    if not PROC.is_dir():
        return 0
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    killed, todo = 0, list(children.get(root or os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            if b"--type=renderer" in (PROC / str(pid) / "cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
                killed += 1
        except OSError:
            continue
    return killed
