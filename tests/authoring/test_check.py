"""`scorm-builder check`: every audience variant is checked, nothing is written, warnings fail
only with --strict (in check and in build)."""
from __future__ import annotations

from click.testing import CliRunner

from scorm_builder.cli import main

LESSON = """\
---
title: Första lektionen
---
# Välkommen

{body}
"""
ONLY_FOR_MANAGERS = """\
::: målgrupp chefer
::: fråga enval
Vem ansvarar?

- [ ] Ingen
- [ ] Alla
:::
:::
"""


def cli(*args: str):
    result = CliRunner().invoke(main, list(args), env={"SCORM_BUILDER_LANG": None})
    assert "Traceback" not in result.output
    return result


def test_clean_course_passes_and_writes_nothing(make_course, tmp_path, monkeypatch):
    course = make_course()
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = cli("check", str(course))
    assert result.exit_code == 0, result.output
    assert result.output == "Kontrollen är klar: 2 paket utan fel.\n"
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_problem_in_one_audience_only_is_found(make_course, tmp_path, monkeypatch):
    course = make_course({"lessons/01-forsta.md": LESSON.format(body=ONLY_FOR_MANAGERS)})
    monkeypatch.chdir(tmp_path)
    assert cli("build", "kurs", "--audience", "omsorg", "--out", "dist").exit_code == 0   # omsorg never sees it
    result = cli("check", "kurs")
    assert result.exit_code == 1
    assert "kurs/lessons/01-forsta.md:7: error: frågan har inget rätt svar" in result.output


def test_warnings_fail_only_with_strict(make_course, tmp_path, monkeypatch):
    long_page = " ".join(["ord"] * 1501)
    course = make_course({"lessons/01-forsta.md": LESSON.format(body=long_page + "\n\n![Stor bild](../assets/stor.png)"),
                          "assets/stor.png": "x" * (501 * 1024)})
    monkeypatch.chdir(tmp_path)
    expected = ('kurs/lessons/01-forsta.md:4:1: warning: sidan "Välkommen" har 1502 ord, mer än 1500 är svårt att läsa på en skärm\n'
                '  hint: dela upp sidan med fler rubriker "# …", eller lägg fördjupning i "::: expandera"\n'
                'kurs/lessons/01-forsta.md:8:14: warning: bilden "../assets/stor.png" är 501 KB, mer än 500 KB gör kursen långsam att öppna\n'
                '  hint: spara bilden mindre (till exempel 1600 pixlar bred, JPEG för foton, SVG eller PNG för diagram)\n'
                '0 fel, 2 varningar\n')
    relaxed = cli("check", "kurs")
    assert relaxed.exit_code == 0
    assert relaxed.output == expected + "Kontrollen är klar: 2 paket utan fel.\n"
    strict = cli("check", "--strict", "kurs")
    assert strict.exit_code == 1
    assert strict.output == expected
    assert cli("build", "kurs", "--out", "dist").exit_code == 0
    assert cli("build", "--strict", "kurs", "--out", "dist2").exit_code == 1
    assert not (tmp_path / "dist2").exists()


def test_missing_description_is_a_warning(make_course, tmp_path, monkeypatch):
    course = make_course({"course.yml": "id: mini\ntitle: Minikurs\nlessons: [01-forsta, slutprov]\naudiences:\n"
                                        "  - id: chefer\n    title: Chefer\n  - id: omsorg\n    title: Omsorg\n"})
    monkeypatch.chdir(tmp_path)
    result = cli("--lang", "en", "check", "kurs")
    assert result.exit_code == 0
    assert result.output.startswith("kurs/course.yml:1:1: warning: the course has no description\n")


def test_check_of_a_folder_without_course_yml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tom").mkdir()
    result = cli("check", "tom")
    assert result.exit_code == 1
    assert result.output.startswith("tom: error: kursmappen saknar course.yml\n")


def test_scorm_builder_lang_switches_to_english(make_course, tmp_path, monkeypatch):
    make_course()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "kurs"], env={"SCORM_BUILDER_LANG": "en"})
    assert result.exit_code == 0
    assert result.output == "Check done: 2 packages without errors.\n"
