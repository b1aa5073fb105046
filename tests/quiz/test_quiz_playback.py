"""The sample course's final test, played in Chromium against scorm-again by scripted learners.

Every interaction the LMS recorded is checked against the SCORM 1.2 formats (NOTES section 7) and
re-scored with the Python scoring of each type's record (scorm_builder/questions/; see learning.py).
"""
from __future__ import annotations

import json

import lxml.html
import pytest
from learning import DRAWN, answer, assert_clean, check_interactions, interactions, read_everything, snapshot, take_test
from support import course_html

pytestmark = pytest.mark.playback


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
        # its page is loaded when the learner goes there: which one it is, the package says
        page_id = lxml.html.fromstring(course_html(package)).get_element_by_id(f"q-{qid}").xpath(
            "ancestor::section[1]/@data-page")[0]
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
