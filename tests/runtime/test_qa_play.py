"""QA's CI recipe: scripts/qa-play plays every package in a folder in parallel (pytest -n 2 here)
through the pytest plugin and leaves JUnit and HTML reports; the GitHub Actions example runs the
same command."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml
from lxml import etree

from scorm_builder.build import build_course
from support import GOLF, ROOT

pytestmark = pytest.mark.playback


def test_qa_play_plays_every_package_in_parallel_and_reports(make_course, tmp_path):
    dist = tmp_path / "dist"
    build_course(make_course(), dist)                         # mini-1.0-chefer.zip, mini-1.0-omsorg.zip
    shutil.copy(GOLF / "singlesco_scorm12.zip", dist)         # never calls LMSInitialize: must fail
    env = {**os.environ, "PYTHON": sys.executable, "QA_WORKERS": "2"}
    done = subprocess.run([str(ROOT / "scripts" / "qa-play"), "dist", "reports"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "2 workers [3 items]" in done.stdout
    assert "FAILED dist/singlesco_scorm12.zip::auto" in done.stdout

    suite = etree.parse(str(tmp_path / "reports" / "junit.xml")).getroot().find("testsuite")
    failed = sorted((c.get("classname"), c.get("name"), c.find("failure") is not None) for c in suite.iter("testcase"))
    assert [(name, bad) for _, name, bad in failed] == [("auto", False), ("auto", False), ("auto", True)]
    assert [classname for classname, _, bad in failed if bad] == ["singlesco_scorm12.zip"]
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    failure = next(c.find("failure") for c in suite.iter("testcase") if c.find("failure") is not None)
    assert "LMSInitialize" in failure.get("message")

    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    for folder in ("mini-1.0-chefer-auto", "mini-1.0-omsorg-auto", "singlesco_scorm12-auto"):
        assert f'<a href="{folder}/report.html">' in index
        assert (tmp_path / "reports" / folder / "report.html").is_file()
    assert '<li class="fail"><a href="singlesco_scorm12-auto/report.html">' in index


def test_the_github_actions_example_runs_what_the_script_runs():
    workflow = yaml.safe_load((ROOT / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = {s.get("name"): s for s in workflow["jobs"]["play"]["steps"]}
    command = shlex.split(steps["Play every package in dist/ in parallel"]["run"])
    script = (ROOT / "scripts" / "qa-play").read_text(encoding="utf-8")
    for option in ("-p", "no:cacheprovider", "--scorm-play", "--scorm-report", "--junitxml"):
        assert option in command and option in script
    assert command[:3] == ["python", "-m", "pytest"] and command[command.index("-n") + 1] == "auto"
    assert command[command.index("--junitxml") + 1] == "reports/junit.xml" and command[-1] == "dist"
    assert steps["Publish the HTML reports"]["with"]["path"] == "reports/"
