"""A small course that ends with a course evaluation (a likert statement and a reflection prompt)
before its test: what the likert and reflection tests build, validate and play."""
from __future__ import annotations

import textwrap
from pathlib import Path

from scorm_builder.build import build_course

STATEMENT = "Kursen var till nytta i mitt arbete."
PROMPT = "Vad tar du med dig från kursen?"
COURSE = {
    "course.yml": """\
        id: utvardering
        title: Kurs med utvärdering
        version: "1.0"
        lessons:
          - 01-utvardering
          - slutprov
        """,
    "lessons/01-utvardering.md": f"""\
        ---
        title: Utvärdering
        ---
        # Vad tyckte du?

        ::: fråga skala {{#nytta}}
        {STATEMENT}
        :::

        ::: fråga reflektion {{#med-mig}}
        {PROMPT}
        :::
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


def build(tmp_path: Path, packaging: str = "single-sco") -> Path:
    course = tmp_path / "utvardering"
    for name, text in COURSE.items():
        text = textwrap.dedent(text)
        if name == "course.yml":
            text = text.replace("lessons:\n", f"packaging: {packaging}\nlessons:\n")
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (course / name).write_text(text, encoding="utf-8")
    return build_course(course, tmp_path / "dist")[0]
