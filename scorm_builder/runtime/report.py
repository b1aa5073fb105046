"""Playback reports written by `--report DIR` / `report_dir`: report.html for people (see
report_html.py), the JSON transcript and JUnit XML for tools.

`transcript.json` holds every launch (calls, violations, the recorded and the live cmi, screenshots)
and the run's errors; `junit.xml` has one test case per launch plus one for the run's errors, so CI
shows a failing package like a failing test. The PNGs (desktop and phone, photos.py) are written by
the session as pages are seen.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from lxml import etree

from scorm_builder.runtime import a11y, report_html


def transcript(run) -> dict:
    return {"package": run.package, "learner": run.learner, "launch": run.mode, "lms": run.lms,
            "faults": run.faults, "ok": run.ok, "errors": run.errors,
            "launches": [asdict(l) for l in run.launches], "record": run.record}


def _violation_text(v: dict) -> str:
    where = f"call {v['call']}" if v["call"] is not None else "session"
    value = f" = {v['value']!r}" if v.get("value") is not None else ""
    element = f" {v['element']}{value}" if v.get("element") else ""
    return f"{where}: {v['rule']}:{element} ({v['detail']})"


def junit(run) -> bytes:
    suite = etree.Element("testsuite", name=f"scorm-builder play {Path(run.package).name}")
    failures = 0
    for launch in run.launches:
        case = etree.SubElement(suite, "testcase", classname=f"{run.learner}.{run.mode}.{run.lms}",
                                name=f"launch {launch.number}: {launch.sco}")
        if launch.violations:
            failures += 1
            failure = etree.SubElement(case, "failure", message=f"{len(launch.violations)} SCORM 1.2 violations")
            failure.text = "\n".join(_violation_text(v) for v in launch.violations)
    case = etree.SubElement(suite, "testcase", classname=f"{run.learner}.{run.mode}.{run.lms}", name="run")
    if run.errors:
        failures += 1
        failure = etree.SubElement(case, "failure", message=f"{len(run.errors)} errors")
        failure.text = "\n".join(f"{e['kind']}: {e['message']}" for e in run.errors)
    pages, page_failures = a11y.junit_cases(suite, run)
    suite.set("tests", str(len(run.launches) + 1 + pages))
    suite.set("failures", str(failures + page_failures))
    return etree.tostring(suite, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_report(run, report_dir: Path) -> None:
    (report_dir / "transcript.json").write_text(json.dumps(transcript(run), indent=2, ensure_ascii=False),
                                                encoding="utf-8")
    (report_dir / "junit.xml").write_bytes(junit(run))
    (report_dir / "a11y.json").write_text(json.dumps(a11y.summary(run), indent=2, ensure_ascii=False), encoding="utf-8")
    report_html.write(run, report_dir)
