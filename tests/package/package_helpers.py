"""Zips made on the fly with `zipfile`, and the CLI, for validate/inspect tests."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from scorm_builder.cli import main

GOOD_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.kurs" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>Exempelkurs</title>
      <item identifier="item1" identifierref="res1">
        <title>Lektion 1</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="assets/bild.png"/>
    </resource>
  </resources>
</manifest>
"""

INDEX = "<!doctype html>\n<html><head><title>Kurs</title></head><body><img src=\"assets/bild.png\" alt=\"\"></body></html>\n"

GOOD_FILES = {"imsmanifest.xml": GOOD_MANIFEST, "index.html": INDEX, "assets/bild.png": b"\x89PNG fake"}


def edit(text: str, old: str, new: str) -> str:
    """`text` with `old` replaced; fails loudly when `old` is not there (a test that edits nothing)."""
    assert old in text, f"{old!r} not in the text"
    return text.replace(old, new)


def write_zip(path: Path, files: dict, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip with these entries; a value may be str, bytes or (ZipInfo, bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in files.items():
            if isinstance(data, tuple):
                zf.writestr(data[0], data[1])
            else:
                zf.writestr(name, data)
    return path


def cli(*args: str, lang: str = "en"):
    return CliRunner().invoke(main, ["--lang", lang, *args])


def validate_json(*paths: Path) -> tuple[int, list[dict]]:
    result = cli("validate", "--format", "json", *map(str, paths))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.output)


def codes(report: dict, kind: str = "errors") -> list[str]:
    return [d["code"] for d in report[kind]]
