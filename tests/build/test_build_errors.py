"""Every authoring mistake the build issue names: `path:line: error: sentence` + hint, exit 1,
no traceback, and the output folder untouched."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main

LESSON = """\
---
title: Första lektionen
---
# Välkommen

{line}
"""


def build(course, out):
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(course), "--out", str(out)])
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def dist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "dist"
    out.mkdir()
    (out / "earlier.zip").write_bytes(b"earlier build")
    return out


def assert_failed(result, dist, *expected):
    assert result.exit_code == 1, result.output
    for text in expected:
        assert text in result.output, result.output
    assert sorted(p.name for p in dist.iterdir()) == ["earlier.zip"]
    assert (dist / "earlier.zip").read_bytes() == b"earlier build"


def test_missing_course_yml(make_course, dist):
    course = make_course({"course.yml": None})
    assert_failed(build(course, dist), dist, "kurs: error: the course folder has no course.yml",
                  "hint: name a course folder that holds course.yml")


def test_yaml_syntax_error(make_course, dist):
    course = make_course({"course.yml": "id: mini\ntitle: [Minikurs\nlessons: [01-forsta]\n"})
    result = build(course, dist)
    assert_failed(result, dist, "kurs/course.yml:3:8: error: YAML error:", "hint: check indentation")


def test_unknown_key_with_did_you_mean(make_course, dist):
    course = make_course({"course.yml": "id: mini\ntitel: Minikurs\ntitle: Minikurs\nlessons: [01-forsta]\n",
                          "lessons/slutprov.md": None})
    assert_failed(build(course, dist), dist, 'kurs/course.yml:2:1: error: unknown key "titel"',
                  'hint: did you mean "title"?')


def test_lesson_listed_but_missing(make_course, dist):
    course = make_course({"course.yml": "id: mini\ntitle: Minikurs\nlessons:\n  - 01-forsta\n  - 02-andra\n"})
    assert_failed(build(course, dist), dist, 'kurs/course.yml:5:5: error: the lesson "02-andra" does not exist')


def test_lesson_name_with_did_you_mean(make_course, dist):
    course = make_course({"course.yml": "id: mini\ntitle: Minikurs\nlessons:\n  - 01-forst\n  - slutprov\n"})
    assert_failed(build(course, dist), dist, 'kurs/course.yml:4:5: error: the lesson "01-forst" does not exist',
                  'hint: did you mean "01-forsta"?')


def test_image_missing(make_course, dist):
    course = make_course({"lessons/01-forsta.md": LESSON.format(line="![Karta](../assets/karta.png)")})
    assert_failed(build(course, dist), dist,
                  'kurs/lessons/01-forsta.md:6:10: error: the file "../assets/karta.png" does not exist')


def test_image_case_mismatch_suggests_the_real_name(make_course, dist):
    course = make_course({"lessons/01-forsta.md": LESSON.format(line="![Ett diagram](../assets/Bild.svg)")})
    assert_failed(build(course, dist), dist, 'error: the file "../assets/Bild.svg" does not exist',
                  'did you mean "bild.svg"?')


def test_attachment_missing(make_course, dist):
    course = make_course({"lessons/01-forsta.md": LESSON.format(line="[Strategin](../assets/strategi.pdf)")})
    assert_failed(build(course, dist), dist,
                  'kurs/lessons/01-forsta.md:6:13: error: the file "../assets/strategi.pdf" does not exist')


def test_image_without_alt_text(make_course, dist):
    course = make_course({"lessons/01-forsta.md": LESSON.format(line="![](../assets/bild.svg)")})
    assert_failed(build(course, dist), dist, "kurs/lessons/01-forsta.md:6:1: error: the image has no alt text",
                  "{: .decorative}")


def test_decorative_image_needs_no_alt(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    course = make_course({"lessons/01-forsta.md": LESSON.format(line="![](../assets/bild.svg){: .decorative}")})
    result = build(course, tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_duplicate_audience_ids(make_course, dist):
    course = make_course({"course.yml": "id: mini\ntitle: Minikurs\naudiences:\n  - id: chefer\n    title: A\n"
                                        "  - id: chefer\n    title: B\nlessons: [01-forsta]\n",
                          "lessons/slutprov.md": None})
    assert_failed(build(course, dist), dist, 'kurs/course.yml:6:5: error: the audience "chefer" is declared twice')


def test_duplicate_lesson_ids(make_course, dist):
    course = make_course({"course.yml": "id: mini\ntitle: Minikurs\nlessons:\n  - 01-forsta\n  - 01-forsta\n"})
    assert_failed(build(course, dist), dist, 'kurs/course.yml:5:5: error: the lesson "01-forsta" gets the same id')


def test_unknown_audience_in_block(make_course, dist):
    body = "::: målgrupp chefr\nText.\n:::"
    course = make_course({"lessons/01-forsta.md": LESSON.format(line=body)})
    assert_failed(build(course, dist), dist,
                  'kurs/lessons/01-forsta.md:6: error: the audience "chefr" is not in course.yml',
                  'did you mean "chefer"?')


def test_unknown_audience_in_front_matter(make_course, dist):
    lesson = "---\ntitle: Första\naudiences:\n  - omsorg\n  - ledning\n---\n# Sida\n\nText.\n"
    course = make_course({"lessons/01-forsta.md": lesson})
    assert_failed(build(course, dist), dist,
                  'kurs/lessons/01-forsta.md:5: error: the audience "ledning" is not in course.yml')


@pytest.mark.parametrize("line, tag", [
    ('<script src="https://cdn.example.org/x.js"></script>', "script"),
    ('<link rel="stylesheet" href="https://fonts.example.org/f.css">', "link"),
])
def test_external_script_or_style(make_course, dist, line, tag):
    course = make_course({"lessons/01-forsta.md": LESSON.format(line=line)})
    assert_failed(build(course, dist), dist, f"kurs/lessons/01-forsta.md:6:1: error: the HTML tag <{tag}> is not allowed in lessons")


def test_external_image(make_course, dist):
    course = make_course({"lessons/01-forsta.md": LESSON.format(line="![Logga](https://example.org/logo.png)")})
    assert_failed(build(course, dist), dist,
                  "kurs/lessons/01-forsta.md:6:10: error: the img is loaded from the web (https://example.org/logo.png)")


def test_asset_outside_course_folder(make_course, dist, tmp_path):
    (tmp_path / "hemlig.png").write_bytes(b"x")
    course = make_course({"lessons/01-forsta.md": LESSON.format(line="![Hemlig](../../hemlig.png)")})
    assert_failed(build(course, dist), dist,
                  'kurs/lessons/01-forsta.md:6:11: error: the path "../../hemlig.png" leaves the course folder')


def test_all_problems_are_reported_with_a_count(make_course, dist):
    body = "![](../assets/bild.svg)\n\n![Karta](../assets/karta.png)"
    course = make_course({"lessons/01-forsta.md": LESSON.format(line=body),
                          "course.yml": MINIMAL_WITH_TYPO})
    result = build(course, dist)
    assert_failed(result, dist, "the image has no alt text", "karta.png", 'unknown key "descripton"',
                  "3 errors, 0 warnings")


MINIMAL_WITH_TYPO = "id: mini\ntitle: Minikurs\ndescripton: x\nlessons: [01-forsta, slutprov]\n"


def test_messages_are_swedish_by_default(make_course, dist):
    course = make_course({"course.yml": None})
    result = CliRunner().invoke(main, ["build", str(course), "--out", str(dist)])
    assert result.exit_code == 1
    assert "kurs: error: kursmappen saknar course.yml" in result.output
    assert "1 fel, 0 varningar" in result.output


def test_unknown_audience_option_is_a_usage_error(make_course, dist):
    course = make_course()
    result = CliRunner().invoke(main, ["build", str(course), "--out", str(dist), "--audience", "chefr"])
    assert result.exit_code == 2
    assert 'målgruppen "chefr" finns inte i course.yml\n  hint: menade du "chefer"?' in result.output
