"""Levels, the second variant dimension beside audiences: one package per audience x level (or per
`variants:`), selected with --audience and --level, named in file names, titles and the manifest."""
from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from scorm_builder.build import build_course
from scorm_builder.cli import main
from support import course_html, launch_data

COURSE_YML = """\
id: mini
title: Minikurs
description: En liten kurs för tester.
audiences:
  - id: chefer
    title: Chefer
  - id: omsorg
    title: Omsorgspersonal
levels:
  - id: grund
    title: Grundnivå
  - id: fordjupning
    title: Fördjupning
{extra}lessons:
  - 01-forsta
  - 02-djupare
  - slutprov
"""

DEEPER = """\
---
title: För den som leder
levels: [fordjupning]
---
# Att leda

Text för fördjupningen.
"""

FIRST = """\
---
title: Första lektionen
---
# Välkommen

Alla läser detta.

::: nivå grund
Bara grundnivån.
:::

::: level fordjupning
Only the advanced level.
:::

::: fråga santfalskt {#djup-fraga nivå=fordjupning}
En fråga för fördjupningen.

svar: sant
:::
"""

TEST = """\
---
title: Slutprov
type: test
draw: 2
---
::: fråga santfalskt {#p1}
Fråga ett.

svar: sant
:::

::: fråga santfalskt {#p2}
Fråga två.

svar: sant
:::

::: fråga santfalskt {#p3 level=fordjupning}
Fråga tre.

svar: sant
:::
"""


@pytest.fixture
def leveled(make_course):
    def make(extra: str = "", changes: dict[str, str] | None = None):
        files = {"course.yml": COURSE_YML.format(extra=extra), "lessons/01-forsta.md": FIRST,
                 "lessons/02-djupare.md": DEEPER, "lessons/slutprov.md": TEST}
        return make_course({**files, **(changes or {})})
    return make



def manifest(zip_path) -> str:
    return zipfile.ZipFile(zip_path).read("imsmanifest.xml").decode()


def cli(*args):
    result = CliRunner().invoke(main, ["--lang", "en", *map(str, args)])
    assert "Traceback" not in result.output
    return result


def test_one_package_per_audience_and_level(leveled, tmp_path):
    zips = build_course(leveled(), tmp_path / "dist")
    assert [z.name for z in zips] == ["mini-1.0-chefer-grund.zip", "mini-1.0-chefer-fordjupning.zip",
                                      "mini-1.0-omsorg-grund.zip", "mini-1.0-omsorg-fordjupning.zip"]
    first = launch_data(zips[0])
    assert (first["audience"], first["level"]) == ("chefer", "grund")
    assert first["title"] == "Minikurs – Chefer – Grundnivå"
    assert "<title>Minikurs – Chefer – Grundnivå</title>" in manifest(zips[0])


def test_levels_limit_lessons_blocks_and_questions(leveled, tmp_path):
    grund, djup = build_course(leveled(), tmp_path / "dist", audiences=["omsorg"])
    grund_html, djup_html = course_html(grund), course_html(djup)
    assert "Bara grundnivån." in grund_html and "Bara grundnivån." not in djup_html
    assert "Only the advanced level." in djup_html and "Only the advanced level." not in grund_html
    assert '<div class="sb-level">' in djup_html
    assert "Att leda" in djup_html and "Att leda" not in grund_html
    assert "djup-fraga" not in launch_data(grund)["questions"] and launch_data(djup)["questions"]["djup-fraga"]["levels"] == [
        "fordjupning"]
    # the final test's pool is per variant
    assert launch_data(grund)["test"]["pool"] == ["p1", "p2"]
    assert launch_data(djup)["test"]["pool"] == ["p1", "p2", "p3"]


def test_variants_list_builds_only_those(leveled, tmp_path):
    course = leveled("variants:\n  - chefer/fordjupning\n  - omsorg/grund\n")
    zips = build_course(course, tmp_path / "dist")
    assert [z.name for z in zips] == ["mini-1.0-chefer-fordjupning.zip", "mini-1.0-omsorg-grund.zip"]


