"""The mistakes corpus (mistakes.py): each case fails with exit 1, no traceback, and exactly the
messages in its reviewed snapshot; `--update-snapshots` rewrites the snapshots."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mistakes import CASES
from scorm_builder.cli import main
from support import MINIMAL, write_course

SNAPSHOTS = Path(__file__).parent / "snapshots"


def run_case(tmp_path: Path, changes: dict, args: tuple[str, ...]):
    files = {**MINIMAL, **{k: v for k, v in changes.items() if isinstance(v, str)}}
    for name, text in changes.items():
        if text is None:
            files.pop(name)
    course = write_course(tmp_path / "kurs", files)
    for name, data in changes.items():   # bytes: a file exactly as some editor saved it
        if isinstance(data, bytes):
            (course / name).write_bytes(data)
    return CliRunner().invoke(main, list(args), env={"SCORM_BUILDER_LANG": None})


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", sorted(CASES))
def test_mistake(case, tmp_path, monkeypatch, request):
    monkeypatch.chdir(tmp_path)
    changes, args = CASES[case]
    result = run_case(tmp_path, changes, args)
    assert isinstance(result.exception, SystemExit), result.exception   # no traceback, an exit
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert ": error: " in result.output or ": warning: " in result.output
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())
    text = f"$ scorm-builder {' '.join(args)}\nexit {result.exit_code}\n{result.output}"
    snapshot = SNAPSHOTS / f"{case}.txt"
    if request.config.getoption("update_snapshots", default=False):
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot yet: run pytest tests/authoring --update-snapshots and review {snapshot}"
    assert text == snapshot.read_text(encoding="utf-8")
