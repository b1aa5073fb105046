"""The sweep: every hostile zip of the corpus through `validate`, `inspect` and `play`.

None may end in a traceback or an undocumented exit code, `play` must give the expected code and
findings, and nothing may be written outside the temporary folders: the working directory stays
empty, the temporary folder is left as it was, and the canary folder that some entries aim at
is never created.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile_zips import cases
from scorm_builder.cli import main
from scorm_builder.i18n import has, t
from scorm_builder.commands.play import run_play
from scorm_builder.runtime.limits import Limits

pytestmark = pytest.mark.playback

CANARY = Path(tempfile.gettempdir()) / f"sb-hardening-canary-{os.getpid()}"
CASES = cases(CANARY)
LIMITS = Limits(launch_seconds=8, run_seconds=15, calls=500)


def test_the_corpus_is_big_enough_and_named_once():
    assert len(CASES) >= 40 and len({c.id for c in CASES}) == len(CASES)


def finding_words(kind: str) -> str:
    """The start of the line play prints for a finding of this kind (run error or violation rule)."""
    key = f"play.error.{kind}" if has(f"play.error.{kind}") else f"play.rule.{kind}"
    return t(key, "en", message="").rstrip(": ")


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """An empty working directory and an empty temporary folder, checked empty afterwards."""
    cwd, tmp = tmp_path / "cwd", tmp_path / "tmp"
    cwd.mkdir()
    tmp.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    assert not CANARY.exists()
    yield tmp_path
    assert list(cwd.iterdir()) == [] and list(tmp.iterdir()) == []
    assert not CANARY.exists()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_zip(case, sandbox, playback_browser, capsys):
    zip_path = case.make(sandbox / f"{case.id}.zip")
    for command in ("validate", "inspect"):
        result = CliRunner().invoke(main, ["--lang", "en", command, str(zip_path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        assert "Traceback" not in result.output and result.exit_code in (0, 1, 2), (command, result.output)
        assert "root:x:0:0" not in result.output  # no external entity was read
    capsys.readouterr()
    code = run_play(zip_path, "launch-and-exit", "iframe", "strict", None, [], LIMITS, browser=playback_browser)
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and "root:x:0:0" not in out.out + out.err
    assert code in (case.play if isinstance(case.play, tuple) else (case.play,)), out.err
    for kind in case.findings:
        assert finding_words(kind) in out.err, (kind, out.err)
    if code == 2:
        assert len(out.err.splitlines()) <= 2 and out.out == ""  # one line and its hint
