"""The learner record: what the LMS keeps per learner and SCO between launches.

In memory by default; with a path it is a JSON file, so a resume can even span two `play` runs.
Only what an LMS persists is kept: status, score, bookmark, suspend_data, total_time and exit.
"""
from __future__ import annotations

import json
from pathlib import Path

PERSISTED = ("cmi.core.lesson_status", "cmi.core.lesson_location", "cmi.suspend_data",
             "cmi.core.total_time", "cmi.core.exit", "cmi.core.score.raw", "cmi.core.score.min",
             "cmi.core.score.max")


class LearnerRecord:
    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else None
        self.scos: dict[str, dict] = {}
        if self.path and self.path.is_file():
            self.scos = json.loads(self.path.read_text(encoding="utf-8"))

    def get(self, sco_id: str) -> dict | None:
        stored = self.scos.get(sco_id)
        return dict(stored) if stored is not None else None

    def store(self, sco_id: str, cmi: dict) -> None:
        self.scos[sco_id] = {k: cmi.get(k, "") for k in PERSISTED}
        if self.path:
            self.path.write_text(json.dumps(self.scos, indent=2, ensure_ascii=False), encoding="utf-8")
