"""What the docs say the tool does, it does: each test quotes a claim from docs/ and checks it, so
a change in behaviour that the docs do not follow fails here (issue #17, item 5)."""
from __future__ import annotations

import re
import zipfile

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main
from support import MINIMAL, ROOT

DOCS = ROOT / "docs"


def cli(*args: str, lang: str = "en"):
    return CliRunner().invoke(main, ["--lang", lang, *args])


def doc(name: str) -> str:
    return " ".join((DOCS / name).read_text(encoding="utf-8").split())


def page_of(package, name: str = "index.html") -> str:
    return zipfile.ZipFile(package).read(name).decode("utf-8")


def test_strict_makes_a_warning_fail_and_build_writes_nothing(make_course, tmp_path):
    assert "the exit code is 1; `build` then writes no package and leaves `--out` as it was" in doc("commands.md")
    course = make_course({"course.yml": re.sub(r" *description: .*\n", "", MINIMAL["course.yml"])})
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "gammal.zip").write_bytes(b"old")
    assert cli("check", str(course)).exit_code == 0
    strict = cli("check", "--strict", str(course))
    assert strict.exit_code == 1 and "warning:" in strict.output and "1 warning" in strict.output
    assert cli("build", "--strict", str(course), "--out", str(dist)).exit_code == 1
    assert [p.name for p in dist.iterdir()] == ["gammal.zip"]


def test_a_too_small_audience_pool_is_reported_with_the_package_named(make_course):
    documented = re.search(r"`(draw is \d+, but the package [\w.-]+ gets only \d+ of the test's questions)`",
                           doc("audiences.md"))
    assert documented, "audiences.md no longer quotes the message"
    test = MINIMAL["lessons/slutprov.md"].replace("draw: 2", "draw: 3").replace(
        "::: fråga santfalskt {#prov-1}", "::: fråga santfalskt {#prov-1 målgrupp=chefer}")
    result = cli("check", str(make_course({"lessons/slutprov.md": test})))
    assert result.exit_code == 1
    expected = re.sub(r"draw is \d+, but the package [\w.-]+ gets only \d+",
                      "draw is 3, but the package mini-1.0-omsorg gets only 2", documented[1])
    assert f"error: {expected}" in result.output and "mini-1.0-chefer" not in result.output


def test_scenario_questions_ending_alike_get_the_same_id(make_course):
    assert "Two scenario questions that both end with \"Vad gör du?\" get the same id" in doc("quizzes.md")
    scenario = "::: fråga enval\nEn kollega berättar om {who}.\n\nVad gör du?\n\n- [x] Lyssnar\n- [ ] Går\n:::\n"
    lesson = ("---\ntitle: Första lektionen\n---\n# Scenarier\n\n" + scenario.format(who="sin partner")
              + "\n" + scenario.format(who="en brukare"))
    result = cli("check", str(make_course({"lessons/01-forsta.md": lesson})), lang="sv")
    assert result.exit_code == 1 and 'frågans id "vad-gor-du" används redan av frågan på' in result.output


def test_raw_html_that_loads_or_runs_something_is_an_error(make_course):
    sentence = re.search(r"Not allowed, among others: (.*?) any `on…`", doc("course-format.md"))[1]
    tags = re.findall(r"`<(\w+)>`", sentence)
    assert {"script", "iframe", "img", "form"} <= set(tags)
    for tag in tags:
        lesson = f"---\ntitle: Första lektionen\n---\n# Sida\n\nText.\n\n<{tag} src=\"x\"></{tag}>\n"
        result = cli("check", str(make_course({"lessons/01-forsta.md": lesson})))
        assert result.exit_code == 1 and f"<{tag}>" in result.output and "error:" in result.output, tag


def test_attribute_lists_and_formatting_html_from_the_docs_example(make_course, tmp_path):
    lesson = ("---\ntitle: Första lektionen\n---\n# Sida\n\n## Mer om lagen {: #lagen }\n\n"
              "Tryck <kbd>Ctrl</kbd> i <abbr title=\"socialtjänstlagen\">SoL</abbr>.\n\n"
              "The Istanbul Convention.\n{: lang=en }\n")
    result = cli("build", str(make_course({"lessons/01-forsta.md": lesson})), "--out", str(tmp_path / "dist"))
    assert result.exit_code == 0, result.output
    page = page_of(sorted((tmp_path / "dist").glob("*.zip"))[0])
    assert 'id="lagen"' in page and "<kbd>Ctrl</kbd>" in page and '<p lang="en">The Istanbul Convention.</p>' in page


def test_media_format_is_not_checked_but_captions_must_be_webvtt(make_course):
    assert "checks that the media file exists, not its format" in doc("course-format.md")
    lesson = ("---\ntitle: Första lektionen\n---\n# Film\n\n::: video ../assets/film.webm\n"
              "textning: ../assets/film.vtt\n:::\n")
    course = make_course({"lessons/01-forsta.md": lesson, "assets/film.webm": "x", "assets/film.vtt": "WEBVTT\n"})
    assert cli("check", str(course)).exit_code == 0
    (course / "assets" / "film.webm").unlink()
    assert cli("check", str(course)).exit_code == 1


@pytest.mark.parametrize("packaging,page,title", [
    ("single-sco", "index.html", "Minikurs – Omsorgspersonal"),
    ("multi-sco", "sco-l01-forsta.html", "Första lektionen"),
])
def test_sco_title_is_as_themes_md_says(make_course, tmp_path, packaging, page, title):
    assert "`sco_title` is that lesson's title, without the course title or audience" in doc("themes.md")
    course = make_course({"course.yml": MINIMAL["course.yml"] + f"packaging: {packaging}\n"})
    result = cli("build", str(course), "--audience", "omsorg", "--out", str(tmp_path / "dist"))
    assert result.exit_code == 0, result.output
    built = page_of(next((tmp_path / "dist").glob("*.zip")), page)
    assert f"<title>{title}</title>" in built


def test_player_js_is_not_deferred_as_architecture_and_benchmarks_say(make_course, tmp_path):
    assert "not deferred" in doc("architecture.md") and "not deferred" in doc("benchmarks.md")
    assert "deferred script" not in doc("benchmarks.md")
    cli("build", str(make_course()), "--out", str(tmp_path / "dist"))
    page = page_of(sorted((tmp_path / "dist").glob("*.zip"))[0])
    assert re.search(r"<script src=\"player.js\"></script>", page[:page.index("</head>")])
