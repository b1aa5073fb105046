"""Themes (search path, overrides, template errors) and the CLI's basic contract."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from click.testing import CliRunner

from scorm_builder import __version__
from scorm_builder.build import build_course
from scorm_builder.cli import main


def index_html(zip_path):
    return zipfile.ZipFile(zip_path).read("index.html").decode()


def test_ostersund_theme_names_the_municipality_as_text(make_course, tmp_path):
    course = make_course()
    yml = (course / "course.yml").read_text().replace("lessons:", "theme: ostersund\nlessons:")
    (course / "course.yml").write_text(yml)
    zip_path = build_course(course, tmp_path / "dist", ["chefer"])[0]
    assert '<p class="sb-brand">Östersunds kommun</p>' in index_html(zip_path)
    css = zipfile.ZipFile(zip_path).read("theme.css").decode()
    assert "--sb-accent: #00507a" in css


def test_a_course_can_override_one_template_and_extend_the_original(make_course, tmp_path):
    override = ('{% extends "default/base.html" %}\n'
                '{% block footer %}<footer class="egen">Frågor? Kontakta utbildningssamordnaren.</footer>{% endblock %}\n')
    course = make_course({"theme_overrides/base.html": override})
    html = index_html(build_course(course, tmp_path / "dist", ["chefer"])[0])
    assert '<footer class="egen">Frågor? Kontakta utbildningssamordnaren.</footer>' in html
    assert 'id="sb-main"' in html  # the rest of the default template is still there


def test_a_broken_template_is_reported_at_its_line(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    course = make_course({"theme_overrides/base.html": "<html>\n{% block footer %}\n</html>\n"})
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(course), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert "kurs/theme_overrides/base.html:2: error: error in the theme template:" in result.output
    assert not (tmp_path / "dist").exists()


def test_unknown_theme_lists_the_themes(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    course = make_course()
    (course / "course.yml").write_text((course / "course.yml").read_text().replace("lessons:", "theme: blue\nlessons:"))
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(course), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert 'error: the theme "blue" does not exist' in result.output
    assert "hint: the themes are: default, ostersund" in result.output


def test_version_and_help():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.strip() == f"scorm-builder, version {__version__}"
    help_text = runner.invoke(main, ["--lang", "en", "--help"]).output
    assert "build" in help_text and "Usage:" in help_text


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "scorm_builder", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_an_undefined_template_variable_is_reported_at_its_line(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    override = '{% extends "default/base.html" %}\n{% block footer %}\n<p>{{ kontakt.telefon }}</p>\n{% endblock %}\n'
    course = make_course({"theme_overrides/base.html": override})
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(course), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 1, result.output
    assert "kurs/theme_overrides/base.html:3: error: the theme template could not be used: the template uses 'kontakt', which the theme is not given (a misspelt name?)" \
        in result.output
