"""`scorm-builder new`: the skeleton builds with --strict (no warnings either), validates, plays
with a passing learner, and an existing non-empty folder is never written into."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main
from scorm_builder.commands.new import course_id_for


def cli(*args: str):
    result = CliRunner().invoke(main, list(args), env={"SCORM_BUILDER_LANG": None})
    assert "Traceback" not in result.output
    return result


def new_course(tmp_path: Path, lang: str) -> Path:
    course = tmp_path / f"kurs-{lang}"
    result = cli("new", str(course), "--lang", lang)
    assert result.exit_code == 0, result.output
    return course


@pytest.mark.parametrize("lang, lessons", [
    ("sv", ["01-inledning.md", "02-fordjupning.md", "slutprov.md"]),
    ("en", ["01-introduction.md", "02-going-further.md", "final-test.md"]),
])
def test_skeleton_builds_strictly_and_validates(tmp_path, lang, lessons):
    course = new_course(tmp_path, lang)
    assert sorted(p.name for p in (course / "lessons").iterdir()) == lessons
    assert f"language: {lang}" in (course / "course.yml").read_text(encoding="utf-8")
    assert f"id: kurs-{lang}\n" in (course / "course.yml").read_text(encoding="utf-8")
    dist = tmp_path / "dist"
    built = cli("build", "--strict", str(course), "--out", str(dist))
    assert built.exit_code == 0, built.output
    assert "warning" not in built.output
    zips = sorted(dist.glob("*.zip"))
    assert len(zips) == 2   # two audiences
    valid = cli("validate", "--strict", *map(str, zips))
    assert valid.exit_code == 0, valid.output


def test_skeleton_language_follows_the_interface_language(tmp_path):
    result = CliRunner().invoke(main, ["--lang", "en", "new", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert "Created the course" in result.output
    assert (tmp_path / "c" / "lessons" / "final-test.md").is_file()


def test_new_fills_an_existing_empty_folder(tmp_path):
    (tmp_path / "tom").mkdir()
    assert cli("new", str(tmp_path / "tom")).exit_code == 0
    assert (tmp_path / "tom" / "course.yml").is_file()


def test_new_refuses_a_non_empty_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kurs").mkdir()
    (tmp_path / "kurs" / "anteckningar.txt").write_text("mina anteckningar", encoding="utf-8")
    result = cli("new", "kurs")
    assert result.exit_code == 1
    assert result.output == ("kurs: error: mappen finns redan och är inte tom\n"
                             "  hint: välj ett nytt mappnamn; scorm-builder new skriver aldrig över filer\n"
                             "1 fel, 0 varningar\n")
    assert [p.name for p in (tmp_path / "kurs").iterdir()] == ["anteckningar.txt"]


def test_new_refuses_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kurs.txt").write_text("x", encoding="utf-8")
    result = cli("new", "kurs.txt")
    assert result.exit_code == 1
    assert "kurs.txt: error:" in result.output


@pytest.mark.parametrize("folder, course_id", [
    ("Min Kurs 2", "min-kurs-2"), ("våld-i-nära", "vald-i-nara"), ("___", "min-kurs"),
])
def test_course_id_comes_from_the_folder_name(folder, course_id):
    assert course_id_for(Path(folder), "sv") == course_id


@pytest.mark.playback
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_skeleton_plays_with_a_passing_learner(tmp_path, play, lang):
    course = new_course(tmp_path, lang)
    assert cli("build", str(course), "--out", str(tmp_path / "dist")).exit_code == 0
    for package in sorted((tmp_path / "dist").glob("*.zip")):
        run = play(package, learner="passes")
        assert run.ok, (run.errors, run.violations)
        assert run.cmi["cmi.core.lesson_status"] == "passed"
        assert float(run.cmi["cmi.core.score.raw"]) >= 80


def test_a_folder_that_cannot_be_created_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fil.txt").write_text("x", encoding="utf-8")
    result = cli("new", "fil.txt/kurs")
    assert result.exit_code == 1
    assert result.output.startswith("fil.txt/kurs: error: kursen kunde inte skapas: Not a directory\n")
