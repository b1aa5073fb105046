"""Source files that are not what they seem: a BOM, a link out of the course, a folder or a pipe
where a lesson should be, control characters, a huge file (source/reading.py)."""
from __future__ import annotations

import os
import textwrap

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main
from scorm_builder.source.reading import MAX_SOURCE_BYTES
from support import MINIMAL


@pytest.fixture
def course(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_course()


def check(course):
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(course.name)])
    assert "Traceback" not in result.output and not isinstance(result.exception, (OSError, ValueError)), result.output
    return result


def test_a_bom_at_the_start_of_a_lesson_and_of_course_yml_is_accepted(course):
    for name in ("lessons/01-forsta.md", "course.yml"):
        text = textwrap.dedent(MINIMAL[name])
        (course / name).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = check(course)
    assert result.exit_code == 0, result.output


def test_old_mac_line_ends_are_line_ends(course):
    text = textwrap.dedent(MINIMAL["lessons/01-forsta.md"])
    (course / "lessons/01-forsta.md").write_bytes(text.replace("\n", "\r").encode())
    result = check(course)
    assert result.exit_code == 0, result.output


def test_a_lesson_linked_from_outside_the_course_is_refused(course, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Hemligt\n---\n# Lösenord\n\nhunter2\n", encoding="utf-8")
    (course / "lessons/01-forsta.md").unlink()
    (course / "lessons/01-forsta.md").symlink_to(secret)
    result = check(course)
    assert result.exit_code == 1
    assert (f"kurs/course.yml:11:5: error: kurs/lessons/01-forsta.md is a link to {secret.as_posix()}, "
            "outside the course folder") in result.output
    assert "hunter2" not in result.output


def test_a_link_inside_the_course_is_followed(course):
    (course / "lessons/01-forsta.md").rename(course / "forsta.md")
    (course / "lessons/01-forsta.md").symlink_to("../forsta.md")
    assert check(course).exit_code == 0


def test_a_lesson_that_is_a_folder_says_so(course):
    (course / "lessons/01-forsta.md").unlink()
    (course / "lessons/01-forsta.md").mkdir()
    result = check(course)
    assert "kurs/course.yml:11:5: error: kurs/lessons/01-forsta.md is a folder, not a file" in result.output
    assert "does not exist" not in result.output


def test_a_lesson_that_is_a_fifo_says_so_and_does_not_block(course):
    (course / "lessons/01-forsta.md").unlink()
    os.mkfifo(course / "lessons/01-forsta.md")
    result = check(course)   # opening the pipe for reading would wait for a writer forever
    assert "kurs/course.yml:11:5: error: kurs/lessons/01-forsta.md is not an ordinary file" in result.output


def test_a_nul_byte_is_reported_at_its_place(course):
    (course / "lessons/01-forsta.md").write_bytes(b"---\ntitle: A\n---\n# Sida\n\nText\x00mer\n")
    result = check(course)
    assert "kurs/lessons/01-forsta.md:6:5: error: the file contains an invisible control character (U+0000)" \
        in result.output


def test_a_c1_control_character_from_a_mangled_copy_is_reported(course):
    (course / "lessons/01-forsta.md").write_text("---\ntitle: A\n---\n# Sida\n\n2020\x962021\n", encoding="utf-8")
    result = check(course)
    assert "kurs/lessons/01-forsta.md:6:5: error: the file contains an invisible control character (U+0096)" \
        in result.output


def test_a_huge_lesson_is_refused_before_it_is_read(course):
    with open(course / "lessons/01-forsta.md", "ab") as f:
        f.truncate(MAX_SOURCE_BYTES + 1)
    result = check(course)
    assert "kurs/lessons/01-forsta.md:1: error: the file is 500 kB; a source file may be at most 500 kB" in result.output
