"""Files from assets/ that a package may carry (source/asset_files.py): types by an allowlist, and
an SVG's content, since an LMS serves both from its own address, where script would run."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main

INKSCAPE_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10">
  <sodipodi:namedview inkscape:zoom="1"/>
  <defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
  <style>.a { fill: url(#g); }</style>
  <rect class="a" width="10" height="10" style="stroke: url(#g)"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <use href="#g"/>
</svg>
"""


def check(make_course, tmp_path, monkeypatch, files: dict[str, str], reference: str):
    monkeypatch.chdir(tmp_path)
    course = make_course({"lessons/01-forsta.md": f"---\ntitle: A\n---\n# Sida\n\n{reference}\n", **files})
    result = CliRunner().invoke(main, ["--lang", "en", "check", course.name])
    assert "Traceback" not in result.output
    return result


def test_a_drawing_programs_svg_passes(make_course, tmp_path, monkeypatch):
    result = check(make_course, tmp_path, monkeypatch, {"assets/ritning.svg": INKSCAPE_SVG},
                   "![Ritning](../assets/ritning.svg)")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name, reference, expected", [
    ("sida.html", "[Mer](../assets/sida.html)",
     "kurs/lessons/01-forsta.md:6:7: error: the file type .html may not be in a package (../assets/sida.html)"),
    ("skript.js", "[Skript](../assets/skript.js)", "kurs/lessons/01-forsta.md:6:10: error: the file type .js"),
    ("program.exe", "[Program](../assets/program.exe)", "kurs/lessons/01-forsta.md:6:11: error: the file type .exe"),
    ("bild.PNG.html", "![Bild](../assets/bild.PNG.html)", "kurs/lessons/01-forsta.md:6:9: error: the file type .html"),
])
def test_file_types_outside_the_allowlist_are_refused(make_course, tmp_path, monkeypatch, name, reference, expected):
    result = check(make_course, tmp_path, monkeypatch, {f"assets/{name}": "<script>alert(1)</script>\n"}, reference)
    assert result.exit_code == 1
    assert expected in result.output, result.output


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n{}\n</svg>\n'


@pytest.mark.parametrize("content, expected", [
    (SVG.format("<script>alert(1)</script>"), "kurs/assets/x.svg:2: error: the SVG has an element <script>"),
    (SVG.format('<rect onclick="alert(1)"/>'),
     "kurs/assets/x.svg:2: error: <rect> in the SVG has the attribute onclick"),
    (SVG.format('<a xlink:href="javascript:alert(1)"><text>x</text></a>'),
     "kurs/assets/x.svg:2: error: the SVG has an element <a>"),
    (SVG.format('<image xlink:href="https://tracker.example/p.png"/>'),
     "kurs/assets/x.svg:2: error: <image> in the SVG refers to https://tracker.example/p.png"),
    (SVG.format('<set attributeName="href" to="javascript:alert(1)"/>'),
     "kurs/assets/x.svg:2: error: the SVG has an element <set>"),
    (SVG.format('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
     "kurs/assets/x.svg:2: error: the SVG has an element <foreignObject>"),
    (SVG.format("<style>@import url(https://evil.example/a.css);</style>"),
     "kurs/assets/x.svg:2: error: the CSS in <style> in the SVG fetches something from elsewhere"),
    ('<svg><rect/></svg>', "kurs/assets/x.svg:1: error: the file is not an SVG drawing"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect', "kurs/assets/x.svg:1: error: the SVG cannot be read"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text><script>1</script></svg>',
     "kurs/assets/x.svg:2: error: the SVG has an element <script>"),
])
def test_svg_content_is_checked_at_its_line(make_course, tmp_path, monkeypatch, content, expected):
    result = check(make_course, tmp_path, monkeypatch, {"assets/x.svg": content}, "![Bild](../assets/x.svg)")
    assert result.exit_code == 1
    assert expected in result.output, result.output


@pytest.mark.parametrize("content, ok", [
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej\n", True),
    ("\ufeffWEBVTT - Svenska\n", True),
    ("1\n00:00:01,000 --> 00:00:02,000\nHej\n", False),   # SubRip saved as .vtt
    ("WEBVTTX\n", False),
])
def test_captions_are_webvtt_inside_too(make_course, tmp_path, monkeypatch, content, ok):
    reference = "::: video ../assets/film.mp4\ntextning: ../assets/film.vtt\n:::"
    result = check(make_course, tmp_path, monkeypatch, {"assets/film.mp4": "x", "assets/film.vtt": content}, reference)
    assert (result.exit_code, "is not WebVTT" in result.output) == ((0, False) if ok else (1, True)), result.output
