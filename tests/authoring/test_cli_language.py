"""The command line in the author's language: click's usage errors, --help, YAML and template
mistakes come from the catalogues, and `--lang` works before or after the command name."""
from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from scorm_builder.build import build_course
from scorm_builder.cli import main
from scorm_builder.i18n import available_languages, catalogue
from support import MINIMAL


def run(*args: str, lang_env: str | None = "sv", cwd=None) -> subprocess.CompletedProcess:
    """The real program in a subprocess, so nothing of an earlier run's language lingers."""
    env = {"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}   # the test's (conftest.py)
    if lang_env:
        env["SCORM_BUILDER_LANG"] = lang_env
    return subprocess.run([sys.executable, "-m", "scorm_builder", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=60)


def test_every_command_and_option_has_help_in_every_catalogue():
    wanted = {"help.main"}
    for name, command in main.commands.items():
        wanted.add(f"help.{name}")
        wanted |= {f"help.{name}.{p.name}" for p in command.params
                   if isinstance(p, click.Option) and p.help and "--lang" not in p.opts}
    for lang in available_languages():
        assert wanted - set(catalogue(lang)) == set(), lang


def test_a_usage_error_is_in_swedish():
    done = run("build", "--xyz")   # (a name near an option's, such as --nope, adds "did you mean")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["Användning: python -m scorm_builder build [FLAGGOR] [KURSMAPP]",
                                        "Skriv 'python -m scorm_builder build --help' för hjälp.", "",
                                        "Fel: Flaggan '--xyz' finns inte."]


def test_an_invalid_choice_is_in_swedish():
    done = run("validate", "--format", "pdf", "x.zip")
    assert done.returncode == 2
    assert "Fel: Ogiltigt värde för '--format': 'pdf' är inte något av 'text', 'json'." in done.stderr


def test_help_is_in_swedish():
    done = run("build", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("Användning: python -m scorm_builder build [FLAGGOR] [KURSMAPP]\n")
    assert "Bygg KURSMAPP (standard: den aktuella mappen) till en SCORM 1.2-zip per" in done.stdout
    assert "Räkna varningar som fel." in done.stdout and "Visa den här hjälpen och avsluta." in done.stdout
    assert "Flaggor:" in done.stdout and "[standard: dist]" in done.stdout


@pytest.mark.parametrize("args", [["--lang", "en", "build", "--nope"], ["build", "--lang", "en", "--nope"],
                                  ["build", "--nope", "--lang=en"]])
def test_lang_works_before_or_after_the_command_name(args):
    done = run(*args)
    assert done.returncode == 2 and "Error: No such option '--nope'." in done.stderr


def test_lang_after_the_command_is_in_its_help():
    done = run("validate", "--help", "--lang", "en")
    assert "--lang [sv|en]" in done.stdout and "before or after the command name" in done.stdout


def test_a_yaml_syntax_error_is_in_swedish(make_course, tmp_path):
    course = make_course({"course.yml": "id: mini\ntitle: Minikurs\ndescription: 'ej stängd\n"})
    done = run("check", str(course))
    assert done.returncode == 1
    assert ("course.yml:4:1: error: YAML-fel: YAML-texten tar slut mitt i ett citerat värde eller ett block: "
            "ett avslutande citattecken saknas") in done.stderr
    assert "found unexpected end of stream" not in done.stderr


def test_an_undefined_template_variable_is_in_swedish(make_course, tmp_path):
    override = '{% extends "default/base.html" %}\n{% block footer %}{{ telefon }}{% endblock %}\n'
    course = make_course({"theme_overrides/base.html": override})
    done = run("build", str(course), "--out", str(tmp_path / "dist"))
    assert done.returncode == 1
    assert "base.html:2: error: temamallen kunde inte användas: mallen använder 'telefon', som temat inte får" \
        in done.stderr
    assert "is undefined" not in done.stderr


@pytest.mark.playback
def test_a_playback_finding_is_in_swedish(make_course, tmp_path):
    """The `fails` learner answers wrong; with a pass mark of 0 the package still says passed."""
    course = make_course({"lessons/slutprov.md": MINIMAL["lessons/slutprov.md"].replace("pass_mark: 80", "pass_mark: 0")})
    package = build_course(course, tmp_path / "dist", audiences=["omsorg"])[0]
    done = run("play", str(package), "--learner", "fails")
    assert done.returncode == 1
    assert ('resultatet stämmer inte med vad den som spelade gjorde: ITEM-index: lesson_status är "passed", '
            'men den här deltagaren ska sluta med "failed"') in done.stderr
