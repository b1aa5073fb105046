"""Entry names and titles with control characters or bidi overrides cannot forge output lines."""
from __future__ import annotations

import json

from package_helpers import GOOD_FILES, GOOD_MANIFEST, cli, edit, write_zip

FORGED = "x\ndist/kurs.zip: giltigt SCORM 1.2-paket (0 fel, 0 varningar)\r\u202egnp.exe"


def forged_zip(tmp_path):
    manifest = edit(GOOD_MANIFEST, "<title>Lektion 1</title>", "<title>Lektion&#10;1 \u202eevil</title>")
    return write_zip(tmp_path / "kurs.zip", {**GOOD_FILES, "imsmanifest.xml": manifest, FORGED: "x"})


def test_validate_text_escapes_names(tmp_path):
    result = cli("validate", str(forged_zip(tmp_path)))
    assert result.exit_code == 0
    assert "\u202e" not in result.output and "\r" not in result.output
    lines = result.output.splitlines()
    assert all(line.startswith((str(tmp_path), "  hint:")) for line in lines), lines
    assert "x\\u000adist/kurs.zip: giltigt SCORM 1.2-paket (0 fel, 0 varningar)\\u000d\\u202egnp.exe: warning:" in result.output


def test_such_a_name_is_a_warning_of_its_own(tmp_path):
    result = cli("validate", "--format", "json", str(forged_zip(tmp_path)))
    [report] = json.loads(result.output)
    assert ("validate.name_unprintable", FORGED) in {(w["code"], w["file"]) for w in report["warnings"]}


def test_validate_json_keeps_the_exact_name_but_escapes_it(tmp_path):
    result = cli("validate", "--format", "json", str(forged_zip(tmp_path)))
    assert "\u202e" not in result.output
    [report] = json.loads(result.output)
    assert FORGED in {w["file"] for w in report["warnings"]}


def test_inspect_text_and_json_escape_names_and_titles(tmp_path):
    path = forged_zip(tmp_path)
    text = cli("inspect", str(path)).output
    assert "\u202e" not in text and "\r" not in text
    escaped = "x\\u000adist/kurs.zip: giltigt SCORM 1.2-paket (0 fel, 0 varningar)\\u000d\\u202egnp.exe"
    assert any(line.endswith(f"B  {escaped}") for line in text.splitlines()), text
    assert "    Lektion 1 \\u202eevil -> index.html [sco]" in text.splitlines()
    raw = cli("inspect", "--format", "json", str(path)).output
    assert "\u202e" not in raw
    assert FORGED in {f["name"] for f in json.loads(raw)["files"]["largest"]}
