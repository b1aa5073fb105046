"""The launch pages run the player and nothing else: script that a course's theme_overrides/ adds
fails the build (render/launch_check.py), while overrides that change layout and text build."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main
from scorm_builder.render.launch_check import page_findings

BRAND = '{{% extends "default/base.html" %}}\n{{% block brand %}}{}{{% endblock %}}\n'


def check(make_course, tmp_path, monkeypatch, block: str):
    monkeypatch.chdir(tmp_path)
    course = make_course({"theme_overrides/base.html": BRAND.format(block)})
    result = CliRunner().invoke(main, ["--lang", "en", "check", course.name])
    assert "Traceback" not in result.output
    return result


def test_an_override_that_changes_text_builds(make_course, tmp_path, monkeypatch):
    result = check(make_course, tmp_path, monkeypatch, '<p class="sb-brand">Vård och omsorg</p>'
                                                       '{{ "<script>alert(1)</script>" }}')   # escaped: text
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("block, expected", [
    ('<script src="https://cdn.example/x.js"></script>',
     'kurs/theme_overrides: error: the launch page index.html (line N) has a script the player did not bring: '
     '<script src="https://cdn.example/x.js">'),
    ("<script>parent.API.LMSSetValue('cmi.core.score.raw', '100')</script>",
     "kurs/theme_overrides: error: the launch page index.html (line N) has a script the player did not bring"),
    ('<p onmouseover="alert(1)">x</p>',
     "kurs/theme_overrides: error: the launch page index.html (line N): <p> has the attribute onmouseover"),
    ('<a href=" javascript:alert(1)">x</a>',
     "kurs/theme_overrides: error: the launch page index.html (line N): href of <a> is a javascript: address"),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>',
     "kurs/theme_overrides: error: the launch page index.html (line N) has an <iframe>"),
    ('{{ "<img src=x onerror=alert(1)>" | safe }}',
     "kurs/theme_overrides: error: the launch page index.html (line N): <img> has the attribute onerror"),
])
def test_script_from_an_override_fails_the_build(make_course, tmp_path, monkeypatch, block, expected):
    result = check(make_course, tmp_path, monkeypatch, block)
    assert result.exit_code == 1
    assert expected in re.sub(r"\(line \d+\)", "(line N)", result.output), result.output   # the template's line


def test_the_players_own_scripts_pass_and_a_third_does_not():
    page = ('<script type="application/json" id="sb-data">{}</script>\n<script src="player.js"></script>\n'
            '<script src="player.js" defer></script>\n')
    assert page_findings(page) == [("theme.script", 3, {"tag": '<script src="player.js" defer>'})]


def test_a_stylesheet_that_fetches_from_the_web_fails(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    css = ":root { --sb-accent: #00665e; }\n@font-face { src: url(https://fonts.example/a.woff2); }\n"
    course = make_course({"theme_overrides/theme.css": css})
    result = CliRunner().invoke(main, ["--lang", "en", "check", course.name])
    assert result.exit_code == 1
    assert "kurs/theme_overrides/theme.css:2: error: the stylesheet theme.css fetches something from elsewhere" in result.output