def test_levels_without_audiences_name_only_the_level(leveled, tmp_path):
    yml = COURSE_YML.format(extra="")
    yml = yml[:yml.index("audiences:")] + yml[yml.index("levels:"):]
    zips = build_course(leveled(changes={"course.yml": yml}), tmp_path / "dist")
    assert [z.name for z in zips] == ["mini-1.0-grund.zip", "mini-1.0-fordjupning.zip"]
    assert launch_data(zips[1])["title"] == "Minikurs – Fördjupning"


def test_levels_only_variants_list_level_ids(leveled, tmp_path):
    yml = COURSE_YML.format(extra="variants: [fordjupning]\n")
    yml = yml[:yml.index("audiences:")] + yml[yml.index("levels:"):]
    zips = build_course(leveled(changes={"course.yml": yml}), tmp_path / "dist")
    assert [z.name for z in zips] == ["mini-1.0-fordjupning.zip"]


def test_courses_without_levels_have_no_level_in_their_data(make_course, tmp_path):
    zip_path = build_course(make_course(), tmp_path / "dist", ["chefer"])[0]
    assert "level" not in launch_data(zip_path)
    assert zip_path.name == "mini-1.0-chefer.zip"


def test_audience_and_level_options_select(leveled, tmp_path):
    out = tmp_path / "dist"
    result = cli("build", leveled(), "--out", out, "--level", "fordjupning")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["mini-1.0-chefer-fordjupning.zip", "mini-1.0-omsorg-fordjupning.zip"]
    result = cli("build", leveled(), "--out", tmp_path / "two", "--audience", "omsorg", "--level", "grund")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "two").iterdir()] == ["mini-1.0-omsorg-grund.zip"]


