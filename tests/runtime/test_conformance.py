"""conformance.js flags each strict SCORM 1.2 rule that scorm-again lets through, and nothing else."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.playback

INIT = [["LMSInitialize", ""]]
END = [["LMSSetValue", "cmi.core.exit", ""], ["LMSSetValue", "cmi.core.session_time", "00:00:01"], ["LMSFinish", ""]]


def session_with(*calls):
    return INIT + [list(c) for c in calls] + END


def interaction(kind, response, field="student_response"):
    return session_with(["LMSSetValue", "cmi.interactions.0.id", "q1"],
                        ["LMSSetValue", "cmi.interactions.0.type", kind],
                        ["LMSSetValue", f"cmi.interactions.0.{field}", response])


# (name, calls the SCO makes, the exact set of rules flagged)
CASES = [
    ("clean", session_with(["LMSGetValue", "cmi.core.lesson_status"], ["LMSSetValue", "cmi.suspend_data", "x" * 4096],
                           ["LMSSetValue", "cmi.core.lesson_location", "y" * 255]), set()),
    ("get before initialize", [["LMSGetValue", "cmi.core.lesson_status"]] + session_with(),
     {"before-initialize", "error-code"}),
    ("set after finish", session_with() + [["LMSSetValue", "cmi.core.lesson_location", "1"]], {"after-finish"}),
    ("two finishes", session_with() + [["LMSFinish", ""]], {"finish-twice", "error-code"}),
    ("two initializes", INIT + session_with(), {"initialize-twice", "error-code"}),
    ("no finish", INIT, {"no-finish"}),
    ("no initialize", [], {"no-initialize"}),
    ("suspend_data over 4096", session_with(["LMSSetValue", "cmi.suspend_data", "x" * 4097]), {"length"}),
    ("lesson_location over 255", session_with(["LMSSetValue", "cmi.core.lesson_location", "x" * 256]),
     {"length", "error-code"}),
    ("session_time with 5 hour digits", INIT + [["LMSSetValue", "cmi.core.session_time", "12345:00:00"], ["LMSFinish", ""]],
     {"timespan"}),
    ("session_time minutes 60", INIT + [["LMSSetValue", "cmi.core.session_time", "00:60:00"], ["LMSFinish", ""]],
     {"timespan"}),
    ("latency ISO 8601", session_with(["LMSSetValue", "cmi.interactions.0.id", "q1"],
                                      ["LMSSetValue", "cmi.interactions.0.latency", "PT10S"]), {"timespan", "error-code"}),
    ("interaction time 25:00", session_with(["LMSSetValue", "cmi.interactions.0.id", "q1"],
                                            ["LMSSetValue", "cmi.interactions.0.time", "25:00:00"]),
     {"time", "error-code"}),
    ("identifier with a space", session_with(["LMSSetValue", "cmi.interactions.0.id", "has space"]), {"identifier"}),
    ("exit normal", INIT + [["LMSSetValue", "cmi.core.exit", "normal"], ["LMSFinish", ""]], {"vocabulary"}),
    ("status not attempted", session_with(["LMSSetValue", "cmi.core.lesson_status", "not attempted"]),
     {"not-attempted", "error-code"}),
    ("result incorrect", session_with(["LMSSetValue", "cmi.interactions.0.id", "q1"],
                                      ["LMSSetValue", "cmi.interactions.0.result", "incorrect"]), {"result-incorrect"}),
    ("choice 10", interaction("choice", "10"), {"response-format"}),
    ("choice in braces", interaction("choice", "{a,c}"), {"response-format"}),
    ("true-false word", interaction("true-false", "true"), {"response-format"}),
    ("matching dash", interaction("matching", "1-a,2-b", "correct_responses.0.pattern"), {"response-format"}),
    ("sequencing without commas", interaction("sequencing", "cab"), {"response-format"}),
    ("fill-in over 255", interaction("fill-in", "x" * 256), {"length"}),
    ("response before type", session_with(["LMSSetValue", "cmi.interactions.0.id", "q1"],
                                          ["LMSSetValue", "cmi.interactions.0.student_response", "a b"],
                                          ["LMSSetValue", "cmi.interactions.0.type", "choice"]), {"response-format"}),
    ("set read-only", session_with(["LMSSetValue", "cmi.core.student_id", "x"]), {"read-only", "error-code"}),
    ("get write-only", session_with(["LMSGetValue", "cmi.core.exit"]), {"write-only", "error-code"}),
    ("incomplete without suspend", INIT + [["LMSSetValue", "cmi.core.lesson_status", "incomplete"],
                                          ["LMSSetValue", "cmi.core.exit", ""], ["LMSFinish", ""]], {"exit-not-suspend"}),
    ("passed with suspend", INIT + [["LMSSetValue", "cmi.core.lesson_status", "passed"],
                                   ["LMSSetValue", "cmi.core.exit", "suspend"], ["LMSFinish", ""]],
     {"exit-suspend-finished"}),
    ("unknown element", session_with(["LMSSetValue", "cmi.core.foo", "1"]), {"error-code"}),
]


def test_each_rule_is_flagged_and_a_clean_session_is_not(play, test_sco):
    def learner(session):
        for _name, calls, _rules in CASES:
            session.launch().evaluate("calls => calls.forEach(c => scoCall(...c))", calls)
            session.unload()

    run = play(test_sco(), learner)
    assert len(run.launches) == len(CASES)
    found = {name: {v["rule"] for v in launch.violations} for (name, _, _), launch in zip(CASES, run.launches)}
    assert found == {name: rules for name, _, rules in CASES}
    assert not run.errors


def test_violation_points_at_the_call(play, test_sco):
    def learner(session):
        session.launch().evaluate("calls => calls.forEach(c => scoCall(...c))",
                                  session_with(["LMSSetValue", "cmi.interactions.0.id", "q1"],
                                               ["LMSSetValue", "cmi.interactions.0.result", "incorrect"]))
        session.unload()

    run = play(test_sco(), learner)
    (violation,) = run.violations
    call = run.calls[violation["call"]]
    assert call["fn"] == "LMSSetValue" and call["args"] == ["cmi.interactions.0.result", "incorrect"]
    assert violation["element"] == "cmi.interactions.0.result" and violation["launch"] == 1


def test_clean_session_records_every_call_and_the_final_cmi(play, test_sco):
    run = play(test_sco("?on=clean"), "launch-and-exit")
    assert run.ok, (run.violations, run.errors)
    fns = [c["fn"] for c in run.calls]
    assert fns[0] == "LMSInitialize" and fns[-1] == "LMSFinish" and fns.count("LMSCommit") == 1
    assert all(c["error"] == "0" and c["ret"] is not None and c["t"] >= 0 for c in run.calls)
    cmi = run.cmi
    assert cmi["cmi.core.lesson_status"] == "passed" and cmi["cmi.core.score.raw"] == "90"
    assert cmi["cmi.interactions._count"] == "8"
    assert cmi["cmi.interactions.1.student_response"] == "a,c"
    assert cmi["cmi.interactions.3.correct_responses.0.pattern"] == "1.a,2.b"
    assert cmi["cmi.suspend_data"] == "v=1;p=1,2,3" and cmi["cmi.core.lesson_location"] == "page-3"
