"""The hostile-source corpus: course folders made to run script in a package, leak a file from
the machine, exhaust time or memory, or forge output lines. Each goes through `check` and `build`:
no traceback, exit 1, the problem named at `path:line`, within a time bound, the output folder as
it was, the course folder untouched, and nothing left in the temporary folder or the working one.
"""
from __future__ import annotations

import os
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main
from support import MINIMAL, write_course

LESSON = "lessons/01-forsta.md"
SECONDS = 20   # a generous bound on a loaded machine: each case takes well under a second alone


def page(body: str) -> Callable[[Path], None]:
    """The first lesson becomes front matter (3 lines), a heading, a blank line and `body` (from line 6)."""
    def change(course: Path) -> None:
        (course / LESSON).write_text(f"---\ntitle: Första\n---\n# Sida\n\n{body}\n", encoding="utf-8")
    return change


def file(name: str, data: str | bytes) -> Callable[[Path], None]:
    def change(course: Path) -> None:
        path = course / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return change


def course_yml(old: str, new: str) -> Callable[[Path], None]:
    def change(course: Path) -> None:
        text = (course / "course.yml").read_text(encoding="utf-8")
        assert old in text, old
        (course / "course.yml").write_text(text.replace(old, new), encoding="utf-8")
    return change


def outside_file(course: Path) -> Path:
    """A file beside the course folder, as a secret somewhere on the machine would be."""
    secret = course.parent / "secret.md"
    secret.write_text("---\ntitle: Hemligt\n---\n# Hemligt\n\nlösenord hunter2\n", encoding="utf-8")
    return secret


def symlinked_lesson(course: Path) -> None:
    (course / LESSON).unlink()
    (course / LESSON).symlink_to(outside_file(course))


