"""The wheel carries everything the tool needs at run time (player, themes, schemas, the runtime's
LMS page and scorm-again), so an installed tool works without this checkout."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from support import SAMPLE_COURSE


def test_wheel_carries_the_runtime_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "scorm_builder/player/scorm.js", "scorm_builder/player/quiz.js", "scorm_builder/player/player.css",
        "scorm_builder/player/questions/single.js", "scorm_builder/player/questions/reflection.js",
        "scorm_builder/questions/__init__.py", "scorm_builder/questions/likert.py",
        "scorm_builder/themes/default/base.html", "scorm_builder/themes/default/theme.css",
        "scorm_builder/themes/ostersund/theme.css", "scorm_builder/messages/sv.json",
        "scorm_builder/schemas/imscp_rootv1p1p2.xsd", "scorm_builder/schemas/adlcp_rootv1p2.xsd",
        "scorm_builder/schemas/imsmd_rootv1p2p1.xsd", "scorm_builder/schemas/ims_xml.xsd",
        "scorm_builder/runtime/harness.html", "scorm_builder/runtime/conformance.js",
        "scorm_builder/preview/preview.html", "scorm_builder/preview/preview.js",
        "scorm_builder/scaffold/sv/course.yml", "scorm_builder/scaffold/en/course.yml",
    }
    assert expected <= names, sorted(expected - names)
    assert any(n.startswith("scorm_builder/runtime/scorm12") and n.endswith(".js") for n in names)


def test_installed_wheel_builds_the_sample_course_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import scorm_builder, sys; assert scorm_builder.__file__.startswith(sys.argv[1]), scorm_builder.__file__;"
            "from scorm_builder.cli import main; main(['build', sys.argv[2], '--out', sys.argv[3], '--audience', 'omsorg', '--level', 'grund'])")
    result = subprocess.run([sys.executable, "-c", code, str(target), str(SAMPLE_COURSE), str(tmp_path / "dist")],
                            cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dist" / "vald-i-nara-relation-2.0-omsorg-grund.zip").is_file()
