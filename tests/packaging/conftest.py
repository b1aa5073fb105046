"""The wheel, built once per test module from this checkout."""
from __future__ import annotations

import subprocess
import sys

import pytest

from support import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(out)],
                   check=True, capture_output=True)
    return next(out.glob("scorm_builder-*.whl"))
