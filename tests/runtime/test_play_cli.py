"""`scorm-builder play` end to end in a subprocess: summary, exit codes, report files."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from lxml import etree

pytestmark = pytest.mark.playback

from support import GOLF


def scorm_builder(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scorm_builder", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=300)


def test_clean_package_exits_0_and_writes_the_report(test_sco, tmp_path):
    """An injected fault is reported in the transcript but is not the package's fault: exit 0."""
    report = tmp_path / "report"
    done = scorm_builder("play", str(test_sco("?on=clean")), "--learner", "launch-and-exit", "--report", str(report),
                         "--fault", "commit-false")
    assert done.returncode == 0, done.stderr
    assert "launch 1 (item_1, entry ab-initio): status passed, score 90, session time 0000:00:05" in done.stdout
    transcript = json.loads((report / "transcript.json").read_text())
    assert transcript["ok"] and transcript["faults"] == {"commit": {"mode": "false", "count": None}}
    calls = transcript["launches"][0]["calls"]
    assert calls[0]["fn"] == "LMSInitialize"
    assert [(c["ret"], c["error"], c.get("fault")) for c in calls if c["fn"] == "LMSCommit"] == [("false", "101", "false")]
    suite = etree.parse(str(report / "junit.xml")).getroot()
    assert [c.find("failure") for c in suite.iter("testcase") if c.get("classname") != "a11y.wcag21aa"] == [None, None]
    assert {p.name for p in report.glob("*.png")} == {"01-001-item_1.png", "01-001-item_1-phone.png"}


def test_violations_exit_1_with_one_line_each(tmp_path):
    report = tmp_path / "report"
    done = scorm_builder("play", str(GOLF / "singlesco_scorm12.zip"), "--report", str(report))
    assert done.returncode == 1
    assert "singlesco_scorm12.zip: error: launch 1, call - (-): the SCO never called LMSInitialize" in done.stderr
    suite = etree.parse(str(report / "junit.xml")).getroot()
    failing = {case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None}
    assert {"launch 1: item_1"} <= failing and "run" not in failing


@pytest.mark.parametrize("args,needle", [
    (["--fault", "sometimes"], "Invalid value for --fault"),
    (["--learner", "nobody"], "Invalid value for --learner"),
])
def test_usage_errors_exit_2(test_sco, args, needle):
    done = scorm_builder("play", str(test_sco()), *args)
    assert done.returncode == 2 and needle in done.stderr


@pytest.mark.parametrize("name,message", [("badscorm.zip", "imsmanifest.xml is not at the root of the zip"),
                                          ("invalid.zip", "imsmanifest.xml is not at the root of the zip")])
def test_unusable_packages_exit_2_without_traceback(broken_zips, name, message):
    done = scorm_builder("play", str(broken_zips[name]))
    assert done.returncode == 2 and f"{name}: error: {message}" in done.stderr
    assert "Traceback" not in done.stderr


def test_not_a_zip_exits_2(tmp_path):
    bogus = tmp_path / "x.zip"
    bogus.write_text("hello")
    done = scorm_builder("play", str(bogus))
    assert done.returncode == 2 and "is not a zip file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("learner", ["reads-everything", "passes", "fails", "keyboard-only", "leaves-midway-then-resumes"])
def test_a_learner_for_our_player_on_a_third_party_package_exits_2(test_sco, learner):
    package = test_sco()
    done = scorm_builder("play", str(package), "--learner", learner)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{package}: error: the learner {learner} plays only scorm-builder packages, and sco.html is not one",
        "  hint: use --learner launch-and-exit, or write a learner of your own (docs/playback.md)"]


def test_a_custom_learner_using_our_player_on_a_third_party_package_raises_not_our_package(play, test_sco):
    from scorm_builder.runtime.learners import NotOurPackage, OurPlayer

    def mine(session):
        session.launch()
        OurPlayer(session).read_pages()

    with pytest.raises(NotOurPackage) as caught:
        play(test_sco(), mine)
    assert caught.value.params == {"learner": "mine", "href": "sco.html"}
