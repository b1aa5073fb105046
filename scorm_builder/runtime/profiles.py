"""LMS profiles: what the LMS does with a SCO's data at LMSFinish and at the next launch.

All status rewriting lives here (scorm-again runs with `mastery_override: false`), so each profile
is one readable set of rules (NOTES.md sections 9, 10 and 11):

- `strict`: the SCORM 1.2 text. Mastery rule only; `entry` is `resume` after `exit=suspend`,
  otherwise `""`; the data is kept; `student_name` is "Last, First".
- `moodle`: Moodle 4.5 defaults. A never-set status becomes `completed` at finish, then the
  mastery score overrides the status; only `exit=suspend` resumes, any other exit starts a new
  attempt (`ab-initio`, suspend_data and bookmark wiped); `student_name` is "First Last".
"""
from __future__ import annotations

from dataclasses import dataclass

from scorm_builder.runtime.scos import Sco

FRESH = {"cmi.core.lesson_status": "not attempted", "cmi.core.lesson_location": "",
         "cmi.suspend_data": "", "cmi.core.total_time": "0000:00:00", "cmi.core.exit": ""}


@dataclass(frozen=True)
class Student:
    """Who the LMS says is taking the course (cmi.core.student_id / student_name)."""
    student_id: str = "learner-1"
    first_name: str = "Anna"
    last_name: str = "Andersson"


@dataclass(frozen=True)
class Profile:
    name: str
    first_name_first: bool            # student_name "First Last" instead of "Last, First"
    unset_status_completes: bool      # not attempted -> completed at LMSFinish
    new_attempt_unless_suspend: bool  # any exit but suspend wipes the record at the next launch

    def student_name(self, student: Student) -> str:
        if self.first_name_first:
            return f"{student.first_name} {student.last_name}"
        return f"{student.last_name}, {student.first_name}"

    def preset(self, stored: dict | None, sco: Sco, student: Student) -> tuple[dict, dict]:
        """(scorm-again loadFromJSON preset, the cmi the launch starts from) for one launch."""
        if stored is None:
            start, entry = dict(FRESH), "ab-initio"
        elif stored.get("cmi.core.exit") == "suspend":
            start, entry = dict(stored), "resume"
        elif self.new_attempt_unless_suspend:
            start, entry = dict(FRESH), "ab-initio"
        else:
            start, entry = dict(stored), ""
        core = {"student_id": student.student_id, "student_name": self.student_name(student),
                "credit": "credit", "lesson_mode": "normal", "entry": entry,
                "lesson_location": start.get("cmi.core.lesson_location", ""),
                "lesson_status": start.get("cmi.core.lesson_status", "not attempted"),
                "total_time": start.get("cmi.core.total_time", "0000:00:00")}
        score = {k: start.get(f"cmi.core.score.{k}", "") for k in ("raw", "min", "max")}
        if any(score.values()):
            core["score"] = score
        preset = {"core": core, "suspend_data": start.get("cmi.suspend_data", ""),
                  "launch_data": sco.launch_data,
                  "student_data": {"mastery_score": sco.mastery_score,
                                   "max_time_allowed": sco.max_time_allowed,
                                   "time_limit_action": sco.time_limit_action}}
        return preset, {**start, "cmi.core.entry": entry}

    def at_finish(self, cmi: dict) -> dict:
        """The record the LMS keeps after LMSFinish, from the cmi as the SCO left it."""
        out = dict(cmi)
        status = out.get("cmi.core.lesson_status", "not attempted")
        if self.unset_status_completes and status == "not attempted":
            status = "completed"
        mastery = out.get("cmi.student_data.mastery_score", "")
        raw = out.get("cmi.core.score.raw", "")
        if (out.get("cmi.core.lesson_mode", "normal") == "normal" and out.get("cmi.core.credit") == "credit"
                and _number(mastery) is not None and _number(raw) is not None):
            status = "passed" if _number(raw) >= _number(mastery) else "failed"
        out["cmi.core.lesson_status"] = status
        return out


def _number(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


PROFILES = {
    "strict": Profile("strict", first_name_first=False, unset_status_completes=False, new_attempt_unless_suspend=False),
    "moodle": Profile("moodle", first_name_first=True, unset_status_completes=True, new_attempt_unless_suspend=True),
}
