"""`report.html`: one page QA opens instead of reading transcript.json.

It opens from disk with nothing from the network: the CSS and the call log's filter are inline and
the screenshots are the PNGs beside it in the report folder. Top to bottom: the verdict, the
problems, one row per launch, each page photographed (desktop and phone, full length) with its
accessibility findings, the call log, and the cmi the LMS recorded last. Every word comes from the
catalogue of the interface language.
"""
from __future__ import annotations

from pathlib import Path

import jinja2

from scorm_builder.i18n import current_lang, t
from scorm_builder.runtime.findings import problems, session_time

TEMPLATE = Path(__file__).with_name("report_template.html")


def launch_rows(run) -> list[dict]:
    return [{"number": launch.number, "sco": launch.sco, "entry": launch.entry,
             "status": launch.cmi.get("cmi.core.lesson_status", ""),
             "score": launch.cmi.get("cmi.core.score.raw") or "-", "time": session_time(launch),
             "calls": len(launch.calls)} for launch in run.launches]


def render(run) -> str:
    a11y_count = sum(len(v["nodes"]) for launch in run.launches for r in launch.a11y for v in r["violations"])
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(
        t=t, lang=current_lang(), run=run, name=Path(run.package).name, problems=problems(run, Path(run.package).name),
        a11y_count=a11y_count, launches=launch_rows(run), cmi=sorted(run.cmi.items()),
        calls=[{**c, "launch": launch.number, "index": i, "args": ", ".join(map(str, c.get("args", [])))}
               for launch in run.launches for i, c in enumerate(launch.calls)],
        functions=sorted({c["fn"] for c in run.calls}))


def write(run, report_dir: Path) -> Path:
    path = report_dir / "report.html"
    path.write_text(render(run), encoding="utf-8")
    return path
