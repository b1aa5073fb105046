"""A small course whose first lesson is a scenario (tests/quiz/test_scenario.py's SOURCE) and that
ends in a one-question test, so interactions are recorded: what the scenario playback and
accessibility tests build."""
from __future__ import annotations

import textwrap
from pathlib import Path

from scorm_builder.build import build_course

COURSE = {
    "course.yml": """\
        id: scenariokurs
        title: Kurs med scenario
        version: "1.0"
        lessons:
          - 01-scenario
          - slutprov
        """,
    "lessons/slutprov.md": """\
        ---
        title: Slutprov
        type: test
        pass_mark: 100
        ---
        # Slutprov

        ::: fråga santfalskt
        Våld kan vara psykiskt.

        svar: sant
        :::
        """,
}


def build(tmp_path: Path, scenario_source: str, packaging: str = "single-sco", theme: str = "default") -> Path:
    """The course with `scenario_source` as its first lesson's body, built; the zip."""
    course = tmp_path / "scenariokurs"
    files = {**{k: textwrap.dedent(v) for k, v in COURSE.items()},
             "lessons/01-scenario.md": "---\ntitle: Scenario\n---\n# Blåmärken\n\n"
                                       + textwrap.dedent(scenario_source).strip("\n") + "\n"}
    files["course.yml"] = files["course.yml"].replace("lessons:\n", f"packaging: {packaging}\ntheme: {theme}\nlessons:\n")
    for name, text in files.items():
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (course / name).write_text(text, encoding="utf-8")
    return build_course(course, tmp_path / "dist")[0]
