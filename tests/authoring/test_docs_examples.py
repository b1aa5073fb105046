"""The examples in docs/ are built, so the documentation cannot drift from the tool.

A fenced example is built when its info string names its role after the language:
`yaml course` (a whole course.yml), `yaml option` (keys added to a course.yml), `markdown lesson` (a whole lesson file), `markdown test` (a
whole final test), `markdown page` (content placed on a page), or a path below the course folder
(`html theme_overrides/base.html`). Unmarked fences that hold a `:::` block (the examples in
quizzes.md) are built as page content too. Every example must build with --strict, except one
marked `warns` after its role, which must build and warn (a placeholder block).
"""
from __future__ import annotations

import re
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scorm_builder.cli import main
from support import ROOT, write_course

DOCS = ROOT / "docs"
DOC_FILES = sorted(DOCS.glob("*.md"))
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)
ROLES = ("course", "option", "lesson", "test", "page")

BASE = {
    "course.yml": """\
        id: exempel
        title: Exempelkurs
        description: Kursen som dokumentationens exempel byggs i.
        audiences:
          - id: chefer
            title: Chefer och förtroendevalda
          - id: omsorg
            title: Omsorgspersonal
          - id: legitimerad
            title: Legitimerad personal
        levels:
          - id: grund
            title: Grundnivå
          - id: fordjupning
            title: Fördjupning
        glossary:
          lex Sarah: Skyldigheten att rapportera missförhållanden i vård och omsorg.
          våld i nära relation: Våld mellan personer som har eller har haft en nära relation.
        lessons:
          - exempel
          - slutprov
        """,
    "lessons/exempel.md": "---\ntitle: Exempel\n---\n# Exempel\n\nText.\n",
    "lessons/slutprov.md": "---\ntitle: Slutprov\ntype: test\n---\n::: fråga santfalskt\nStämmer det?\n\nsvar: sant\n:::\n",
}


def examples():
    found = []
    for path in DOC_FILES:
        name, text = path.name, path.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            info, body = match.group(1).split(), match.group(2)
            role = info[1] if len(info) > 1 else None
            if role is None and body.lstrip().startswith(":::") and body.rstrip().endswith(":::"):
                role = "page"
            if role is None:
                continue
            line = text.count("\n", 0, match.start()) + 1
            found.append(pytest.param(role, body, "warns" in info[2:], id=f"{name}:{line}"))
    return found


def test_docs_have_examples_of_every_kind():
    roles = {p.values[0] for p in examples()}
    assert set(ROLES) <= roles and any("/" in r for r in roles), roles


def course_for(role: str, body: str) -> dict[str, str]:
    files = dict(BASE)
    if role == "course":
        files["course.yml"] = body
        lessons = yaml.safe_load(body).get("lessons") or []
        files = {"course.yml": body}
        for stem in lessons:
            files[f"lessons/{stem}.md"] = BASE["lessons/slutprov.md" if "prov" in stem else "lessons/exempel.md"]
    elif role == "option":
        files["course.yml"] = textwrap.dedent(BASE["course.yml"]) + body
    elif role == "lesson":
        files["lessons/exempel.md"] = body
    elif role == "test":
        files["lessons/slutprov.md"] = body
    elif role == "page":
        heading = "" if body.startswith("# ") else "# Exempel\n\n"
        files["lessons/exempel.md"] = f"---\ntitle: Exempel\n---\n{heading}{body}"
    else:
        files[role] = body
    stubs = {".svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n', ".vtt": "WEBVTT\n"}   # these are read
    for ref in set(re.findall(r"\.\./assets/([\w./-]+)", "".join(files.values()))):
        files.setdefault(f"assets/{ref}", stubs.get(Path(ref).suffix, "exempelfil\n"))
    return files


@pytest.mark.parametrize("role, body, warns", examples())
def test_example_builds(role, body, warns, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    course = write_course(tmp_path / "kurs", course_for(role, body))
    strict = [] if warns else ["--strict"]
    result = CliRunner().invoke(main, ["--lang", "en", "build", *strict, str(course), "--out", "dist"])
    assert result.exit_code == 0, result.output
    assert (": warning: " in result.output) == warns, result.output
    if role.startswith("theme_overrides/") and role.endswith(".html"):
        package = sorted((tmp_path / "dist").glob("*.zip"))[0]
        page = zipfile.ZipFile(package).read("index.html").decode("utf-8")
        for block in re.findall(r"{%\s*block \w+\s*%}(.*?){%\s*endblock", body, re.S):
            literal = re.sub(r"{[{%].*?[}%]}", "", block).strip()
            assert literal in page, literal
