"""A scripted learner's hands for the quiz playback tests, and checks on what the LMS recorded.

Learners answer by roles and names only (docs/architecture.md, accessible-names contract), using
the course data to know what is right.
"""
from __future__ import annotations

import re

from scorm_builder import questions
from scorm_builder.runtime.hands import Hands

TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
DRAWN = "() => [...document.querySelectorAll('.sb-test-attempt .sb-question')].map(e => e.dataset.question)"


# --- a learner's hands ---------------------------------------------------------------------------

def read_everything(frame) -> None:
    """Every page, in order; the final test is the last page."""
    nxt = frame.get_by_role("button", name="Nästa", exact=True)
    while nxt.is_enabled():
        nxt.click()


def answer(frame, q: dict, right: bool) -> None:
    """The question type's own learner driver (scorm_builder/questions/)."""
    questions.answer(Hands(frame), q, right)


def take_test(frame, data: dict, right) -> list[str]:
    """Answers the drawn questions (right(i) says which), submits; returns the drawn ids."""
    drawn = frame.evaluate(DRAWN)
    for i, qid in enumerate(drawn):
        answer(frame, data["questions"][qid], right(i))
    frame.get_by_role("button", name="Lämna in provet", exact=True).click()
    return drawn


def snapshot(frame) -> list:
    """What the learner sees of the attempt: drawn questions, option order, answers given."""
    return frame.evaluate("""() => [...document.querySelectorAll('.sb-test-attempt .sb-question')].map(q => [
        q.dataset.question,
        [...q.querySelectorAll('label, option')].map(e => e.textContent),
        [...q.querySelectorAll('input, select')].map(e => e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value)])""")


# --- what the LMS holds --------------------------------------------------------------------------

def interactions(cmi: dict) -> list[dict]:
    out = []
    for n in range(int(cmi.get("cmi.interactions._count", "0"))):
        prefix = f"cmi.interactions.{n}."
        out.append({k[len(prefix):]: v for k, v in cmi.items() if k.startswith(prefix)})
    return out


def check_interactions(records: list[dict], data: dict, ids: list[str], results: list[str]) -> None:
    """Valid SCORM 1.2 values, scored as the question type's record scores them, in the expected order."""
    assert [r["id"] for r in records] == ids
    assert [r["result"] for r in records] == results
    for r in records:
        q = questions.record_from_data(data["questions"][re.sub(r"-a\d+$", "", r["id"])])
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,255}", r["id"])
        assert r["type"] == q.interaction_type
        assert r["correct_responses.0.pattern"] == q.pattern()
        assert q.response_format.match(r["correct_responses.0.pattern"])
        if "student_response" in r:
            assert q.response_format.match(r["student_response"]), r
            assert (r["result"] == "correct") == q.is_correct(r["student_response"]), r
        else:
            assert r["result"] == "wrong"
        assert r["weighting"] == "1"
        assert TIMESPAN.match(r["latency"]) and re.fullmatch(r"\d{2}:\d{2}:\d{2}", r["time"])


def assert_clean(run) -> None:
    assert run.errors == [] and run.violations == []
    assert [c for c in run.calls if c["fn"] == "LMSSetValue" and c["error"] != "0"] == []
    assert all(len(launch.cmi.get("cmi.suspend_data", "")) <= 4096 for launch in run.launches)
