"""A failing, throwing or slow LMS: the course keeps working, the learner is told, and once a commit
succeeds the LMS holds everything the learner did. No LMS at all: standalone mode."""
from __future__ import annotations

import json

import pytest

from player_steps import exit_course, page_number, read_to_end, take_test
from support import launch_data

pytestmark = pytest.mark.playback
WARNING = "kunde inte sparas"
RECOVERED = "sparade igen"


@pytest.mark.parametrize("fault", ["setvalue-false:3", "setvalue-throw:3", "commit-false:2", "commit-throw:2"])
def test_a_failing_lms_warns_retries_and_ends_up_with_everything(play, build, fault):
    zip_path = build()
    data = launch_data(zip_path)
    notes = []

    def learner(session):
        frame = session.launch()
        notice = frame.locator("#sb-notice")
        notice.get_by_text(WARNING).wait_for()
        notes.append(notice.inner_text())
        frame.get_by_role("button", name="Nästa").click()  # the course keeps working meanwhile
        notice.get_by_text(RECOVERED).wait_for(timeout=10_000)
        notes.append(notice.inner_text())
        read_to_end(frame)
        take_test(frame, data, right=True)
        session.page.wait_for_timeout(300)
        session.close_abruptly()  # no exit button: the pagehide finish must carry the rest

    run = play(zip_path, learner, faults=[fault])
    assert run.errors == [], run.errors
    assert run.violations == [], run.violations
    assert WARNING in notes[0] and RECOVERED in notes[1] and WARNING not in notes[1]
    (launch,) = run.launches
    assert any(c.get("fault") for c in launch.calls)
    cmi = run.cmi
    assert cmi["cmi.core.lesson_status"] == "passed" and cmi["cmi.core.score.raw"] == "100"
    assert cmi["cmi.interactions._count"] == "3"
    state = json.loads(cmi["cmi.suspend_data"])
    assert len(state["k"].split(",")) == 5 and state["t"] == [100, 1]


def test_a_slow_lms_does_not_hold_the_learner_up(play, build):
    zip_path = build()
    data = launch_data(zip_path)

    def learner(session):
        frame = session.launch()
        read_to_end(frame)
        take_test(frame, data, right=True)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner, faults=["delay:100"])
    assert run.errors == [] and run.violations == []
    (launch,) = run.launches
    commits = sum(c["fn"] == "LMSCommit" for c in launch.calls)
    assert commits <= 4, commits  # debounced: not one per click
    assert run.cmi["cmi.core.lesson_status"] == "passed"


# Watches the SCO page from its first byte: when a page first shows, the longest task (a task
# that holds the page's one thread, as a synchronous LMS call does), whether "saving" showed, and
# what the closing screen said first.
WATCH = """
if (location.pathname.startsWith('/pkg/')) {
  const w = window.__watch = { first: null, longest: 0, saving: false, closing: null };
  new PerformanceObserver((list) => list.getEntries().forEach((e) => { w.longest = Math.max(w.longest, e.duration); }))
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (w.first === null && document.querySelector('section.sb-page:not([hidden])')) w.first = performance.now();
    if (document.querySelector('.sb-note-saving')) w.saving = true;
    const done = document.querySelector('.sb-done p');
    if (done && w.closing === null) w.closing = done.textContent;
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
}
"""


def test_a_slow_lms_never_freezes_the_course_and_loses_nothing(play, build):
    """Every API call takes 500 ms (a real LMS took 3 s). The first page shows after LMSInitialize
    alone, no task holds the page for more than one call, so clicks and Avsluta answer at once,
    the learner sees that saving is under way, and the LMS ends up with everything."""
    delay = 500
    zip_path = build()
    seen = {}

    def learner(session):
        session.context.add_init_script(WATCH)
        frame = session.launch()
        frame.get_by_role("button", name="Nästa").click()
        frame.get_by_role("radio", name="020-50 50 50").check()
        frame.get_by_role("button", name="Kontrollera svar").click()
        read_to_end(frame)
        frame.get_by_role("button", name="Avsluta").click()
        frame.locator(".sb-done p", has_text="är sparade").wait_for(timeout=30_000)
        seen.update(frame.evaluate("window.__watch"))
        session.unload()

    run = play(zip_path, learner, faults=[f"delay:{delay}"])
    assert run.errors == [] and run.violations == [], (run.errors, run.violations)
    assert seen["first"] < 4 * delay, seen  # was after LMSInitialize and eight reads
    assert seen["longest"] < 2.5 * delay, seen  # one call and some slack; was a whole commit round (4 calls)
    assert seen["saving"] and "Sparar" in seen["closing"], seen
    cmi = run.cmi
    assert cmi["cmi.core.lesson_status"] == "incomplete" and cmi["cmi.core.exit"] == "suspend"
    assert cmi["cmi.core.lesson_location"] == "slutprov-1"
    state = json.loads(cmi["cmi.suspend_data"])
    assert len(state["k"].split(",")) == 5 and list(state["q"]["k"].values()) == ["a"]