@pytest.mark.parametrize("args, expected", [
    (["--level", "fordjupnig"], 'the level "fordjupnig" is not in course.yml\n  hint: did you mean "fordjupning"?'),
    (["--level", "xyz"], 'the level "xyz" is not in course.yml\n  hint: the levels in course.yml are: grund, fordjupning'),
    (["--audience", "chefer", "--level", "grund"],
     "no variant of the course has both that audience and that level\n  hint: the course builds: "
     "chefer/fordjupning, omsorg/grund"),
])
def test_selection_mistakes_are_usage_errors(leveled, tmp_path, args, expected):
    course = leveled("variants: [chefer/fordjupning, omsorg/grund]\n")
    result = cli("build", course, "--out", tmp_path / "dist", *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert not (tmp_path / "dist").exists()


def test_level_option_on_a_course_without_levels(make_course, tmp_path):
    result = cli("build", make_course(), "--out", tmp_path / "dist", "--level", "grund")
    assert result.exit_code == 2
    assert "kurs/course.yml declares no levels\n  hint: leave out --level, or add levels to course.yml" in result.output


def test_audience_option_on_a_course_without_audiences(leveled, tmp_path):
    yml = COURSE_YML.format(extra="")
    yml = yml[:yml.index("audiences:")] + yml[yml.index("levels:"):]
    result = cli("build", leveled(changes={"course.yml": yml}), "--out", tmp_path / "dist", "--audience", "chefer")
    assert result.exit_code == 2
    assert ("kurs/course.yml declares no audiences\n  hint: leave out --audience, or add audiences to course.yml"
            in result.output)


@pytest.mark.parametrize("extra, lesson, expected", [
    ("variants:\n  - chefer/grund\n  - chefer/grnd\n", None,
     'kurs/course.yml:16: error: the level "grnd" is not in course.yml\n  hint: did you mean "grund"?'),
    ("variants:\n  - chfer/grund\n", None,
     'kurs/course.yml:15: error: the audience "chfer" is not in course.yml\n  hint: did you mean "chefer"?'),
    ("variants:\n  - chefer\n", None,
     'kurs/course.yml:15:5: error: the variant "chefer" has the wrong shape\n  hint: write each variant with the '
     'course\'s declared dimensions, for example "- chefer/grund"'),
    ("variants:\n  - grund/chefer\n", None,
     'kurs/course.yml:15:5: error: the variant "grund/chefer" has the wrong shape\n  hint: write each variant with the '
     'course\'s declared dimensions, for example "- chefer/grund"'),
    ("", "---\ntitle: Första\naudiences: [grund]\n---\n# Sida\n\nText.\n",
     'kurs/lessons/01-forsta.md:3: error: "grund" is a level, not an audience\n'
     '  hint: limit to the level with levels: [grund] in front matter, ::: level grund or {level=grund}'),
    ("", "---\ntitle: Första\n---\n# Sida\n\n::: nivå chefer\nText.\n:::\n",
     'kurs/lessons/01-forsta.md:6: error: "chefer" is an audience, not a level\n'
     '  hint: limit to the audience with audiences: [chefer] in front matter, ::: audience chefer or '
     '{audience=chefer}'),
    ("", "---\ntitle: Första\n---\n# Sida\n\n::: fråga santfalskt {målgrupp=grund}\nStämmer?\n\nsvar: sant\n:::\n",
     'kurs/lessons/01-forsta.md:6: error: "grund" is a level, not an audience'),
    ("variants:\n  - chefer/grund\n  - chefer/grund\n", None,
     'kurs/course.yml:16:5: error: the variant "chefer/grund" is listed twice'),
    ("", "---\ntitle: Första\nlevels: [grnd]\n---\n# Sida\n\nText.\n",
     'kurs/lessons/01-forsta.md:3: error: the level "grnd" is not in course.yml\n  hint: did you mean "grund"?'),
    ("", "---\ntitle: Första\n---\n# Sida\n\n::: nivå fordjupnin\nText.\n:::\n",
     'kurs/lessons/01-forsta.md:6: error: the level "fordjupnin" is not in course.yml\n'
     '  hint: did you mean "fordjupning"?'),
    ("", "---\ntitle: Första\n---\n# Sida\n\n::: nivå\nText.\n:::\n",
     'kurs/lessons/01-forsta.md:6: error: the level block names no level\n'
     '  hint: write one or more levels after the block name; the course has: fordjupning, grund'),
    ("", "---\ntitle: Första\n---\n# Sida\n\n::: fråga santfalskt {nivå=grnud}\nStämmer?\n\nsvar: sant\n:::\n",
     'kurs/lessons/01-forsta.md:6: error: the level "grnud" is not in course.yml\n  hint: did you mean "grund"?'),
])
def test_level_mistakes(leveled, tmp_path, extra, lesson, expected):
    changes = {"lessons/01-forsta.md": lesson} if lesson else {}
    result = cli("build", leveled(extra, changes), "--out", tmp_path / "dist")
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize("yml, expected", [
    ("id: mini\ntitle: M\nlevels:\n  - grund\nlessons: [01-forsta]\n",
     'kurs/course.yml:4:5: error: a level needs an id and a title'),
    ("id: mini\ntitle: M\nlevels:\n  - id: grund\n    title: A\n  - id: grund\n    title: B\nlessons: [01-forsta]\n",
     'kurs/course.yml:6:5: error: the level "grund" is declared twice'),
    ("id: mini\ntitle: M\nlevels: grund\nlessons: [01-forsta]\n",
     'kurs/course.yml:3:9: error: "levels" has an invalid value: grund\n'
     '  hint: expected: a list where each level has "- id: …" and "title: …"'),
    ("id: mini\ntitle: M\nvariants: [a/b]\nlessons: [01-forsta]\n",
     "kurs/course.yml:3:11: error: variants needs audiences or levels in course.yml"),
])
def test_levels_and_variants_shape_mistakes(make_course, tmp_path, yml, expected):
    result = cli("build", make_course({"course.yml": yml, "lessons/slutprov.md": None}), "--out", tmp_path / "dist")
    assert result.exit_code == 1, result.output
    assert expected in result.output


def test_draw_too_large_for_one_variant(leveled, tmp_path):
    course = leveled(changes={"lessons/slutprov.md": TEST.replace("draw: 2", "draw: 3")})
    result = cli("build", course, "--out", tmp_path / "dist")
    assert result.exit_code == 1
    assert "draw is 3, but the package mini-1.0-chefer-grund gets only 2 of the test's questions" in result.output
    assert "draw is 3, but the package mini-1.0-omsorg-grund gets only 2 of the test's questions" in result.output
    assert "fordjupning gets only" not in result.output


def test_a_variant_without_test_questions_is_an_error(leveled, tmp_path):
    test = TEST.replace("{#p1}", "{#p1 nivå=fordjupning}").replace("{#p2}", "{#p2 nivå=fordjupning}")
    result = cli("build", leveled(changes={"lessons/slutprov.md": test}), "--out", tmp_path / "dist")
    assert result.exit_code == 1
    assert ("kurs/lessons/slutprov.md:6: error: the package mini-1.0-chefer-grund gets none of the final test's "
            "questions\n  hint: give the test questions every variant gets") in result.output
    assert "mini-1.0-omsorg-grund gets none" in result.output and "fordjupning gets none" not in result.output


def test_a_test_whose_only_question_has_a_mistake_says_only_that(make_course, tmp_path):
    test = "---\ntitle: Slutprov\ntype: test\n---\n::: fråga santfalskt\nStämmer?\n\nsvar: kanske\n:::\n"
    result = cli("build", make_course({"lessons/slutprov.md": test}), "--out", tmp_path / "dist")
    assert result.exit_code == 1
    assert "neither true nor false" in result.output and "gets none" not in result.output


def test_preview_picks_a_level(leveled):
    from scorm_builder.commands.preview import pick_variant

    course = leveled("variants: [chefer/fordjupning, omsorg/grund]\n")
    assert pick_variant(course, None, None) == ("chefer", "fordjupning")
    assert pick_variant(course, None, "grund") == ("omsorg", "grund")


def test_preview_unknown_level_is_a_usage_error(leveled):
    result = cli("preview", leveled(), "--level", "grnd", "--port", "0", "--no-open")
    assert result.exit_code == 2
    assert 'did you mean "grund"?' in result.output


def test_inspect_names_both_dimensions(leveled, tmp_path):
    zip_path = build_course(leveled(), tmp_path / "dist", ["omsorg"], levels=["fordjupning"])[0]
    result = cli("inspect", zip_path)
    assert result.exit_code == 0, result.output
    assert "Minikurs – Omsorgspersonal – Fördjupning" in result.output


def _context(body: str, audience: str | None = "chefer", level: str | None = "grund"):
    from pathlib import Path

    from scorm_builder.errors import Reporter
    from scorm_builder.source.context import PageContext
    from scorm_builder.source.lines import LineLocator

    return PageContext(path="lessons/01.md", abs_path=Path("/nonexistent/lessons/01.md"),
                       course_root=Path("/nonexistent"), reporter=Reporter(), locator=LineLocator(body),
                       audience_ids={"chefer"}, audience=audience, level_ids={"grund"}, level=level,
                       lesson_id="01", scope=frozenset({("chefer", "grund")}))


@pytest.mark.parametrize("attrs, shared", [("", True), ("{målgrupp=chefer}", False), ("{nivå=grund}", False)])
def test_only_limited_content_makes_a_conversion_variant_specific(attrs, shared):
    """A lesson whose content is not limited asks nothing of the variant, so it converts once for
    every variant; limited content asks whether the variant sees it (source/converter.py)."""
    from scorm_builder.source.markdown import convert

    body = f"# Sida\n\n::: fråga santfalskt {attrs}\nStämmer?\n\nsvar: sant\n:::\n"
    ctx = _context(body)
    convert(body, ctx)
    assert len(ctx.questions) == 1
    assert not ctx.variant_read
    assert (ctx.variant_checks == []) is shared
    if not shared:
        assert ctx.variant_checks in ([(("chefer",), (), True)], [((), ("grund",), True)])


def test_preview_serves_the_chosen_level(leveled):
    import urllib.request

    from scorm_builder.preview.server import Preview

    with Preview(leveled(), "omsorg", 0, level="fordjupning") as preview:
        state = preview.rebuilder.rebuild()
        assert state.ok, state.report
        with urllib.request.urlopen(preview.url + "pkg/index.html", timeout=5) as response:
            page = response.read().decode("utf-8")
    assert "Only the advanced level." in page and "Bara grundnivån." not in page
    assert "Minikurs – Omsorgspersonal – Fördjupning" in page
