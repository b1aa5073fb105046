"""`scorm-builder play` end to end in a subprocess: summary, exit codes, report files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.playback

GOLF = Path(__file__).resolve().parents[3] / "shared" / "scorm12" / "packages"


def scorm_builder(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scorm_builder", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=300)


def test_clean_package_exits_0_and_writes_the_report(test_sco, tmp_path):
    report = tmp_path / "report"
    done = scorm_builder("play", str(test_sco("?on=clean")), "--learner", "launch-and-exit", "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "launch 1 (item_1, entry ab-initio): status passed, score 90, session time 0000:00:05" in done.stdout
    transcript = json.loads((report / "transcript.json").read_text())
    assert transcript["ok"] and transcript["launches"][0]["calls"][0]["fn"] == "LMSInitialize"
    assert 'failures="0"' in (report / "junit.xml").read_text()
    assert len(list(report.glob("*.png"))) == 1


def test_violations_exit_1_with_one_line_each(tmp_path):
    report = tmp_path / "report"
    done = scorm_builder("play", str(GOLF / "singlesco_scorm12.zip"), "--report", str(report))
    assert done.returncode == 1
    assert "singlesco_scorm12.zip: error: launch 1, call - (-): the SCO never called LMSInitialize" in done.stderr
    assert 'failures="1"' in (report / "junit.xml").read_text()


def test_faulted_run_reports_the_error_codes(test_sco):
    done = scorm_builder("play", str(test_sco("?on=clean")), "--learner", "launch-and-exit", "--fault", "commit-false")
    assert done.returncode == 0, done.stderr  # an injected failure is not the package's fault


@pytest.mark.parametrize("args,needle", [
    (["--fault", "sometimes"], "Invalid value for --fault"),
    (["--learner", "nobody"], "Invalid value for --learner"),
])
def test_usage_errors_exit_2(test_sco, args, needle):
    done = scorm_builder("play", str(test_sco()), *args)
    assert done.returncode == 2 and needle in done.stderr


@pytest.mark.parametrize("name,message", [("badscorm.zip", "imsmanifest.xml is not at the root of the zip"),
                                          ("invalid.zip", "imsmanifest.xml is not at the root of the zip")])
def test_unusable_packages_exit_2_without_traceback(name, message):
    done = scorm_builder("play", str(GOLF / name))
    assert done.returncode == 2 and f"{name}: error: {message}" in done.stderr
    assert "Traceback" not in done.stderr


def test_not_a_zip_exits_2(tmp_path):
    bogus = tmp_path / "x.zip"
    bogus.write_text("hello")
    done = scorm_builder("play", str(bogus))
    assert done.returncode == 2 and "is not a zip file" in done.stderr and "Traceback" not in done.stderr
