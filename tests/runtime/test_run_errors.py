"""Run errors (external requests, console errors, contradicted outcomes) and real persistence."""
from __future__ import annotations

import json

import pytest

from scorm_builder.runtime.record import LearnerRecord

pytestmark = pytest.mark.playback


def test_external_request_is_blocked_and_reported(play, test_sco):
    run = play(test_sco("?on=clean&external=1"), "launch-and-exit")
    external = [e for e in run.errors if e["kind"] == "external-request"]
    assert [e["url"] for e in external] == ["https://example.com/tracker.png"]
    assert not run.ok


def test_console_error_is_reported(play, test_sco):
    run = play(test_sco("?on=clean&console=1"), "launch-and-exit")
    assert {"kind": "console", "message": "test SCO: something broke"}.items() <= run.errors[0].items()
    assert run.violations == []


def test_contradicted_outcome_fails_the_run(play, test_sco):
    def learner(session):
        session.launch()
        result = session.unload()
        session.expect(result.cmi["cmi.core.lesson_status"] == "passed", "not passed")
    run = play(test_sco("?on=clean"), learner, lms="moodle", faults=["setvalue-false"])
    assert run.errors == [{"kind": "outcome", "message": "not passed", "url": ""}]


def test_record_file_carries_a_resume_across_two_runs(play, test_sco, tmp_path):
    """Real persistence: the second `play` (a new browser context) resumes from the JSON record."""
    store = tmp_path / "record.json"
    package = test_sco("?finish=pagehide")

    def leave(session):
        session.launch().evaluate("() => scoCall('LMSSetValue', 'cmi.core.lesson_location', 'p7')")
        session.close_abruptly()
    first = play(package, leave, record=store)
    saved = json.loads(store.read_text())["item_1"]
    assert saved["cmi.core.exit"] == "suspend" and saved["cmi.core.lesson_location"] == "p7"

    def come_back(session):
        session.launch().evaluate("() => ['cmi.core.entry', 'cmi.core.lesson_location'].map(e => scoCall('LMSGetValue', e))")
        session.unload()
    second = play(package, come_back, record=LearnerRecord(store))
    reads = [c["ret"] for c in second.calls if c["fn"] == "LMSGetValue"]
    assert reads == ["resume", "p7"] and second.launches[0].entry == "resume"
    assert first.ok and second.ok


def test_a_stuck_learner_is_a_finding_not_a_crash(play, test_sco, tmp_path):
    def learner(session):
        session.launch().get_by_role("button", name="Nästa").click(timeout=300)

    run = play(test_sco("?on=clean"), learner, report_dir=tmp_path)
    (error,) = run.errors
    assert error["kind"] == "learner" and error["message"].startswith("item_1: TimeoutError: Locator.click: Timeout 300ms")
    (launch,) = run.launches
    assert launch.ended_by == "unload" and launch.finished and launch.screenshots == ["01-001-failure.png"]
