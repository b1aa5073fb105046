"""Checks that the benchmark measures what it claims: run with `.venv/bin/python -m pytest bench -q`.

The generated courses must be valid courses (a build that fails or warns would time an error
path), their images real and incompressible, and the child-process figures the child's own.
"""
from __future__ import annotations

import re
import struct
import sys
import zipfile
import zlib

import pytest

from bench.build_speed import run_timed
from bench.corpus import Size, png, write_course
from bench.report import table
from bench.weight import launch_page_weight, player_weight
from scorm_builder.build import build_course
from scorm_builder.errors import Reporter
from scorm_builder.render.chunks import read_chunk


def test_generated_course_builds_without_any_diagnostic(tmp_path):
    size = Size.scaled(20)
    course = write_course(tmp_path / "src", size)
    reporter = Reporter()
    [zip_path] = build_course(course, tmp_path / "dist", None, reporter)
    assert reporter.diagnostics == []
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        data = read_chunk(zf.read("index.course.js").decode())
    assert len(data["questions"]) == size.questions
    assert {q["type"] for q in data["questions"].values()} == {"single", "multiple", "truefalse", "fillin",
                                                                "matching", "ordering"}
    assert len(data["test"]["pool"]) == round(size.questions * size.test_share)
    assert len(data["pages"]) == size.lessons * size.pages_per_lesson + 1
    assert sum(n.endswith(".png") for n in names) == size.images
    assert sum(n.endswith(".mp4") for n in names) == size.media
    assert player_weight(zip_path)[-1].raw > 0
    assert launch_page_weight([zip_path]).name.endswith(":index.html")


def test_lessons_are_about_800_words(tmp_path):
    course = write_course(tmp_path, Size(lessons=3, questions=0, images=0, image_bytes=0, media=0, media_bytes=0))
    for lesson in (course / "lessons").glob("*.md"):
        words = len(lesson.read_text("utf-8").split())
        assert 800 <= words < 1000, (lesson.name, words)


def test_png_is_a_valid_image_that_does_not_compress():
    import random

    data = png(100, 80, random.Random(1))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (100, 80)
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4:idat])[0]
    raw = zlib.decompress(data[idat + 4:idat + 4 + length])
    assert len(raw) == 80 * (1 + 100 * 3)
    assert len(zlib.compress(data, 9)) > 0.99 * len(data)


def test_run_timed_reports_the_childs_own_memory_and_cpu():
    small = run_timed([sys.executable, "-c", "pass"])
    big = run_timed([sys.executable, "-c", "b = bytearray(200 * 1024 * 1024); sum(range(3_000_000))"])
    assert big.rss_mb >= 200 > small.rss_mb
    assert big.cpu > small.cpu


def test_run_timed_fails_loudly_on_a_failing_command():
    with pytest.raises(RuntimeError, match="exited 3"):
        run_timed([sys.executable, "-c", "import sys; sys.exit(3)"])


def test_table_right_aligns_numbers_only():
    text = table(["name", "ms"], [["a", 5], ["bb", 120]])
    assert text.splitlines() == ["| name |  ms |", "|------|----:|", "| a    |   5 |", "| bb   | 120 |"]


def test_import_time_counts_what_the_command_imports(tmp_path):
    import os

    from bench.incremental import import_ms

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    assert import_ms(["--help"], env) > 0
    assert import_ms(["check", str(write_course(tmp_path / "c", Size.scaled(3)))], env) > 0


def test_import_time_sums_top_level_imports_only():
    """-X importtime lines: cumulative microseconds, nested imports indented under their importer."""
    from bench.incremental import IMPORT_LINE

    lines = ["import time: self [us] | cumulative | imported package",
             "import time:       100 |        100 |   yaml.error",
             "import time:       300 |       1400 | yaml",
             "import time:        50 |         50 | click"]
    matches = [m for m in map(IMPORT_LINE.match, lines) if m]
    assert sum(int(m[1]) for m in matches if not m[2]) == 1450


def test_core_use_has_one_figure_per_core():
    import os

    from bench.incremental import timed_with_cores

    _, use = timed_with_cores([sys.executable, "-c", "sum(range(2_000_000))"], dict(os.environ))
    assert len(use.busy) == os.cpu_count()
    assert all(0 <= b <= 1 for b in use.busy) and max(use.busy) > 0


def test_a_rebuild_measurement_restores_the_lesson_it_changed(tmp_path):
    from bench.incremental import measure_reuse

    course = write_course(tmp_path / "c", Size.scaled(3))
    before = {p: p.read_bytes() for p in (course / "lessons").glob("*.md")}
    res = measure_reuse(course, tmp_path / "w", tmp_path / "pycache", runs=1)
    assert {p: p.read_bytes() for p in (course / "lessons").glob("*.md")} == before
    assert res.one_line.cpu > 0 and res.clean.wall > 0


def test_memory_counts_the_workers_and_shared_pages_once():
    """A parent holding 120 MB forks a worker that adds 80 MB of its own: the PSS sum sees both,
    the shared 120 MB once; the RSS sum counts them twice; wait4 gives the largest process's peak."""
    import os

    from bench.memory import measure_memory

    script = ("import os, time\n"
              "held = bytearray(120 << 20)\n"
              "pid = os.fork()\n"
              "if pid == 0:\n"
              "    own = bytearray(80 << 20); time.sleep(0.5); os._exit(0)\n"
              "os.waitpid(pid, 0)\n")
    res = measure_memory([sys.executable, "-c", script], dict(os.environ))
    assert res.processes == 2
    assert 195 <= res.process_peak_mb < 240       # the worker: 120 it shares + 80 of its own
    assert 195 <= res.pss_peak_mb < 240           # 120 shared once + 80 of the worker's own
    assert res.rss_peak_mb >= res.pss_peak_mb + 100   # the shared 120 MB counted in both
    assert res.peak_mb == max(res.process_peak_mb, res.pss_peak_mb)
    with pytest.raises(RuntimeError, match="exited 3"):
        measure_memory([sys.executable, "-c", "import sys; sys.exit(3)"], dict(os.environ))


def test_the_preview_edit_is_one_new_line_on_the_first_page_shown(tmp_path):
    from bench.preview import first_lesson_file, with_line

    course = write_course(tmp_path / "c", Size.scaled(3))
    lesson = first_lesson_file(course)
    assert lesson == sorted((course / "lessons").glob("*.md"))[0]
    text = lesson.read_text("utf-8")
    edited = with_line(text, "Ny rad.")
    assert edited.replace("\n\nNy rad.\n", "", 1) == text
    first, second = [m.start() for m in re.finditer(r"^# ", edited, re.M)][:2]   # the first page's heading, the next's
    assert first < edited.index("Ny rad.") < second
