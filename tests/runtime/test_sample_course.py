"""The built-in learners against every audience variant of the sample course, asserting what the
LMS recorded. Each learner plays in iframe and popup; audiences rotate so every variant is played
in both modes by different learners (10 plays, the suite's budget on 2 cores)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scorm_builder.build import build_course

pytestmark = pytest.mark.playback

SAMPLE = Path(__file__).resolve().parents[2] / "course_src" / "vald-i-nara-relation"
AUDIENCES = ["chefer", "fortroendevalda", "omsorg", "legitimerad", "bistand"]
LEARNERS = ["passes", "fails", "leaves-midway-then-resumes", "reads-everything", "keyboard-only"]
PLAYS = [(learner, mode, AUDIENCES[(i + 2 * m) % len(AUDIENCES)])
         for i, learner in enumerate(LEARNERS) for m, mode in enumerate(["iframe", "popup"])]

RESPONSE = {"choice": r"[a-z](,[a-z])*", "true-false": r"[tf01]", "fill-in": r".{1,255}",
            "matching": r"[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*", "sequencing": r"[0-9a-z](,[0-9a-z])*"}


@pytest.fixture(scope="session")
def sample_packages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("sample-dist")
    zips = build_course(SAMPLE, out)
    return {a: next(z for z in zips if z.name.endswith(f"-{a}-grund.zip")) for a in AUDIENCES}


def interactions(cmi: dict) -> list[dict]:
    count = int(cmi["cmi.interactions._count"])
    return [{k.split(".", 3)[3]: v for k, v in cmi.items() if k.startswith(f"cmi.interactions.{n}.")}
            for n in range(count)]


def check_test_record(cmi: dict, passed: bool) -> None:
    assert cmi["cmi.core.lesson_status"] == ("passed" if passed else "failed")
    assert cmi["cmi.core.score.raw"] == ("100" if passed else "0")
    assert cmi["cmi.core.exit"] == ""
    records = interactions(cmi)
    assert len(records) == 12  # the test draws 12
    for r in records:
        assert re.fullmatch(r"[\x21-\x7e]{1,255}", r["id"])
        assert re.fullmatch(RESPONSE[r["type"]], r["student_response"]), r
        assert re.fullmatch(RESPONSE[r["type"]], r["correct_responses.0.pattern"]), r
        assert r["result"] == ("correct" if passed else "wrong")
        assert (r["student_response"] == r["correct_responses.0.pattern"]) == passed or r["type"] == "fill-in"
        assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", r["latency"])
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", cmi["cmi.core.total_time"])
    assert 0 < len(cmi["cmi.suspend_data"]) <= 4096


@pytest.mark.parametrize("learner,mode,audience", PLAYS, ids=[f"{l}-{m}-{a}" for l, m, a in PLAYS])
def test_learner_on_sample_course(play, sample_packages, learner, mode, audience, tmp_path):
    report = tmp_path if learner == "reads-everything" else None
    run = play(sample_packages[audience], learner, launch=mode, report_dir=report)
    assert run.ok, (run.violations, run.errors)
    assert all(launch.finished and launch.ended_by == "unload" for launch in run.launches)
    if learner == "leaves-midway-then-resumes":
        first, second = run.launches
        assert first.cmi["cmi.core.lesson_status"] == "incomplete" and first.cmi["cmi.core.exit"] == "suspend"
        assert first.cmi["cmi.core.score.raw"] == "" and first.cmi["cmi.interactions._count"] == "0"
        assert first.cmi["cmi.core.lesson_location"] and 0 < len(first.cmi["cmi.suspend_data"]) <= 4096
        assert second.entry == "resume"
        # the resumed SCO read back exactly the bookmark and suspend_data the LMS kept
        reads = {c["args"][0]: c["ret"] for c in second.calls if c["fn"] == "LMSGetValue"}
        assert reads["cmi.core.lesson_location"] == first.cmi["cmi.core.lesson_location"]
        assert reads["cmi.suspend_data"] == first.cmi["cmi.suspend_data"]
        check_test_record(second.cmi, passed=True)
    else:
        (launch,) = run.launches
        check_test_record(launch.cmi, passed=learner != "fails")
    if report:
        pngs = sorted(p.name for p in tmp_path.glob("*.png"))
        assert len(pngs) >= 20 and (tmp_path / "junit.xml").is_file() and (tmp_path / "transcript.json").is_file()


def test_abrupt_close_in_frames_then_resume(play, sample_packages):
    """No exit button: the frame is removed; the player's pagehide finish still suspends, and the
    relaunch offers to resume on the same page."""
    seen = {}

    def learner(session):
        from scorm_builder.runtime.learners import OurPlayer
        session.launch()
        player = OurPlayer(session)
        player.read_pages(3)
        seen["left"] = player.current_page()
        session.close_abruptly()
        session.launch()
        player = OurPlayer(session)
        player.resume()
        seen["back"] = player.current_page()
        player.exit()
        session.unload()

    run = play(sample_packages["omsorg"], learner, launch="frames")
    first, second = run.launches
    assert run.ok, (run.violations, run.errors)
    assert first.ended_by == "abrupt" and first.finished and first.cmi["cmi.core.exit"] == "suspend"
    assert first.cmi["cmi.core.lesson_location"] == seen["left"] == seen["back"]
    assert second.entry == "resume" and second.cmi["cmi.core.lesson_status"] == "incomplete"


def test_standalone_shows_the_course_without_an_lms(play, sample_packages):
    notes = []

    def learner(session):
        from scorm_builder.runtime.learners import OurPlayer
        session.launch()
        player = OurPlayer(session)
        # the standalone note stands beside the live region, in the notices region, so later notices do not re-read it
        notes.append(session.frame.get_by_role("region", name="Meddelanden").inner_text())
        player.next()
        session.unload()

    run = play(sample_packages["bistand"], learner, launch="standalone")
    assert run.ok and run.calls == [] and run.launches[0].entry == "ab-initio"
    assert "inte ansluten till någon lärplattform" in notes[0]


@pytest.fixture(scope="module")
def multi_sco(tmp_path_factory) -> tuple[Path, int]:
    """(the omsorg variant of the sample course built with packaging: multi-sco, its number of SCOs:
    one per lesson that variant gets, the test included)"""
    import shutil

    import yaml
    tmp_path = tmp_path_factory.mktemp("multi-sco")
    course = tmp_path / "course"
    shutil.copytree(SAMPLE, course)
    config = yaml.safe_load((course / "course.yml").read_text(encoding="utf-8"))
    config["packaging"] = "multi-sco"
    (course / "course.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (package,) = build_course(course, tmp_path / "dist", ["omsorg"], levels=["grund"])
    from scorm_builder.package.inspect import inspect_package
    scos = len(inspect_package(package)["scos"])
    assert 10 < scos < len(config["lessons"])   # the lessons for other audiences and levels are left out
    return package, scos


def test_multi_sco_build_plays_every_lesson_sco_and_the_test(play, multi_sco):
    """packaging: multi-sco: one SCO per lesson (completed) and the test SCO (passed), each with a fresh API."""
    package, scos = multi_sco
    run = play(package, "passes")
    assert run.ok, (run.violations, run.errors)
    statuses = [launch.cmi["cmi.core.lesson_status"] for launch in run.launches]
    assert len(statuses) == scos > 1 and statuses == ["completed"] * (len(statuses) - 1) + ["passed"]
    assert all(launch.calls[0]["fn"] == "LMSInitialize" and launch.calls[0]["ret"] == "true" for launch in run.launches)
    check_test_record(run.launches[-1].cmi, passed=True)


def test_multi_sco_leave_midway_and_resume_every_sco(play, multi_sco):
    """Short SCOs (two-page lessons, the one-page test SCO) are left unfinished on their first page:
    each suspends, comes back with entry=resume on the same page, then completes or passes. A
    one-page lesson is finished once shown: it is not suspended, and comes back as visited."""
    package, scos = multi_sco
    run = play(package, "leaves-midway-then-resumes")
    assert run.ok, (run.violations, run.errors)
    assert len(run.launches) == 2 * scos
    resumed = 0
    for first, second in zip(run.launches[::2], run.launches[1::2]):
        assert first.sco == second.sco
        if first.cmi["cmi.core.lesson_status"] == "completed":  # a one-page lesson
            assert (first.cmi["cmi.core.exit"], second.entry) == ("", "")
            continue
        assert first.cmi["cmi.core.lesson_status"] == "incomplete" and first.cmi["cmi.core.exit"] == "suspend"
        assert second.entry == "resume"
        resumed += 1
    assert resumed >= 2 and run.launches[-2].cmi["cmi.core.exit"] == "suspend"  # the test SCO among them
    assert [l.cmi["cmi.core.lesson_status"] for l in run.launches[1::2]] == ["completed"] * (scos - 1) + ["passed"]
