"""A core install (`pip install scorm-builder`, no extras) builds courses without the browser stack;
play and preview then say which extra to install, and the pytest plugin stays out of the way."""
from __future__ import annotations

import subprocess
import sys

import pytest

from support import SAMPLE_COURSE


@pytest.fixture(scope="module")
def core_venv(wheel, tmp_path_factory):
    """A fresh virtualenv with the wheel and what pip resolves for it, plus pytest (to load the
    plugin's entry point); dependencies come from the machine's configured index."""
    venv = tmp_path_factory.mktemp("core") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheel), "pytest"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return venv


def run(venv, *args, cwd, lang="en"):
    return subprocess.run([str(venv / "bin" / "scorm-builder"), "--lang", lang, *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_core_install_pulls_in_no_browser_stack(core_venv):
    listed = subprocess.run([str(core_venv / "bin" / "pip"), "list", "--format", "freeze"],
                            capture_output=True, text=True, check=True).stdout.lower()
    names = {line.split("==")[0] for line in listed.splitlines()}
    assert {"scorm-builder", "lxml", "jinja2", "click", "pyyaml", "markdown"} <= names
    assert names.isdisjoint({"playwright", "axe-playwright-python", "watchfiles"})


def test_core_install_builds_a_course(core_venv, tmp_path):
    done = run(core_venv, "build", str(SAMPLE_COURSE), "--out", str(tmp_path / "dist"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "dist").glob("*.zip"))


@pytest.mark.parametrize("lang,line", [
    ("en", 'error: scorm-builder play needs the [play] extra, which is not installed: '
           'pip install "scorm-builder[play]"'),
    ("sv", 'error: scorm-builder play behöver tillägget [play], som inte är installerat: '
           'pip install "scorm-builder[play]"'),
])
def test_play_without_the_extra_names_it_in_one_line_and_exits_2(core_venv, tmp_path, lang, line):
    done = run(core_venv, "play", "kurs.zip", cwd=tmp_path, lang=lang)
    assert (done.returncode, done.stderr, done.stdout) == (2, line + "\n", "")


def test_preview_without_the_extra_names_it(core_venv, tmp_path):
    done = run(core_venv, "preview", str(SAMPLE_COURSE), "--no-open", cwd=tmp_path)
    assert done.returncode == 2 and 'pip install "scorm-builder[preview]"' in done.stderr


def test_handout_without_the_play_extra_names_it(core_venv, tmp_path):
    """handout prints its PDF with play's browser, so it needs the same extra and says so."""
    done = run(core_venv, "handout", str(SAMPLE_COURSE), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, 'error: scorm-builder handout needs the [play] extra, which is not '
                                                 'installed: pip install "scorm-builder[play]"\n')
    assert not (tmp_path / "dist").exists()


def test_pytest_runs_on_a_core_install_without_the_play_fixture(core_venv, tmp_path):
    """The entry point loads on every pytest run; without [play] it must add nothing and import
    no playwright."""
    (tmp_path / "test_x.py").write_text("def test_ok():\n    pass\n")
    code = ("import sys, pytest; code = pytest.main(['-q', '--fixtures']);"
            "print('playwright loaded:', any('playwright' in m for m in sys.modules)); sys.exit(code)")
    done = subprocess.run([str(core_venv / "bin" / "python"), "-c", code], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "playback_browser" not in done.stdout
    assert done.stdout.splitlines()[-1] == "playwright loaded: False"


def test_the_play_fixture_is_there_when_the_extra_is(tmp_path):
    (tmp_path / "test_x.py").write_text("def test_ok():\n    pass\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "--fixtures", "-p", "no:cacheprovider"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "playback_browser" in done.stdout
