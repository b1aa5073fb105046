"""Third-party packages (Rustici golf examples via Moodle) launch, initialize and exit cleanly."""
from __future__ import annotations


import pytest

from support import GOLF

pytestmark = pytest.mark.playback


@pytest.mark.parametrize("mode", ["iframe", "frames", "popup"])
def test_golf_single_sco_launches_in_every_mode(play, mode, tmp_path):
    run = play(GOLF / "singlescobasic.zip", "launch-and-exit", launch=mode, report_dir=tmp_path)
    assert not run.errors, run.errors
    (launch,) = run.launches
    fns = [c["fn"] for c in launch.calls]
    assert fns[0] == "LMSInitialize" and fns[-1] == "LMSFinish" and fns.count("LMSFinish") == 1
    assert ["cmi.core.lesson_status", "incomplete"] in [c["args"] for c in launch.calls]
    # navigated away unfinished: the golf SCO bookmarks page 0 and suspends
    assert run.cmi["cmi.core.lesson_status"] == "incomplete"
    assert run.cmi["cmi.core.lesson_location"] == "0"
    assert run.cmi["cmi.core.exit"] == "suspend"
    assert run.cmi["cmi.core.student_name"] == "Andersson, Anna"
    assert launch.finished and launch.violations == []
    assert (tmp_path / launch.screenshots[0]).stat().st_size > 1000
    if mode == "frames":  # the SCO found the API two frames up
        assert launch.calls[0]["ret"] == "true"


def test_golf_multi_sco_plays_each_sco_with_a_fresh_api(play):
    run = play(GOLF / "RuntimeMinimumCalls_SCORM12-mini.zip", "launch-and-exit")
    assert [l.sco for l in run.launches] == [
        "playing_playing_item", "playing_par_item", "playing_scoring_item", "playing_otherscoring_item",
        "playing_rules_item", "playing_quiz_item", "havingfun_howto_item", "havingfun_makefriends_item",
        "havingfun_quiz_item"]
    for launch in run.launches:
        assert [(c["fn"], c["ret"]) for c in launch.calls] == [("LMSInitialize", "true"), ("LMSFinish", "true")]
        assert launch.entry == "ab-initio" and launch.finished
    assert set(run.record) == {l.sco for l in run.launches}
    assert not run.errors


def test_packaging_only_sco_reports_no_initialize(play):
    run = play(GOLF / "singlesco_scorm12.zip", "launch-and-exit")
    assert [v["rule"] for v in run.violations] == ["no-initialize"]
    assert run.calls == [] and not run.ok
