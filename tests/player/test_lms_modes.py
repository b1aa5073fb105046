"""What the LMS says at launch: review mode, its own mastery score, and debug logging of LMS errors.
These need LMS presets the runtime's profiles do not offer, so the launch page gets scorm-again as
`window.API` on its own window (the first place the player looks)."""
from __future__ import annotations

import json

import pytest

from player_steps import answer, exit_course, go_to, page_number
from support import launch_data
from scorm_builder.runtime.scorm_again import scorm_again_path

pytestmark = pytest.mark.playback

COMMIT_FAILS_ONCE = """
  var failed = false, commit = API.LMSCommit.bind(API), last = API.LMSGetLastError.bind(API), code = null;
  API.LMSCommit = function (a) { if (!failed) { failed = true; code = '101'; return 'false'; } return commit(a); };
  API.LMSGetLastError = function () { if (code) { var c = code; code = null; return c; } return last(); };
"""


def own_api(session, preset: dict, extra: str = "", debug: bool = False) -> None:
    session.context.add_init_script(path=str(scorm_again_path()))
    session.context.add_init_script(
        "window.API = new Scorm12API({autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false});"
        f"API.loadFromJSON({json.dumps(preset)});{extra}"
        + ("if (location.protocol === 'http:') localStorage.setItem('sbDebug', '1');" if debug else ""))


def cmi(frame) -> dict:
    return frame.evaluate("JSON.parse(API.renderCMIToJSONString()).cmi")


def answer_all(frame, data, right_from: int) -> None:
    """Start the test; answer question i right when i >= right_from, else wrong; submit."""
    go_to(frame, "Slutprov")
    frame.get_by_role("button", name="Starta provet").click()
    by_stem = {q["stem"]: q for q in data["questions"].values()}
    groups = frame.locator("section.sb-test").get_by_role("group")
    for i in range(groups.count()):
        group = groups.nth(i)
        q = by_stem[group.locator("legend").inner_text().strip()]
        answer(frame, group, q, right=i >= right_from)
    frame.get_by_role("button", name="Lämna in provet").click()
    frame.get_by_role("heading", name="Resultat").wait_for()


def test_review_mode_writes_no_status_score_or_interactions(play, build):
    zip_path = build()
    data = launch_data(zip_path)
    out = {}

    def learner(session):
        own_api(session, {"core": {"student_id": "u1", "student_name": "B, A", "lesson_mode": "review",
                                   "credit": "no-credit", "entry": "", "lesson_status": "passed",
                                   "score": {"raw": "100", "min": "0", "max": "100"}}})
        frame = session.launch()
        answer_all(frame, data, right_from=3)  # all wrong
        exit_course(frame)
        out.update(cmi(frame))
        session.unload()

    run = play(zip_path, learner, launch="standalone")
    assert run.errors == [], run.errors
    assert out["core"]["lesson_status"] == "passed" and out["core"]["score"]["raw"] == "100"
    assert out["interactions"] == {} and out["objectives"] == {}
    assert out["core"]["exit"] == ""


def test_the_lms_mastery_score_wins_over_the_courses_pass_mark(play, build):
    zip_path = build()
    data = launch_data(zip_path)
    out = {}

    def learner(session):
        own_api(session, {"core": {"student_id": "u1", "student_name": "B, A", "credit": "credit", "entry": "ab-initio"},
                          "student_data": {"mastery_score": "50"}})
        frame = session.launch()
        answer_all(frame, data, right_from=1)  # 2 of 3 right: 67 %, below the course's 80
        out["text"] = frame.locator("section.sb-test").inner_text()
        frame.wait_for_function("() => JSON.parse(API.renderCMIToJSONString()).cmi.objectives['0']")
        out.update(cmi(frame))
        session.unload()

    run = play(zip_path, learner, launch="standalone")
    assert run.errors == [], run.errors
    assert "Du är godkänd" in out["text"], out
    assert out["objectives"]["0"]["status"] == "passed" and out["objectives"]["0"]["score"]["raw"] == "67"
    assert out["core"]["score"]["raw"] == ""  # pages-and-test: withheld until every page is seen


@pytest.mark.parametrize("debug", [True, False])
def test_lms_errors_reach_the_console_only_when_debugging(play, build, debug):
    zip_path = build()
    logged = []

    def learner(session):
        own_api(session, {"core": {"student_id": "u1", "student_name": "B, A"}}, COMMIT_FAILS_ONCE, debug=debug)
        frame = session.launch()
        session.page.on("console", lambda msg: logged.append(msg.text))
        frame.locator("#sb-notice").get_by_text("sparade igen").wait_for(timeout=10_000)
        session.unload()

    run = play(zip_path, learner, launch="standalone")
    assert run.errors == [], run.errors
    ours = [m for m in logged if m.startswith("[scorm-builder]")]
    if debug:
        assert any("LMSCommit" in m and "101" in m for m in ours), ours
    else:
        assert ours == []


@pytest.mark.parametrize("suspend", ["x=1", '{"v":2,"k":', '{"v":7,"q":[]}', "\u00e5\u00e4\u00f6" * 50])
def test_foreign_or_corrupt_suspend_data_starts_fresh_and_never_lowers_a_pass(play, build, suspend):
    zip_path = build()
    seen = {}

    def learner(session):
        own_api(session, {"core": {"student_id": "u1", "student_name": "B, A", "credit": "credit", "entry": "resume",
                                   "lesson_location": "no-such-page", "lesson_status": "passed",
                                   "score": {"raw": "90", "min": "0", "max": "100"}},
                          "suspend_data": suspend})
        frame = session.launch()
        seen["page"] = page_number(frame)
        seen["offer"] = frame.get_by_role("button", name="Fortsätt där jag var").count()
        frame.get_by_role("button", name="Nästa").click()
        exit_course(frame)
        seen.update(cmi(frame)["core"])
        session.unload()

    run = play(zip_path, learner, launch="standalone")
    assert run.errors == [], run.errors
    assert (seen["page"], seen["offer"]) == ("Sida 1 av 5", 0)
    assert seen["lesson_status"] == "passed" and seen["score"]["raw"] == "90" and seen["exit"] == ""
    assert seen["lesson_location"] == "l01-forsta-2"
