"""A run's outcome in words: the summary line per launch and each finding as a diagnostic line.

`play` prints them (commands/play.py); report.html and the pytest plugin show the same lines."""
from __future__ import annotations

from scorm_builder.errors import ERROR, Diagnostic
from scorm_builder.i18n import t


def summary(run) -> list[str]:
    lines = [t("play.summary", package=run.package, learner=run.learner, launch=run.mode, lms=run.lms)]
    for launch in run.launches:
        cmi = launch.cmi
        lines.append(t("play.launch", number=launch.number, sco=launch.sco, entry=launch.entry or '""',
                       status=cmi.get("cmi.core.lesson_status", ""),
                       score=cmi.get("cmi.core.score.raw") or "-",
                       time=session_time(launch), calls=len(launch.calls)))
    return lines


def session_time(launch) -> str:
    """The session_time the SCO reported last in this launch, as it sent it."""
    sent = [c["args"][1] for c in launch.calls
            if c["fn"] == "LMSSetValue" and c["args"][:1] == ["cmi.core.session_time"] and len(c["args"]) > 1]
    return str(sent[-1]) if sent else "-"


def _what(v: dict) -> str:
    if not v["element"]:
        return ""
    value = v["value"] if v["value"] is not None else ""
    return f": {v['element']} = {value!r}" if v["value"] is not None else f": {v['element']}"


def problems(run, path: str) -> list[str]:
    lines = []
    for v in run.violations:
        call = run.launches[v["launch"] - 1].calls[v["call"]] if v["call"] is not None else None
        params = {"launch": v["launch"], "call": v["call"] if v["call"] is not None else "-",
                  "fn": call["fn"] if call else "-", "rule": t("play.rule." + v["rule"]),
                  "what": _what(v)}
        lines.append(Diagnostic(ERROR, "play.violation", path, params=params).format())
    for e in run.errors:
        lines.append(Diagnostic(ERROR, "play.error." + e["kind"], path, params={"message": e["message"]}).format())
    return lines
