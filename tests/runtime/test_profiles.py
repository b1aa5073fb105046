"""LMS profiles: strict (SCORM 1.2 text) and moodle (Moodle defaults) record different outcomes."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.playback


def calls_learner(*calls):
    def learner(session):
        session.launch().evaluate("calls => calls.forEach(c => scoCall(...c))", [list(c) for c in calls])
        session.unload()
    return learner


ONLY_INIT_FINISH = calls_learner(["LMSInitialize", ""], ["LMSFinish", ""])


def test_unset_status_stays_not_attempted_in_strict_but_completes_in_moodle(play, test_sco):
    strict = play(test_sco(), ONLY_INIT_FINISH, lms="strict")
    moodle = play(test_sco(), ONLY_INIT_FINISH, lms="moodle")
    assert strict.cmi["cmi.core.lesson_status"] == "not attempted"
    assert moodle.cmi["cmi.core.lesson_status"] == "completed"


@pytest.mark.parametrize("lms", ["strict", "moodle"])
@pytest.mark.parametrize("raw,said,recorded", [("50", "completed", "failed"), ("90", "completed", "passed"),
                                               ("50", "passed", "failed")])
def test_mastery_score_overrides_status(play, test_sco, lms, raw, said, recorded):
    learner = calls_learner(["LMSInitialize", ""], ["LMSSetValue", "cmi.core.score.raw", raw],
                            ["LMSSetValue", "cmi.core.lesson_status", said], ["LMSFinish", ""])
    run = play(test_sco(mastery="80"), learner, lms=lms)
    assert run.launches[0].live_cmi["cmi.core.lesson_status"] == said   # what the SCO left
    assert run.cmi["cmi.core.lesson_status"] == recorded                  # what the LMS kept


def test_student_name_format(play, test_sco):
    read = calls_learner(["LMSInitialize", ""], ["LMSGetValue", "cmi.core.student_name"], ["LMSFinish", ""])
    names = {lms: play(test_sco(), read, lms=lms).calls[1]["ret"] for lms in ("strict", "moodle")}
    assert names == {"strict": "Andersson, Anna", "moodle": "Anna Andersson"}


def two_launches(first_exit):
    def learner(session):
        session.launch().evaluate("e => { scoCall('LMSInitialize', ''); scoCall('LMSSetValue', 'cmi.core.lesson_status', 'incomplete');"
                                  "scoCall('LMSSetValue', 'cmi.suspend_data', 'p=4'); scoCall('LMSSetValue', 'cmi.core.lesson_location', '4');"
                                  "scoCall('LMSSetValue', 'cmi.core.exit', e); scoCall('LMSFinish', ''); }", first_exit)
        session.unload()
        session.launch().evaluate("() => { scoCall('LMSInitialize', ''); ['cmi.core.entry', 'cmi.suspend_data', 'cmi.core.lesson_location']"
                                  ".forEach(e => scoCall('LMSGetValue', e)); scoCall('LMSFinish', ''); }")
        session.unload()
    return learner


def second_launch_reads(run):
    return [c["ret"] for c in run.launches[1].calls if c["fn"] == "LMSGetValue"]


def test_exit_without_suspend_keeps_data_in_strict_and_starts_a_new_attempt_in_moodle(play, test_sco):
    assert second_launch_reads(play(test_sco(), two_launches("logout"), lms="strict")) == ["", "p=4", "4"]
    assert second_launch_reads(play(test_sco(), two_launches("logout"), lms="moodle")) == ["ab-initio", "", ""]


@pytest.mark.parametrize("lms", ["strict", "moodle"])
def test_suspend_resumes_in_both(play, test_sco, lms):
    assert second_launch_reads(play(test_sco(), two_launches("suspend"), lms=lms)) == ["resume", "p=4", "4"]
