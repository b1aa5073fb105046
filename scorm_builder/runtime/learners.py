"""Learner scripts: how a scripted learner goes through one SCO.

A learner is a function `learner(session)` called once per SCO (see session.py and
docs/playback.md). Register your own with `@register("name")`, or pass the function to `play()`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from scorm_builder.i18n import t
from scorm_builder.runtime.our_player import NotOurPackage, OurPlayer, is_our_page
from scorm_builder.runtime.session import Session

__all__ = ["LEARNERS", "NotOurPackage", "OurPlayer", "register", "resolve_learner"]

LEARNERS: dict[str, Callable[[Session], None]] = {}
FOR_OUR_PLAYER: set[str] = set()   # learners that drive our player and so need our packages


def register(name: str, our_player: bool = False):
    """Register a learner by name; `our_player=True` when it needs a scorm-builder package."""
    def deco(fn):
        LEARNERS[name] = fn
        if our_player:
            FOR_OUR_PLAYER.add(name)
        return fn
    return deco


class UnknownLearner(KeyError):
    """No built-in or registered learner has this name."""


def resolve_learner(learner, package_dir: Path, scos) -> tuple[Callable[[Session], None], str]:
    """(script, name) for a name, a callable, or "auto" (reads-everything for our packages).
    A learner for our player on a third-party package raises NotOurPackage before anything runs."""
    if callable(learner):
        return learner, getattr(learner, "__name__", "custom")
    launch_page = package_dir / scos[0].href.split("?")[0]
    if learner == "auto":
        learner = "reads-everything" if is_our_page(launch_page) else "launch-and-exit"
    if learner not in LEARNERS:
        raise UnknownLearner(learner)
    if learner in FOR_OUR_PLAYER and not is_our_page(launch_page):
        raise NotOurPackage(learner, scos[0].href)
    return LEARNERS[learner], learner


@register("launch-and-exit")
def launch_and_exit(session: Session) -> None:
    """Any SCORM 1.2 package: launch, wait for LMSInitialize, let it run, leave by navigating away."""
    session.launch()
    session.wait_for_call("LMSInitialize")
    session.page.wait_for_timeout(300)
    session.screenshot(session.sco.identifier)
    session.unload()


def _finish_and_check(session: Session, player: OurPlayer, test_right: bool | None) -> None:
    """Exit through the player, let the LMS unload the SCO, check the status the LMS recorded."""
    if test_right is not None and player.data.get("test"):
        player.take_test(test_right)
    player.exit()
    result = session.unload()
    if test_right is None or session.mode == "standalone":  # standalone: no LMS, nothing recorded
        return
    wanted = ("passed" if test_right else "failed") if player.data.get("test") else "completed"
    got = result.cmi.get("cmi.core.lesson_status")
    session.expect(got == wanted, t("play.outcome.status", sco=session.sco.identifier, got=got, wanted=wanted))


@register("reads-everything", our_player=True)
def reads_everything(session: Session) -> None:
    """Every page in order; the test (if any) answered right; then Exit."""
    session.launch()
    player = OurPlayer(session)
    player.screenshot()
    player.read_pages()
    _finish_and_check(session, player, test_right=True if player.data.get("test") else None)


@register("passes", our_player=True)
def passes(session: Session) -> None:
    session.launch()
    player = OurPlayer(session)
    player.screenshot()
    player.read_pages()
    _finish_and_check(session, player, test_right=True)


@register("fails", our_player=True)
def fails(session: Session) -> None:
    session.launch()
    player = OurPlayer(session)
    player.screenshot()
    player.read_pages()
    _finish_and_check(session, player, test_right=False)


@register("keyboard-only", our_player=True)
def keyboard_only(session: Session) -> None:
    """Like `passes`, with Tab, Shift+Tab, Enter, Space and arrow keys only."""
    session.launch()
    player = OurPlayer(session, keyboard=True)
    player.screenshot()
    player.read_pages()
    _finish_and_check(session, player, test_right=True)


@register("leaves-midway-then-resumes", our_player=True)
def leaves_midway_then_resumes(session: Session) -> None:
    """Leave halfway with Exit; relaunch, accept the resume offer, check the page; then pass.

    Halfway is before the last page and before the test, so the SCO is unfinished and must
    suspend (NOTES.md section 10). The player offers to resume only away from the first page, so
    on a SCO of one or two pages (a multi-SCO lesson, the test SCO) the learner leaves on the
    first page and checks it is back there without an offer. A one-page SCO without a test is
    finished once shown: there is no midway, and the relaunch is just a second visit."""
    session.launch()
    player = OurPlayer(session)
    player.screenshot()
    page_ids = [p["id"] for p in player.data["pages"]]
    test = player.data.get("test")
    last = page_ids.index(test["page"]) if test else len(page_ids) - 1
    player.read_pages(last // 2)
    left_on = player.current_page()
    midway = left_on != page_ids[last] or bool(test)
    player.exit()
    session.unload()
    session.launch()
    player = OurPlayer(session)
    if midway:
        session.expect(session.entry == "resume", t("play.outcome.resume_entry", entry=session.entry or ""))
        if left_on != page_ids[0]:
            player.resume()
        back_on = player.current_page()
        session.expect(back_on == left_on, t("play.outcome.resume_page", back=back_on, left=left_on))
    player.read_pages()
    _finish_and_check(session, player, test_right=True)
