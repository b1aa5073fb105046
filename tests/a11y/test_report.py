"""`play --report DIR` carries axe results per page: `a11y.json`, the launch's `a11y` in the
transcript, and one JUnit test case per page; for our packages and for third-party ones."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from scorm_builder.build import build_course
from test_findings import faulty_package

pytestmark = pytest.mark.playback
GOLF = Path(__file__).resolve().parents[1] / "runtime" / "fixtures" / "sco.html"
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="golf" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Test</title>
    <item identifier="item_1" identifierref="res" parameters="?on=clean"><title>Test</title></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="sco.html">
    <file href="sco.html"/></resource></resources>
</manifest>"""


def scorm_builder(*args: str) -> subprocess.CompletedProcess:
    """The command as QA runs it (its own process: it starts its own Chromium)."""
    return subprocess.run([sys.executable, "-m", "scorm_builder", *args], capture_output=True, text=True, timeout=600)


def test_report_has_axe_results_per_page_of_our_package(make_course, tmp_path):
    package = faulty_package(make_course, tmp_path)
    report = tmp_path / "report"
    result = scorm_builder("play", str(package), "--learner", "passes", "--report", str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads((report / "a11y.json").read_text(encoding="utf-8"))
    assert (f"tillgänglighet (WCAG 2.1 A/AA, axe-core): 3 fel på 1 av de {summary['pages']} granskade sidorna"
            in result.stdout)
    pages = {r["page"]: r for r in summary["results"]}
    assert {"l01-forsta-1", "l01-forsta-2", "slutprov-1"} <= pages.keys()
    assert {v["rule"] for v in pages["l01-forsta-2"]["violations"]} == {"color-contrast", "link-name", "valid-lang"}
    assert all(not r["violations"] for page, r in pages.items() if page != "l01-forsta-2")
    assert summary["violations"] == 3 and summary["pages"] == len(summary["results"])
    assert all((report / r["screenshot"]).is_file() for r in summary["results"])

    transcript = json.loads((report / "transcript.json").read_text(encoding="utf-8"))
    assert transcript["launches"][0]["a11y"] == [{k: v for k, v in r.items() if k not in ("launch", "sco")}
                                                 for r in summary["results"]]
    suite = etree.parse(str(report / "junit.xml")).getroot()
    cases = {c.get("name"): c for c in suite.iter("testcase") if c.get("classname") == "a11y.wcag21aa"}
    assert len(cases) == summary["pages"]
    failed = [name for name, c in cases.items() if c.find("failure") is not None]
    assert failed == ["launch 1: l01-forsta-2"]
    text = cases["launch 1: l01-forsta-2"].find("failure").text
    assert "l01-forsta-2: color-contrast (serious): .grey:" in text
    assert int(suite.get("failures")) == 1 and int(suite.get("tests")) == 2 + summary["pages"]


def test_report_audits_a_third_party_package(tmp_path):
    package = tmp_path / "golf.zip"
    with zipfile.ZipFile(package, "w") as zf:
        zf.writestr("imsmanifest.xml", MANIFEST)
        zf.write(GOLF, "sco.html")
    report = tmp_path / "report"
    result = scorm_builder("play", str(package), "--report", str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads((report / "a11y.json").read_text(encoding="utf-8"))
    assert [r["page"] for r in summary["results"]] == ["item_1"]
    assert "/pkg/sco.html?on=clean" in summary["results"][0]["url"]
    assert "error" not in summary["results"][0]
