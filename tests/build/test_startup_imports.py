"""Each command imports only what it uses (issue 16): Jinja2, Python-Markdown and Playwright are
slow to import, and `validate`, `inspect` and a `check` whose conversions are all cached use none."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scorm_builder.build import build_course
from support import ROOT

HEAVY = ("jinja2", "markdown", "playwright")
PROBE = """\
import atexit, json, sys
from scorm_builder.cli import main
atexit.register(lambda: print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)), file=sys.stderr))
main(sys.argv[1:])
"""


def loaded(*args: str) -> set[str]:
    """Top-level modules loaded by the time `scorm-builder ARGS` ends."""
    done = subprocess.run([sys.executable, "-c", PROBE, "--lang", "en", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.fixture
def package(make_course, tmp_path):
    return build_course(make_course(), tmp_path / "dist")[0]


@pytest.mark.parametrize("command", ["validate", "inspect"])
def test_package_commands_import_no_renderer_or_browser(command, package):
    assert loaded(command, str(package)) & set(HEAVY) == set()


def test_help_imports_nothing_heavy():
    assert loaded("--help") & {*HEAVY, "lxml", "yaml"} == set()


def test_check_imports_markdown_only_to_convert(make_course):
    course = make_course()
    assert "markdown" in loaded("check", str(course))        # nothing cached yet: it converts
    used = loaded("check", str(course))                      # every conversion from the cache
    assert "markdown" not in used and "playwright" not in used
    assert "jinja2" in used   # the theme's templates are rendered: that is how check finds their mistakes