def symlinked_course_yml(course: Path) -> None:
    target = course.parent / "other.yml"
    target.write_text((course / "course.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (course / "course.yml").unlink()
    (course / "course.yml").symlink_to(target)


def symlinked_asset(course: Path) -> None:
    secret = course.parent / "secret.png"
    secret.write_bytes(b"\x89PNG secret")
    (course / "assets/bild.png").symlink_to(secret)
    page("![Bild](../assets/bild.png)")(course)


def lesson_is(kind: str) -> Callable[[Path], None]:
    def change(course: Path) -> None:
        (course / LESSON).unlink()
        if kind == "folder":
            (course / LESSON).mkdir()
        else:
            os.mkfifo(course / LESSON)   # reading it would wait for a writer forever
    return change


def symlink_loop(name: str) -> Callable[[Path], None]:
    def change(course: Path) -> None:
        path = course / name
        path.unlink(missing_ok=True)
        path.symlink_to(path.name + ".other")
        path.with_name(path.name + ".other").symlink_to(path.name)
        if name.startswith("assets/"):
            page("![Bild](../assets/bild.png)")(course)
    return change


def lessons_folder_outside(course: Path) -> None:
    elsewhere = course.parent / "elsewhere"
    os.rename(course / "lessons", elsewhere)
    (course / "lessons").symlink_to(elsewhere)


def course_yml_is_a_folder(course: Path) -> None:
    (course / "course.yml").unlink()
    (course / "course.yml").mkdir()


def theme_override_links_out(course: Path) -> None:
    (course / "theme_overrides").mkdir()
    (course / "theme_overrides/theme.css").symlink_to(outside_file(course))


def asset_is(kind: str) -> Callable[[Path], None]:
    def change(course: Path) -> None:
        if kind == "folder":
            (course / "assets/bild.png").mkdir()
        else:
            os.mkfifo(course / "assets/bild.png")
        page("![Bild](../assets/bild.png)")(course)
    return change


def traversal(course: Path) -> None:
    outside_file(course)
    course_yml("  - 01-forsta", "  - ../../secret")(course)


def huge_lesson(course: Path) -> None:
    with open(course / LESSON, "ab") as f:
        f.truncate(50_000_000)   # sparse: costs no disk


def alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


# case -> (change to the minimal course, what the output must contain: the problem at path:line)
CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    # script in raw HTML, and through Markdown
    "html-details-ontoggle": (page('<details open ontoggle="alert(1)">\n<summary>x</summary>\n</details>'),
                              "kurs/lessons/01-forsta.md:6:15: error:"),
    "html-javascript-href": (page('<a href="javascript:alert(document.cookie)">Läs</a>'),
                             "kurs/lessons/01-forsta.md:6:10: error:"),
    "html-svg-xlink": (page('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'),
                       "kurs/lessons/01-forsta.md:6:1: error:"),
    "html-style-url": (page('<p style="background:url(https://tracker.example/p.gif)">x</p>'),
                       "kurs/lessons/01-forsta.md:6:4: error:"),
    "html-iframe-srcdoc": (page('<iframe srcdoc="<script>parent.API.LMSSetValue()</script>"></iframe>'),
                           "kurs/lessons/01-forsta.md:6:1: error:"),
    "html-entity-javascript": (page('<a href="&#106;avascript:alert(1)">x</a>'), "kurs/lessons/01-forsta.md:6: error:"),
    "html-comment-breakout": (page("<div>\n<!--!><script>alert(1)</script>-->\n</div>"),
                              "kurs/lessons/01-forsta.md:7:1: error:"),
    "html-inline-onmouseover": (page('Text <span onmouseover="alert(1)">här</span>.'),
                                "kurs/lessons/01-forsta.md:6:12: error:"),
    "html-body-onload": (page('<body onload="parent.API.LMSSetValue(\'cmi.core.score.raw\', \'100\')">'),
                         "kurs/lessons/01-forsta.md:6:1: error:"),
    "attr-list-onclick": (page('Klicka här.\n{: onclick="alert(1)" }'), "kurs/lessons/01-forsta.md:7:4: error:"),
    "markdown-javascript-link": (page("[Klicka](javascript:alert(1))"), "kurs/lessons/01-forsta.md:6:"),
    # YAML that expands without end
    "yaml-alias-bomb-course": (file("course.yml", textwrap.dedent(MINIMAL["course.yml"]) + alias_bomb()),
                               "kurs/course.yml:14:10: error:"),
    "yaml-alias-bomb-front-matter": (file(LESSON, "---\ntitle: A\n" + alias_bomb() + "---\n# Sida\n\nText\n"),
                                     "kurs/lessons/01-forsta.md:4:"),
    "yaml-merge-key": (course_yml("title: Minikurs", "base: &b {x: 1}\ntitle: Minikurs\nother:\n  <<: *b"),
                       "kurs/course.yml:5:"),
    "yaml-deep-nesting": (course_yml("title: Minikurs", "title: Minikurs\nx: " + "[" * 50_000 + "]" * 50_000),
                          "kurs/course.yml:3:"),
    # files that are not what they seem
    "lesson-symlink-outside": (symlinked_lesson, "kurs/course.yml:11:5: error:"),
    "course-yml-symlink-outside": (symlinked_course_yml, "kurs/course.yml: error:"),
    "asset-symlink-outside": (symlinked_asset, "kurs/lessons/01-forsta.md:6:9: error:"),
    "lesson-is-a-folder": (lesson_is("folder"), "kurs/course.yml:11:5: error:"),
    "lesson-is-a-fifo": (lesson_is("fifo"), "kurs/course.yml:11:5: error:"),
    "lesson-symlink-loop": (symlink_loop(LESSON), "kurs/course.yml:11:5: error: kurs/lessons/01-forsta.md is a link"),
    "asset-symlink-loop": (symlink_loop("assets/bild.png"), "kurs/lessons/01-forsta.md:6:9: error: ../assets/bild.png is"),
    "asset-is-a-fifo": (asset_is("fifo"), "kurs/lessons/01-forsta.md:6:9: error: ../assets/bild.png is not an ordinary"),
    "asset-is-a-folder": (asset_is("folder"), "kurs/lessons/01-forsta.md:6:9: error: ../assets/bild.png is a folder"),
    "asset-html-attachment": (lambda c: [file("assets/mer.html", "<script>parent.API.LMSFinish('')</script>")(c),
                                          page("[Mer](../assets/mer.html)")(c)], "kurs/lessons/01-forsta.md:6:7: error:"),
    "asset-svg-with-script": (lambda c: [file("assets/x.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n'
                                                             "<script>alert(1)</script></svg>")(c),
                                          page("![Bild](../assets/x.svg)")(c)], "kurs/assets/x.svg:2: error:"),
    "lessons-folder-links-outside": (lessons_folder_outside, "kurs/course.yml:11:5: error: kurs/lessons/01-forsta.md is"),
    "course-yml-is-a-folder": (course_yml_is_a_folder, "kurs/course.yml: error: kurs/course.yml is a folder"),
    "course-yml-3000-lessons": (course_yml("  - 01-forsta", "\n".join(f"  - saknas-{i}" for i in range(3000))),
                                "kurs/course.yml:3010:5: error:"),
    "lesson-name-climbs-out": (traversal, "kurs/course.yml:11:5: error:"),
    "lessons-folder-is-a-file": (lambda c: [os.rename(c / "lessons", c / "old"), (c / "lessons").write_text("x")],
                                 "kurs/course.yml:11:5: error:"),
    # script or outside loads through theme overrides
    "theme-override-script": (file("theme_overrides/base.html", '{% extends "default/base.html" %}{% block footer %}'
                                   '<script src="https://cdn.example/x.js"></script>{% endblock %}'),
                              "kurs/theme_overrides: error: the launch page index.html (line "),
    "theme-override-links-outside": (theme_override_links_out,
                                     "kurs/theme_overrides/theme.css: error: theme.css is a link to"),
    "theme-override-css-import": (file("theme_overrides/theme.css", "@import url(https://fonts.example/f.css);\n"),
                                  "kurs/theme_overrides/theme.css:1: error:"),
    # output forging through names
    "lesson-name-forges-a-line": (course_yml("  - 01-forsta", '  - "x\\nkurs/fake.md:1: error: forged"'),
                                  "kurs/course.yml:11:5: error:"),
    "lesson-name-bidi-override": (course_yml("  - 01-forsta", '  - "\\u202eevil"'), "kurs/course.yml:11:5: error:"),
    # encodings and bytes
    "lesson-utf16": (file(LESSON, "---\ntitle: Första\n---\n# Sida\n\nText\n".encode("utf-16")),
                     "kurs/lessons/01-forsta.md:1:1: error:"),
    "lesson-latin1": (file(LESSON, "---\ntitle: Första\n---\n# Sida\n".encode("latin-1")),
                      "kurs/lessons/01-forsta.md:2:9: error:"),
    "lesson-nul-byte": (page("Text\x00mer"), "kurs/lessons/01-forsta.md:6:5: error:"),
    "course-yml-nul-byte": (course_yml("title: Minikurs", "title: Mini\x00kurs"), "kurs/course.yml:2:12: error:"),
    "course-yml-random-bytes": (file("course.yml", bytes(range(256)) * 4), "kurs/course.yml:2:118: error:"),
    "lesson-escape-sequences": (page("Text \x1b[2J\x1b[31mfake error\x1b[0m"), "kurs/lessons/01-forsta.md:6:6: error:"),
    # sizes and nesting that would take minutes or exhaust the stack
    "lesson-huge": (huge_lesson, "kurs/lessons/01-forsta.md:1: error:"),
    "absurd-line": (page("ord " * 50_000), "kurs/lessons/01-forsta.md:6:1: error:"),
    "bracket-bomb": (page("[" * 3000), "kurs/lessons/01-forsta.md:6:1: error:"),
    "unclosed-tag-bomb": (page("<a " * 2000), "kurs/lessons/01-forsta.md:6:1: error:"),
    "brackets-over-many-paragraphs": (page("\n\n".join(["[" * 400] * 20)), "kurs/lessons/01-forsta.md:30:1: error:"),
    "blocks-nested-deep": (page("::: info\n" * 15 + "x\n" + ":::\n" * 15), "kurs/lessons/01-forsta.md:16: error:"),
    "emphasis-bomb": (page("*a" * 15_000), "kurs/lessons/01-forsta.md:6:1: error:"),
}


def test_the_corpus_covers_enough():
    assert len(CASES) >= 25


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry below `folder`: a file's bytes, or what else it is (links are not followed)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "link -> " + os.readlink(path)
        elif path.is_file():
            out[rel] = path.stat().st_size if path.stat().st_size > 1_000_000 else path.read_bytes()
        else:
            out[rel] = "folder" if path.is_dir() else "other"
    return out


@pytest.fixture(scope="module", autouse=True)
def process_pool_folder():
    """multiprocessing makes one folder per process, the first time a pool needs it, and removes
    it when the process exits. A command-line run is its own process; these runs share pytest's,
    so the folder is made here first, not inside a case's temporary folder."""
    import multiprocessing.util
    multiprocessing.util.get_temp_dir()


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_source(case, command, tmp_path, monkeypatch):
    change, expected = CASES[case]
    work, temp = tmp_path / "work", tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))   # every temporary folder of the run goes here
    course = write_course(work / "kurs", MINIMAL)
    change(course)
    dist = work / "dist"
    dist.mkdir()
    (dist / "earlier.zip").write_bytes(b"earlier build")
    monkeypatch.chdir(work)
    before = snapshot(work)

    args = ["--lang", "en", command, "kurs"] + (["--out", "dist"] if command == "build" else [])
    start = time.monotonic()
    result = CliRunner().invoke(main, args)
    elapsed = time.monotonic() - start

    assert isinstance(result.exception, SystemExit), result.exception   # an exit, not an exception
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert expected in result.output, result.output
    assert elapsed < SECONDS, f"{case} took {elapsed:.1f} s"
    assert snapshot(work) == before          # course folder and dist/ exactly as they were, nothing new
    assert list(temp.iterdir()) == []        # temporary folders removed
    assert "hunter2" not in result.output    # an outside file's text never shows
    for line in result.output.splitlines():  # no forged diagnostic and no raw control characters
        assert not line.startswith("kurs/fake.md"), result.output
        assert not any(ord(c) < 32 or c == "\u202e" for c in line), repr(line)
