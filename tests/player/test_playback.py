"""The player in the playback runtime: launch modes, exit, resume after an abrupt close, status
rules and the size budget. Each run must be free of console errors and conformance violations."""
from __future__ import annotations

import gzip
import json
import re

import pytest

from player_steps import COURSE, exit_course, go_to, page_number, read_to_end, sets, take_test
from support import launch_data
from scorm_builder.render.pages import player_css, player_script
from scorm_builder.runtime.profiles import Student

pytestmark = pytest.mark.playback
TIMESPAN = re.compile(r"^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$")


def clean(run):
    assert run.errors == [], run.errors
    assert run.violations == [], run.violations


def test_player_js_and_css_stay_under_20_kb_gzipped():
    """As packaged: without the comments that stand on lines of their own."""
    size = len(gzip.compress((player_script() + player_css()).encode(), 9))
    assert size < 20 * 1024, size


@pytest.mark.parametrize("mode", ["iframe", "frames", "popup"])
def test_a_learner_reads_everything_passes_and_exits(play, build, mode):
    zip_path = build()
    data = launch_data(zip_path)
    shown = {}

    def learner(session):
        frame = session.launch()
        shown["first"] = page_number(frame)
        shown["name"] = frame.locator(".sb-learner").inner_text()
        read_to_end(frame)
        take_test(frame, data, right=True)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner, launch=mode)
    clean(run)
    assert shown == {"first": "Sida 1 av 5", "name": "Inloggad: Anna Andersson"}
    cmi = run.cmi
    assert cmi["cmi.core.lesson_status"] == "passed"
    assert (cmi["cmi.core.score.raw"], cmi["cmi.core.score.min"], cmi["cmi.core.score.max"]) == ("100", "0", "100")
    assert cmi["cmi.core.exit"] == ""
    assert cmi["cmi.objectives.0.id"] == "slutprov" and cmi["cmi.objectives.0.status"] == "passed"
    assert cmi["cmi.interactions._count"] == "3"
    (launch,) = run.launches
    fns = [c["fn"] for c in launch.calls]
    assert fns[0] == "LMSInitialize" and fns[-1] == "LMSFinish" and fns.count("LMSFinish") == 1
    assert fns[-3:-1] == ["LMSSetValue", "LMSSetValue"]
    assert [c["args"][0] for c in launch.calls[-3:-1]] == ["cmi.core.exit", "cmi.core.session_time"]
    assert all(TIMESPAN.match(t) for t in sets(launch, "cmi.core.session_time"))
    assert len(sets(launch, "cmi.core.session_time")) == 1
    assert "not attempted" not in sets(launch, "cmi.core.lesson_status")
    assert max(len(s) for s in sets(launch, "cmi.suspend_data")) <= 4096


@pytest.mark.parametrize("mode", ["iframe", "popup"])
def test_abrupt_close_resumes_at_the_same_page_with_answers_kept(play, build, mode):
    zip_path = build()
    data = launch_data(zip_path)
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa").click()
        frame.get_by_role("radio", name="020-50 50 50").check()
        frame.get_by_role("button", name="Kontrollera svar").click()
        take_test(frame, data, submit=False, only=2)
        seen["before"] = page_number(frame)
        session.close_abruptly()

        frame = session.launch()
        seen["offer"] = frame.locator("#sb-notice").inner_text()
        frame.get_by_role("button", name="Fortsätt där jag var").click()
        seen["after"] = page_number(frame)
        seen["focused"] = frame.evaluate("document.activeElement.tagName")
        groups = frame.locator("section.sb-test").get_by_role("group")
        seen["answered"] = [groups.nth(i).locator("input:checked").count() > 0 for i in range(groups.count())]
        frame.get_by_role("button", name="Föregående").click()
        frame.get_by_role("button", name="Föregående").click()
        frame.get_by_role("button", name="Föregående").click()
        seen["check"] = frame.get_by_role("radio", name="020-50 50 50").is_checked()
        session.unload()

    run = play(zip_path, learner, launch=mode)
    clean(run)
    first, second = run.launches
    assert first.ended_by == "abrupt" and first.cmi["cmi.core.exit"] == "suspend"
    assert second.entry == "resume"
    assert "Välkommen tillbaka" in seen["offer"]
    assert seen["after"] == seen["before"] == "Sida 5 av 5" and seen["focused"] == "H1"
    assert seen["answered"] == [True, True, False] and seen["check"] is True
    state = json.loads(run.cmi["cmi.suspend_data"])
    assert state["t"] is None  # the test was never submitted: no score yet
    assert run.cmi["cmi.core.lesson_status"] == "incomplete" and run.cmi["cmi.core.score.raw"] == ""


def test_start_over_goes_to_the_first_page_and_keeps_progress(play, build):
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        read_to_end(frame)
        session.unload()
        frame = session.launch()
        frame.get_by_role("button", name="Börja om").click()
        seen["page"] = page_number(frame)
        seen["progress"] = frame.get_by_role("progressbar").get_attribute("aria-valuenow")
        session.unload()

    run = play(zip_path, learner)
    clean(run)
    assert seen == {"page": "Sida 1 av 5", "progress": "100"}
    assert run.cmi["cmi.core.lesson_location"] == "l01-forsta-1"


