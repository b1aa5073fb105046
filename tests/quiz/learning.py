"""A scripted learner's hands for the quiz playback tests, and checks on what the LMS recorded.

Learners answer by roles and names only (docs/architecture.md, accessible-names contract), using
the course data to know what is right.
"""
from __future__ import annotations

import re

from scorm_builder.model.question import Choice, Question

RESPONSE_FORMATS = {
    "choice": re.compile(r"^[a-z](,[a-z])*$"),
    "true-false": re.compile(r"^[tf]$"),
    "matching": re.compile(r"^[1-9]\.[a-z](,[1-9]\.[a-z])*$"),
    "sequencing": re.compile(r"^[a-z](,[a-z])*$"),
    "fill-in": re.compile(r"^.{1,255}$", re.S),
}
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
DRAWN = "() => [...document.querySelectorAll('.sb-test-attempt .sb-question')].map(e => e.dataset.question)"


# --- a learner's hands ---------------------------------------------------------------------------

def read_everything(frame) -> None:
    """Every page, in order; the final test is the last page."""
    nxt = frame.get_by_role("button", name="Nästa", exact=True)
    while nxt.is_enabled():
        nxt.click()


def answer(frame, q: dict, right: bool) -> None:
    group = frame.get_by_role("group", name=q["stem"], exact=True)
    kind = q["type"]
    if kind in ("single", "multiple"):
        role = "radio" if kind == "single" else "checkbox"
        wrong = [o for o in q["options"] if not o["correct"]]
        picks = [o for o in q["options"] if o["correct"]] if right else wrong[:1]
        for o in picks:
            group.get_by_role(role, name=o["text"], exact=True).check()
    elif kind == "truefalse":
        group.get_by_role("radio", name="Sant" if q["answer"] == right else "Falskt", exact=True).check()
    elif kind == "fillin":
        group.get_by_role("textbox", name="Ditt svar").fill(q["accepted"][0].upper() if right else "inget aning")
    elif kind == "matching":
        targets = q["targets"]
        for left, target in q["pairs"]:
            if not right:  # the next target over: wrong for every pair
                target = targets[(targets.index(target) + 1) % len(targets)]
            group.get_by_role("combobox", name=left, exact=True).select_option(label=target)
    else:
        n = len(q["sequence"])
        for i, text in enumerate(q["sequence"]):
            group.get_by_role("combobox", name=text, exact=True).select_option(label=str(i + 1 if right else n - i))


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


def question_of(d: dict) -> Question:
    return Question(id=d["id"], type=d["type"], stem=d["stem"],
                    choices=[Choice(o["id"], o["text"], o["correct"], o.get("pinned", False)) for o in d.get("options", [])],
                    answer=d.get("answer"), accepted=d.get("accepted", []),
                    pairs=[tuple(p) for p in d.get("pairs", [])], sequence=d.get("sequence", []))


def check_interactions(records: list[dict], data: dict, ids: list[str], results: list[str]) -> None:
    """Valid SCORM 1.2 values, scored as model/question.py scores them, in the expected order."""
    assert [r["id"] for r in records] == ids
    assert [r["result"] for r in records] == results
    for r in records:
        q = question_of(data["questions"][re.sub(r"-a\d+$", "", r["id"])])
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,255}", r["id"])
        assert r["type"] == q.interaction_type
        assert r["correct_responses.0.pattern"] == q.pattern()
        assert RESPONSE_FORMATS[r["type"]].match(r["correct_responses.0.pattern"])
        if "student_response" in r:
            assert RESPONSE_FORMATS[r["type"]].match(r["student_response"]), r
            assert (r["result"] == "correct") == q.is_correct(r["student_response"]), r
        else:
            assert r["result"] == "wrong"
        assert r["weighting"] == "1"
        assert TIMESPAN.match(r["latency"]) and re.fullmatch(r"\d{2}:\d{2}:\d{2}", r["time"])


def assert_clean(run) -> None:
    assert run.errors == [] and run.violations == []
    assert [c for c in run.calls if c["fn"] == "LMSSetValue" and c["error"] != "0"] == []
    assert all(len(launch.cmi.get("cmi.suspend_data", "")) <= 4096 for launch in run.launches)
