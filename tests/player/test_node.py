"""Runs the player's pure-logic tests (tests/player/js/*.test.mjs) under `node --test`.

They load the real player sources into a V8 context and, for the LMS adapter, talk to the
pinned scorm-again runtime from node_modules.
"""
import re
import subprocess
from pathlib import Path

JS_DIR = Path(__file__).parent / "js"


def test_player_logic_under_node():
    files = sorted(str(p) for p in JS_DIR.glob("*.test.mjs"))
    assert files, "no node test files found"
    run = subprocess.run(["node", "--test", "--test-reporter=tap", *files],
                         capture_output=True, text=True, timeout=120, cwd=JS_DIR.parents[2])
    counts = dict(re.findall(r"^# (pass|fail|cancelled|skipped|todo) (\d+)$", run.stdout, re.M))
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert int(counts["pass"]) >= 20 and counts["fail"] == "0" and counts["skipped"] == "0", counts