def test_a_failed_retake_never_lowers_a_pass_and_the_best_score_is_reported(play, build):
    zip_path = build()
    data = launch_data(zip_path)

    def learner(session):
        frame = session.launch()
        read_to_end(frame)
        take_test(frame, data, right=True)
        take_test(frame, data, right=False)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner)
    clean(run)
    assert run.cmi["cmi.core.lesson_status"] == "passed"
    assert run.cmi["cmi.core.score.raw"] == "100"
    assert run.cmi["cmi.interactions._count"] == "6"
    assert len({run.cmi[f"cmi.interactions.{i}.id"] for i in range(6)}) == 6


def test_pages_and_test_passes_only_once_every_page_was_seen(play, build):
    zip_path = build()
    data = launch_data(zip_path)
    during = {}

    def learner(session):
        frame = session.launch()
        take_test(frame, data, right=True)  # pages 2-4 not seen yet
        session.wait_for_call("LMSCommit")
        session.page.wait_for_timeout(600)  # past the commit debounce
        calls = [c for c in session.calls() if c["fn"] == "LMSSetValue"]
        during["status"] = [c["args"][1] for c in calls if c["args"][0] == "cmi.core.lesson_status"]
        during["raw"] = [c["args"][1] for c in calls if c["args"][0] == "cmi.core.score.raw"]
        during["objective"] = [c["args"][1] for c in calls if c["args"][0] == "cmi.objectives.0.status"]
        go_to(frame, "Sida ett")
        read_to_end(frame)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner)
    clean(run)
    # No raw score yet: the LMS's mastery rule would turn it into passed at finish.
    assert during == {"status": ["incomplete"], "raw": [], "objective": ["passed"]}
    assert run.cmi["cmi.core.lesson_status"] == "passed" and run.cmi["cmi.core.score.raw"] == "100"


def test_failing_the_test_reports_failed_and_exits_without_suspend(play, build):
    zip_path = build()
    data = launch_data(zip_path)

    def learner(session):
        frame = session.launch()
        read_to_end(frame)
        take_test(frame, data, right=False)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner, lms="moodle")
    clean(run)
    assert run.cmi["cmi.core.lesson_status"] == "failed"
    assert run.cmi["cmi.core.score.raw"] == "0"
    assert run.cmi["cmi.objectives.0.status"] == "failed"


def test_pages_completion_without_a_test(play, build):
    zip_path = build({"course.yml": """\
        id: sidor
        title: Sidkurs
        version: "1.0"
        description: Bara sidor.
        lessons:
          - 01-forsta
          - 02-andra
        """})

    def learner(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa").click()
        session.close_abruptly()
        frame = session.launch()
        frame.get_by_role("button", name="Fortsätt där jag var").click()
        read_to_end(frame)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner)
    clean(run)
    assert run.launches[0].cmi["cmi.core.lesson_status"] == "incomplete"
    assert run.cmi["cmi.core.lesson_status"] == "completed"
    assert run.cmi["cmi.core.score.raw"] == "" and run.cmi["cmi.core.exit"] == ""


def test_the_learners_name_is_shown_as_text_never_as_html(play, build):
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        seen["text"] = frame.locator(".sb-learner").inner_text()
        seen["elements"] = frame.locator(".sb-learner *").count()
        session.unload()

    run = play(zip_path, learner, student=Student(first_name="<img src=x onerror=alert(1)>", last_name="<b>A</b>"))
    clean(run)
    assert seen == {"text": "Inloggad: <img src=x onerror=alert(1)> <b>A</b>", "elements": 0}


def test_a_new_build_keeps_the_pages_seen_and_the_place_by_key(play, build, tmp_path):
    record = tmp_path / "record.json"

    def first(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa").click()
        frame.get_by_role("button", name="Nästa").click()
        session.close_abruptly()

    run = play(build(), first, record=record)
    clean(run)
    seen = {}

    def second(session):
        frame = session.launch()
        frame.get_by_role("button", name="Fortsätt där jag var").click()
        seen["page"] = page_number(frame)
        seen["heading"] = frame.evaluate("document.activeElement.textContent")
        seen["progress"] = frame.get_by_role("progressbar").get_attribute("aria-valuetext")
        session.unload()

    # The new build has a page before all others and different text on page two.
    changed = COURSE["lessons/01-forsta.md"].replace("# Sida ett", "# Ny sida\n\n        Ny.\n\n        # Sida ett")
    changed = changed.replace("Vilket nummer", "Vilket telefonnummer")
    run = play(build({"lessons/01-forsta.md": changed}, name="kurs2"), second, record=record)
    clean(run)
    assert seen == {"page": "Sida 4 av 6", "heading": "Sida tre", "progress": "3 av 6 sidor lästa"}
