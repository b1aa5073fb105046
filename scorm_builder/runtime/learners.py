"""Learner scripts: how a scripted learner goes through one SCO.

A learner is a function `learner(session)` called once per SCO (see session.py and
docs/playback.md). Register your own with `@register("name")`, or pass the function to `play()`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from scorm_builder.runtime.session import Session

LEARNERS: dict[str, Callable[[Session], None]] = {}


def register(name: str):
    def deco(fn):
        LEARNERS[name] = fn
        return fn
    return deco


class UnknownLearner(KeyError):
    """No built-in or registered learner has this name."""


def resolve_learner(learner, package_dir: Path, scos) -> tuple[Callable[[Session], None], str]:
    """(script, name) for a name, a callable, or "auto" (reads-everything for our packages)."""
    if callable(learner):
        return learner, getattr(learner, "__name__", "custom")
    if learner == "auto":
        launch_page = package_dir / scos[0].href.split("?")[0]
        ours = launch_page.is_file() and b'id="sb-data"' in launch_page.read_bytes()
        learner = "reads-everything" if ours else "launch-and-exit"
    if learner not in LEARNERS:
        raise UnknownLearner(learner)
    return LEARNERS[learner], learner


@register("launch-and-exit")
def launch_and_exit(session: Session) -> None:
    """Any SCORM 1.2 package: launch, wait for LMSInitialize, let it run, leave by navigating away."""
    session.launch()
    session.wait_for_call("LMSInitialize")
    session.page.wait_for_timeout(300)
    session.screenshot(session.sco.identifier)
    session.unload()
