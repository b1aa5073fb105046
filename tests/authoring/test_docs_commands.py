"""Every command line in README.md and docs/ works, so the documentation cannot drift from the tool
(course snippets are built by test_docs_examples.py).

A line is either an example (`scorm-builder build min-kurs`), which is run in a folder holding
the course it names and the packages it names, or a synopsis (`scorm-builder build [KURSMAPP]
[--out dist]`), whose command, options and listed choices must be the tool's. `preview` (a server
that runs until Ctrl-C) and `play` (a browser run; tested in tests/runtime/) are only parsed by the
command's own argument parser: fast, and it still rejects an option or value that does not exist.
`scripts/…` lines name scripts that must exist and be executable.
"""
from __future__ import annotations

import re
import shutil

import click
import pytest
from click.testing import CliRunner

from scorm_builder.build import build_course
from scorm_builder.cli import main
from support import ROOT, SAMPLE_COURSE

SOURCES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)
SHELL_FENCES = ("", "sh", "bash", "shell", "console")
PLACEHOLDERS = {"COMMAND", "KURSMAPP", "COURSE_DIR", "PAKET.zip", "PACKAGE.zip", "DIR", "ID", "NAME", "SPEC",
                "…", "...", "MS"}
PACKAGES = ("paket.zip", "kurs.zip", "fler.zip")   # package names the docs use in examples
PARSE_ONLY = {"preview", "play"}


def command_lines() -> list:
    found = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        for match in FENCE.finditer(text):
            if match.group(1).strip() not in SHELL_FENCES:
                continue
            first = text.count("\n", 0, match.start(2)) + 1
            for offset, line in enumerate(match.group(2).splitlines()):
                line = re.split(r"\s+#\s", line.strip().removeprefix("$ "))[0].strip()
                if line.startswith("scorm-builder ") or re.match(r"scripts/[\w-]+(\s|$)", line):
                    found.append(pytest.param(line, id=f"{name}:{first + offset}"))
        for match in re.finditer(r"`(scorm-builder [^`]+)`", text):
            found.append(pytest.param(match.group(1), id=f"{name}:{text.count(chr(10), 0, match.start()) + 1}"))
    return found


def is_synopsis(words: list[str]) -> bool:
    return any("[" in w or "|" in w or w.strip("[]") in PLACEHOLDERS for w in words)


def split_command(words: list[str]) -> tuple[click.Command, list[str]]:
    """The subcommand named, and its arguments; group options (`--lang X`) are skipped."""
    rest = words[1:]
    while rest and rest[0].strip("[]").startswith("--"):
        rest = rest[2:] if rest[0].strip("[]") == "--lang" else rest[1:]
    assert rest, words
    name = rest[0]
    if name == "COMMAND":
        return main, words[1:]
    assert name in main.commands, f"no command {name!r}"
    return main.commands[name], rest[1:]


def check_synopsis(words: list[str]) -> None:
    command, args = split_command(words)
    params = {opt: p for p in [*command.params, *main.params] for opt in getattr(p, "opts", [])}
    for i, word in enumerate(args):
        option = word.strip("[]")
        if not option.startswith("-"):
            continue
        assert option in params, f"{option} is not an option of {command.name}"
        value = args[i + 1].strip("[]") if i + 1 < len(args) else ""
        choices = getattr(params[option].type, "choices", None)
        if choices and "|" in value:
            assert set(value.split("|")) == set(choices), (option, value, choices)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder with the courses the examples name (min-kurs from `new`, and a copy as kurs), its
    packages under the names the docs use, and the sample course built into dist/ (the README's
    play example)."""
    folder = tmp_path_factory.mktemp("docs")
    runner = CliRunner()
    assert runner.invoke(main, ["--lang", "sv", "new", str(folder / "min-kurs")]).exit_code == 0
    shutil.copytree(folder / "min-kurs", folder / "kurs")
    built = build_course(folder / "min-kurs", folder / "built")
    for name in PACKAGES:
        shutil.copy(built[0], folder / name)
    build_course(SAMPLE_COURSE, folder / "dist")
    return folder


@pytest.mark.parametrize("line", command_lines())
def test_documented_command_line_works(line, workspace, tmp_path, monkeypatch):
    words = line.split()
    if words[0].startswith("scripts/"):
        script = ROOT / words[0]
        assert script.is_file() and script.stat().st_mode & 0o111, f"{words[0]} is not an executable script"
        return
    if is_synopsis(words):
        check_synopsis(words)
        return
    command, args = split_command(words)
    if not args and words[-1] == command.name:     # prose naming a command: it must exist
        return
    args = [str(p.relative_to(workspace)) for a in args for p in sorted(workspace.glob(a))] if any(
        "*" in a for a in args) else args
    here = workspace
    positional = " ".join(args).replace("--lang en", "").replace("--lang sv", "").split()
    if command.name in ("check", "build", "preview") and not any(not a.startswith("-") for a in positional):
        here = workspace / "min-kurs"               # no KURSMAPP: the current folder is the course
    if command.name in PARSE_ONLY:
        monkeypatch.chdir(here)
        params = command.make_context(command.name, list(args)).params   # UsageError on a wrong option or value
        if params.get("learner") not in (None, "auto"):
            from scorm_builder.runtime.learners import LEARNERS
            assert params["learner"] in LEARNERS, f"no learner {params['learner']!r}"
        paths = [a for a in args if a.endswith(".zip")]
        assert all((workspace / p).is_file() for p in paths), f"{paths}: not what the build makes"
        return
    monkeypatch.chdir(tmp_path if command.name == "new" else here)
    result = CliRunner().invoke(main, [*words[1:words.index(command.name) + 1], *args])
    assert result.exit_code == 0, result.output


def test_the_docs_have_command_lines_of_every_kind():
    lines = [p.values[0] for p in command_lines()]
    kinds = {"synopsis" if is_synopsis(l.split()) else l.split()[1] for l in lines if l.startswith("scorm-builder")}
    assert {"synopsis", "new", "check", "build", "validate", "inspect", "preview", "play"} <= kinds, kinds


def test_every_documented_extra_exists():
    """`pip install '.[play]'`, `'scorm-builder[preview]'`: each extra the docs name is in setup.cfg."""
    import configparser

    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg", encoding="utf-8")
    declared = set(setup["options.extras_require"])
    named = {extra for path in SOURCES for group in re.findall(r"(?:scorm-builder|\.)\[([\w,]+)\]",
                                                                path.read_text(encoding="utf-8"))
             for extra in group.split(",")}
    assert {"preview", "play", "test"} <= named and named <= declared, (named, declared)
