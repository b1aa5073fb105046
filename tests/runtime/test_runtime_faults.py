"""Fault injection, standalone launch and abrupt close: what the player's error handling runs on."""
from __future__ import annotations

import pytest

from scorm_builder.runtime.faults import BadFault, parse_faults

pytestmark = pytest.mark.playback

TRY = ("calls => calls.map(c => { try { const r = scoCall(...c);"
       " return [r, scoCall('LMSGetLastError')]; } catch (e) { return ['threw', e.message]; } })")


def run_calls(play, package, calls, **options):
    results = []

    def learner(session):
        results.extend(session.launch().evaluate(TRY, calls))
        session.unload()
    return play(package, learner, **options), results


def test_initialize_false(play, test_sco):
    run, results = run_calls(play, test_sco(), [["LMSInitialize", ""]], faults=["initialize-false"])
    assert results == [["false", "101"]]
    assert run.calls[0]["fault"] == "false" and run.calls[0]["error"] == "101"
    assert [v["rule"] for v in run.violations] == ["no-finish"]  # the injected failure itself is no violation


def test_setvalue_false_for_the_first_two_calls(play, test_sco):
    calls = [["LMSInitialize", ""]] + [["LMSSetValue", "cmi.core.lesson_location", str(i)] for i in range(3)]
    run, results = run_calls(play, test_sco(), calls + [["LMSFinish", ""]], faults=["setvalue-false:2"])
    assert results == [["true", "0"], ["false", "101"], ["false", "101"], ["true", "0"], ["true", "0"]]
    assert [c.get("fault") for c in run.calls if c["fn"] == "LMSSetValue"] == ["false", "false", None]
    assert run.cmi["cmi.core.lesson_location"] == "2"


def test_setvalue_and_commit_throw(play, test_sco):
    calls = [["LMSInitialize", ""], ["LMSSetValue", "cmi.core.lesson_location", "1"], ["LMSCommit", ""],
             ["LMSCommit", ""], ["LMSFinish", ""]]
    run, results = run_calls(play, test_sco(), calls, faults=["setvalue-throw", "commit-throw:1"])
    assert [r[0] for r in results] == ["true", "threw", "threw", "true", "true"]
    assert "injected fault" in results[1][1]


def test_delay_slows_every_call(play, test_sco):
    timed = []

    def learner(session):
        timed.append(session.launch().evaluate(
            "() => { const t = performance.now(); scoCall('LMSInitialize', ''); scoCall('LMSFinish', '');"
            " return performance.now() - t; }"))
        session.unload()
    run = play(test_sco(), learner, faults=["delay:150"])
    assert timed[0] >= 300 and run.faults == {"delay": 150}


def test_bad_fault_spec():
    with pytest.raises(BadFault):
        parse_faults(["setvalue-maybe"])
    assert parse_faults(["commit-false:3", "delay:5"]) == {"commit": {"mode": "false", "count": 3}, "delay": 5}


def test_standalone_launch_has_no_api(play, test_sco):
    seen = []

    def learner(session):
        frame = session.launch()
        seen.append(frame.evaluate("() => [window === window.top, typeof window.API, !!window.opener,"
                                   " document.getElementById('out').textContent]"))
        session.unload()
    run = play(test_sco(), learner, launch="standalone")
    assert seen == [[True, "undefined", False, "no API"]]
    assert run.calls == [] and run.violations == [] and not run.errors


@pytest.mark.parametrize("mode", ["iframe", "popup"])
def test_abrupt_close_then_relaunch_resumes(play, test_sco, mode):
    """Closing without the exit button still reaches LMSFinish through pagehide; the relaunch resumes."""
    def learner(session):
        session.launch()
        session.close_abruptly()
        session.launch()
        session.close_abruptly()
    run = play(test_sco("?finish=pagehide"), learner, launch=mode)
    first, second = run.launches
    assert first.ended_by == "abrupt" and first.finished
    assert first.cmi["cmi.core.exit"] == "suspend" and first.cmi["cmi.core.lesson_status"] == "incomplete"
    assert second.entry == "resume"
    # each launch reported 00:00:01; the LMS adds session_time to total_time
    assert (first.cmi["cmi.core.total_time"], second.cmi["cmi.core.total_time"]) == ("00:00:01", "00:00:02")
    assert run.violations == [] and not run.errors
