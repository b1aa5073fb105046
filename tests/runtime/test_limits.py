"""A package cannot keep `play` running or growing: time limits per launch and per run, a cap on
recorded calls, a bounded heap. Each ends as a finding, and the temporary folders are gone."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from runtime_test_packages import hostile_sco, make_package
from scorm_builder.runtime.limits import Limits

pytestmark = pytest.mark.playback

SPIN_BEFORE_INITIALIZE = "while (true) {}"
SPIN_AFTER_INITIALIZE = 'api.LMSInitialize(""); while (true) {}'
FLOOD_FOREVER = 'api.LMSInitialize(""); for (var i = 0; ; i++) api.LMSSetValue("cmi.suspend_data", "x" + i);'
FLOOD_THEN_FINISH = """api.LMSInitialize("");
for (var i = 0; i < 5000; i++) api.LMSGetValue("cmi.core.student_name");
api.LMSSetValue("cmi.core.lesson_status", "completed");
api.LMSFinish("");"""
HOARD = "var keep = []; while (true) keep.push(new Array(1e6).fill(keep.length));"


def package(tmp_path, script: str, items=(("item_1", "", ""),)):
    return make_package(tmp_path / "hostile.zip", items, html=hostile_sco(script))


@pytest.mark.parametrize("script", [SPIN_BEFORE_INITIALIZE, SPIN_AFTER_INITIALIZE, FLOOD_FOREVER],
                         ids=["spins-before-initialize", "spins-after-initialize", "floods-forever"])
def test_a_sco_that_never_stops_ends_at_the_launch_limit(play, tmp_path, script):
    """The launch is stopped at its limit, and the next SCO still plays (here: the same page
    again, as a second item, which also spins and is stopped too)."""
    started = time.monotonic()
    run = play(package(tmp_path, script, (("first", "", ""), ("second", "", ""))), "launch-and-exit",
               limits=Limits(launch_seconds=3, run_seconds=60))
    assert time.monotonic() - started < 90  # far below "forever", with room for a loaded machine
    limits = [e["message"] for e in run.errors if e["kind"] == "time-limit"]
    assert limits == ["first (launch limit, 3 s)", "second (launch limit, 3 s)"]
    assert [l.ended_by for l in run.launches] == ["time-limit", "time-limit"] and not run.ok


def test_the_run_limit_stops_the_rest(play, tmp_path):
    started = time.monotonic()
    run = play(package(tmp_path, SPIN_AFTER_INITIALIZE, (("first", "", ""), ("second", "", ""))), "launch-and-exit",
               limits=Limits(launch_seconds=60, run_seconds=3))
    assert time.monotonic() - started < 90  # far below "forever", with room for a loaded machine
    assert [e["message"] for e in run.errors if e["kind"] == "time-limit"] == ["first (run limit, 3 s)"]
    assert [l.sco for l in run.launches] == ["first"]  # the second SCO was never launched


def test_a_flood_of_calls_is_capped_and_flagged(play, tmp_path):
    run = play(package(tmp_path, FLOOD_THEN_FINISH), "launch-and-exit", limits=Limits(calls=100))
    (launch,) = run.launches
    assert len(launch.calls) == 100
    assert [v["rule"] for v in launch.violations] == ["call-limit"]
    assert launch.finished is False and not run.ok


def test_a_sco_that_hoards_memory_crashes_its_page_not_the_machine(tmp_path, short_tmp):
    started = time.monotonic()
    done = play_cli(short_tmp, package(tmp_path, HOARD), "--max-memory", "64", "--launch-timeout", "60")
    assert time.monotonic() - started < 90
    assert done.returncode == 1, done.stderr
    assert "error: a page of the package crashed (out of memory, or killed): item_1: " in done.stderr
    assert "Traceback" not in done.stderr and list(short_tmp.iterdir()) == []


@pytest.fixture
def short_tmp():
    """An empty TMPDIR with a short path (Chromium's singleton socket path must stay under 108 bytes)."""
    path = Path(tempfile.mkdtemp(prefix="sbt-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def play_cli(tmp: Path, zip_path: Path, *options: str) -> subprocess.CompletedProcess:
    """`scorm-builder play` in a subprocess whose TMPDIR is `tmp`, to see what it leaves there
    (HOME is the zip's folder: Chromium keeps its caches there)."""
    return subprocess.run([sys.executable, "-m", "scorm_builder", "--lang", "en", "play", str(zip_path), *options],
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp), "HOME": str(zip_path.parent)})


def test_cli_time_limit_exits_1_and_leaves_no_temporary_folder(tmp_path, short_tmp):
    zip_path = package(tmp_path, SPIN_BEFORE_INITIALIZE)
    done = play_cli(short_tmp, zip_path, "--launch-timeout", "3", "--timeout", "20")
    assert done.returncode == 1, done.stderr
    assert (f"{zip_path}: error: the package was still running at its time limit and was stopped: "
            "item_1 (launch limit, 3 s)") in done.stderr
    assert "Traceback" not in done.stderr
    assert list(short_tmp.iterdir()) == []


BROWSER_DIES = '''
import os, signal, sys
from pathlib import Path
from scorm_builder.runtime.playback import play


def descendants(pid):
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    todo, found = list(children.get(pid, [])), []
    while todo:
        found.append(todo.pop())
        todo.extend(children.get(found[-1], []))
    return found


def learner(session):
    session.launch()
    for pid in descendants(os.getpid()):  # this run's Chromium only, never anyone else's
        try:
            if b"--type=" not in Path(f"/proc/{pid}/cmdline").read_bytes() and b"chrom" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    session.page.wait_for_timeout(500)
    session.unload()


run = play(sys.argv[1], learner)
print([(e["kind"], e["message"]) for e in run.errors], [l.ended_by for l in run.launches])
'''


def test_a_browser_that_dies_midway_is_a_crash_finding(tmp_path, short_tmp):
    script = tmp_path / "dies.py"
    script.write_text(BROWSER_DIES, encoding="utf-8")
    zip_path = make_package(tmp_path / "two.zip", (("first", "", ""), ("second", "", "")))
    done = subprocess.run([sys.executable, str(script), str(zip_path)], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "TMPDIR": str(short_tmp), "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    # the second SCO is not tried: nothing can play without a browser
    assert done.stdout.strip() == "[('crash', 'first: Chromium closed (TargetClosedError)')] ['crash']"