def test_avsluta_before_a_slow_lms_has_answered_keeps_the_closing_screen_and_the_bookmark(play, build):
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa").click()
        frame.get_by_role("button", name="Nästa").click()
        session.close_abruptly()
        frame = session.launch()  # every call is slow now: Avsluta comes before the reads are in
        frame.get_by_role("button", name="Avsluta").click()
        frame.locator(".sb-done p", has_text="är sparade").wait_for(timeout=30_000)
        seen["pages shown"] = frame.locator("section.sb-page:not([hidden])").count()
        seen["offer"] = frame.get_by_role("button", name="Fortsätt där jag var").count()
        session.unload()

    run = play(zip_path, learner, faults=["delay:300"])
    assert run.errors == [] and run.violations == [], (run.errors, run.violations)
    assert seen == {"pages shown": 0, "offer": 0}
    second = run.launches[1]
    assert second.cmi["cmi.core.exit"] == "suspend"
    assert len(json.loads(second.cmi["cmi.suspend_data"])["k"].split(",")) == 3  # the first launch's pages kept


def test_a_slow_lms_offers_to_resume_once_it_has_answered_without_moving_the_page(play, build):
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa").click()
        frame.get_by_role("button", name="Nästa").click()
        session.close_abruptly()
        frame = session.launch()
        seen["at once"] = page_number(frame)
        frame.get_by_role("button", name="Fortsätt där jag var").wait_for(timeout=20_000)
        seen["offered on"] = page_number(frame)
        seen["focus"] = frame.evaluate("document.activeElement.textContent")
        frame.get_by_role("button", name="Fortsätt där jag var").click()
        seen["resumed"] = page_number(frame)
        session.unload()

    run = play(zip_path, learner, faults=["delay:200"])
    assert run.errors == [] and run.violations == [], (run.errors, run.violations)
    assert seen["at once"] == seen["offered on"] == "Sida 1 av 5" and seen["resumed"] == "Sida 3 av 5", seen
    assert seen["focus"] != "Fortsätt där jag var"  # the offer does not pull the focus from the reader


def test_an_lms_without_lmsfinish_gets_a_last_commit_and_the_learner_is_told_it_was_saved(play, build):
    """A real LMS's API had no LMSFinish, and the closing screen said nothing was saved although
    every value had reached it through commits."""
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.evaluate("() => { parent.API.LMSFinish = undefined; }")
        frame.get_by_role("button", name="Nästa").click()
        exit_course(frame)
        seen["closed"] = frame.locator(".sb-done p").inner_text()
        session.unload()

    run = play(zip_path, learner)
    assert run.errors == [], run.errors
    assert [v["rule"] for v in run.violations] == ["no-finish"], run.violations
    assert "är sparade" in seen["closed"], seen
    (launch,) = run.launches
    assert [c["fn"] for c in launch.calls][-1] == "LMSCommit"
    assert [c["args"][0] for c in launch.calls[-3:-1]] == ["cmi.core.exit", "cmi.core.session_time"]
    assert run.cmi["cmi.core.lesson_location"] == "l01-forsta-2" and run.cmi["cmi.core.exit"] == "suspend"


def test_initialize_false_keeps_the_course_working_and_tells_the_learner(play, build):
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.locator("#sb-notice").get_by_text(WARNING).wait_for()
        frame.get_by_role("button", name="Nästa").click()
        frame.get_by_role("button", name="Nästa").click()
        seen["page"] = page_number(frame)
        exit_course(frame)
        seen["closed"] = frame.locator(".sb-done").inner_text()
        session.unload()

    run = play(zip_path, learner, faults=["initialize-false"])
    assert run.errors == []
    # No session ever opened, so LMSFinish would itself break the rules (301); the runtime's
    # "no-finish" rule does not yet make that exception.
    assert [v["rule"] for v in run.violations] in ([], ["no-finish"]), run.violations
    assert seen["page"] == "Sida 3 av 5"
    assert "kunde inte sparas" in seen["closed"]  # the closing page does not claim it was saved
    fns = {c["fn"] for c in run.launches[0].calls}
    assert fns <= {"LMSInitialize", "LMSGetLastError"}, fns  # nothing else before a session exists


def test_standalone_keeps_progress_in_the_browser_and_says_results_are_not_recorded(play, build):
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        seen["note"] = frame.locator("#sb-notes").inner_text()
        seen["live"] = frame.locator("#sb-notice").inner_text()   # later notices must not re-read it
        frame.get_by_role("button", name="Nästa").click()
        frame.get_by_role("button", name="Nästa").click()
        session.close_abruptly()
        frame = session.launch()
        frame.get_by_role("button", name="Fortsätt där jag var").click()
        seen["page"] = page_number(frame)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner, launch="standalone")
    assert run.errors == [], run.errors
    assert "registreras inte" in seen["note"] and seen["live"] == ""
    assert seen["page"] == "Sida 3 av 5"
