"""The sample course's final test, played in Chromium against scorm-again by scripted learners.

Learners answer by roles and names only (docs/architecture.md, accessible-names contract), using
the course data to know what is right. Every interaction the LMS recorded is checked against the
SCORM 1.2 formats (NOTES section 7) and re-scored with the Python scoring of model/question.py.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scorm_builder.build import build_course
from scorm_builder.model.question import Choice, Question

pytestmark = pytest.mark.playback

COURSE = Path(__file__).resolve().parents[2] / "course_src" / "vald-i-nara-relation"
RESPONSE_FORMATS = {
    "choice": re.compile(r"^[a-z](,[a-z])*$"),
    "true-false": re.compile(r"^[tf]$"),
    "matching": re.compile(r"^[1-9]\.[a-z](,[1-9]\.[a-z])*$"),
    "sequencing": re.compile(r"^[a-z](,[a-z])*$"),
    "fill-in": re.compile(r"^.{1,255}$", re.S),
}
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
DRAWN = "() => [...document.querySelectorAll('.sb-test-attempt .sb-question')].map(e => e.dataset.question)"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    return build_course(COURSE, out, audiences=["omsorg"])[0]


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


# --- the tests -----------------------------------------------------------------------------------

def test_everything_right_passes_with_100(play, package):
    seen = {}

    def learner(session):
        frame = session.launch()
        seen["data"] = data = session.course_data()
        read_everything(frame)
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        seen["drawn"] = take_test(frame, data, lambda i: True)
        results = frame.get_by_role("heading", name="Resultat", exact=True)
        seen["focused"] = results.evaluate("h => document.activeElement === h")
        seen["text"] = frame.locator(".sb-test-results").inner_text()
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    data, drawn, cmi = seen["data"], seen["drawn"], run.cmi
    assert len(drawn) == data["test"]["draw"] == 12 and len(set(drawn)) == 12
    assert set(drawn) <= set(data["test"]["pool"])
    assert cmi["cmi.core.lesson_status"] == "passed"
    assert cmi["cmi.core.score.raw"] == "100"
    check_interactions(interactions(cmi), data, drawn, ["correct"] * 12)
    assert seen["focused"]
    assert "Ditt resultat: 100 % rätt." in seen["text"] and "Du är godkänd." in seen["text"]


def test_everything_wrong_fails_with_0_and_mixed_scores_are_rounded(play, package):
    seen = {}

    def learner(session):
        frame = session.launch()
        seen["data"] = data = session.course_data()
        read_everything(frame)
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        seen["drawn"] = take_test(frame, data, lambda i: False)
        seen["first"] = frame.locator(".sb-test-results").inner_text()
        frame.get_by_role("button", name="Gör om provet", exact=True).click()
        seen["drawn2"] = take_test(frame, data, lambda i: i < 7)  # 7 of 12: 58 %
        seen["second"] = frame.locator(".sb-test-results").inner_text()
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    cmi, data = run.cmi, seen["data"]
    assert cmi["cmi.core.lesson_status"] == "failed"
    assert cmi["cmi.core.score.raw"] == "58"  # the better attempt is what the LMS keeps
    records = interactions(cmi)
    check_interactions(records[:12], data, seen["drawn"], ["wrong"] * 12)
    check_interactions(records[12:], data, [f"{q}-a2" for q in seen["drawn2"]], ["correct"] * 7 + ["wrong"] * 5)
    assert "Ditt resultat: 0 % rätt." in seen["first"] and "Du är inte godkänd. Det krävs 80 % rätt." in seen["first"]
    assert "Rätt svar:" in seen["first"]  # review: answers
    assert "Ditt resultat: 58 % rätt." in seen["second"]


def test_failing_then_retrying_passes(play, package):
    seen = {}

    def learner(session):
        frame = session.launch()
        seen["data"] = data = session.course_data()
        read_everything(frame)
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        seen["drawn"] = take_test(frame, data, lambda i: i < 5)
        frame.get_by_role("button", name="Gör om provet", exact=True).click()
        seen["drawn2"] = take_test(frame, data, lambda i: True)
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    cmi = run.cmi
    assert cmi["cmi.core.lesson_status"] == "passed"
    assert cmi["cmi.core.score.raw"] == "100"
    records = interactions(cmi)
    assert len(records) == 24
    check_interactions(records[12:], seen["data"], [f"{q}-a2" for q in seen["drawn2"]], ["correct"] * 12)


def test_leaving_mid_test_and_resuming_restores_the_attempt(play, package):
    seen = {}

    def learner(session):
        frame = session.launch()
        seen["data"] = data = session.course_data()
        read_everything(frame)
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        drawn = frame.evaluate(DRAWN)
        for qid in drawn[:6]:
            answer(frame, data["questions"][qid], True)
        seen["before"] = snapshot(frame)
        session.unload()  # the learner closes the course mid-test

        frame = session.launch()
        frame.get_by_role("button", name="Fortsätt där jag var", exact=True).click()
        seen["after"] = snapshot(frame)
        for qid in drawn[6:]:
            answer(frame, data["questions"][qid], True)
        frame.get_by_role("button", name="Lämna in provet", exact=True).click()
        seen["drawn"] = drawn
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    first, second = run.launches
    assert first.cmi["cmi.core.exit"] == "suspend"
    assert "cmi.core.score.raw" not in first.cmi or first.cmi["cmi.core.score.raw"] == ""
    assert second.entry == "resume"
    assert seen["after"] == seen["before"]
    assert sum(v is True or (isinstance(v, str) and v != "") for _, _, vals in seen["after"] for v in vals) >= 6
    assert run.cmi["cmi.core.lesson_status"] == "passed"
    assert run.cmi["cmi.core.score.raw"] == "100"
    check_interactions(interactions(run.cmi), seen["data"], seen["drawn"], ["correct"] * 12)


def test_knowledge_check_feedback_is_announced_and_ungraded(play, package):
    seen = {}

    def learner(session):
        frame = session.launch()
        data = session.course_data()
        pool = set(data["test"]["pool"])
        qid, q = next((k, v) for k, v in data["questions"].items() if k not in pool and v["type"] == "single")
        form = frame.locator(f"#q-{qid}")
        page_id = form.evaluate("f => f.closest('section').dataset.page")
        frame.get_by_role("button", name="Innehåll", exact=True).click()
        frame.locator(f'#sb-toc a[data-page="{page_id}"]').click()
        form.get_by_role("button", name="Kontrollera svar", exact=True).click()
        seen["empty"] = form.get_by_role("status").inner_text()
        answer(frame, q, False)
        form.get_by_role("button", name="Kontrollera svar", exact=True).click()
        seen["wrong"] = form.get_by_role("status").inner_text()
        answer(frame, q, True)
        form.get_by_role("button", name="Kontrollera svar", exact=True).click()
        seen["right"] = form.get_by_role("status").inner_text()
        seen["q"] = q
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    assert seen["empty"] == "Du har inte svarat än."
    assert seen["wrong"].startswith("Fel svar.")
    assert seen["right"].startswith("Rätt svar.")
    assert run.cmi.get("cmi.interactions._count", "0") == "0"
    state = json.loads(run.cmi["cmi.suspend_data"])
    assert list(state["q"]["k"].values()) == [next(o["id"] for o in seen["q"]["options"] if o["correct"])]
