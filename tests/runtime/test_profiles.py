"""LMS profiles: strict (SCORM 1.2 text) and moodle (Moodle defaults) record different outcomes."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.playback


def calls_learner(*calls):
    def learner(session):
        session.launch().evaluate("calls => calls.forEach(c => scoCall(...c))", [list(c) for c in calls])
        session.unload()
    return learner


@pytest.fixture(scope="module", params=["strict", "moodle"])
def lms(request):
    return request.param


def test_unset_status_and_student_name(play, test_sco, lms):
    run = play(test_sco(), calls_learner(["LMSInitialize", ""], ["LMSGetValue", "cmi.core.student_name"],
                                         ["LMSFinish", ""]), lms=lms)
    expected = {"strict": ("Andersson, Anna", "not attempted"), "moodle": ("Anna Andersson", "completed")}[lms]
    assert (run.calls[1]["ret"], run.cmi["cmi.core.lesson_status"]) == expected


MASTERY_CASES = [("50", "completed", "failed"), ("90", "completed", "passed"), ("50", "passed", "failed"),
                 ("80", "incomplete", "passed")]


def test_mastery_score_overrides_status_at_finish(play, test_sco, lms):
    def learner(session):
        for raw, said, _ in MASTERY_CASES:
            session.launch().evaluate(
                "([raw, said]) => { scoCall('LMSInitialize', ''); scoCall('LMSSetValue', 'cmi.core.score.raw', raw);"
                " scoCall('LMSSetValue', 'cmi.core.lesson_status', said); scoCall('LMSSetValue', 'cmi.core.exit', 'logout');"
                " scoCall('LMSFinish', ''); }", [raw, said])
            session.unload()

    run = play(test_sco(mastery="80"), learner, lms=lms)
    assert [l.live_cmi["cmi.core.lesson_status"] for l in run.launches] == [c[1] for c in MASTERY_CASES]  # the SCO
    assert [l.cmi["cmi.core.lesson_status"] for l in run.launches] == [c[2] for c in MASTERY_CASES]       # the LMS


LEAVE = ("e => { scoCall('LMSInitialize', ''); ['cmi.core.entry', 'cmi.suspend_data', 'cmi.core.lesson_location']"
         ".forEach(el => scoCall('LMSGetValue', el)); scoCall('LMSSetValue', 'cmi.core.lesson_status', 'incomplete');"
         " scoCall('LMSSetValue', 'cmi.suspend_data', 'p=4'); scoCall('LMSSetValue', 'cmi.core.lesson_location', '4');"
         " scoCall('LMSSetValue', 'cmi.core.exit', e); scoCall('LMSFinish', ''); }")


def test_resume_only_after_suspend_in_moodle(play, test_sco, lms):
    def learner(session):
        for exit in ("suspend", "logout", ""):
            session.launch().evaluate(LEAVE, exit)
            session.unload()

    run = play(test_sco(), learner, lms=lms)
    reads = [[c["ret"] for c in l.calls if c["fn"] == "LMSGetValue"] for l in run.launches]
    after_logout = {"strict": ["", "p=4", "4"], "moodle": ["ab-initio", "", ""]}[lms]
    assert reads == [["ab-initio", "", ""], ["resume", "p=4", "4"], after_logout]
