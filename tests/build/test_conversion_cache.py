"""The persistent conversion cache and the process pool (source/converter.py, source/conversion_cache.py):
same bytes and same diagnostics whether a conversion is made, reused or made in another process."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scorm_builder.build import build_course, make_converter
from scorm_builder.errors import BuildError, Reporter
from scorm_builder.source import converter as converter_module
from support import ROOT

LESSONS = 6


def course_files(n: int = LESSONS) -> dict[str, str]:
    """A course of n lessons for both audiences, one with content for chefer only, and an image."""
    files = {"course.yml": "id: cache\ntitle: Cachekurs\nversion: '1.0'\ndescription: Test.\n"
                           "audiences:\n  - id: chefer\n    title: Chefer\n  - id: omsorg\n    title: Omsorg\n"
                           "lessons:\n" + "".join(f"  - l{i:03}\n" for i in range(n)),
             "assets/bild.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'}
    for i in range(n):
        files[f"lessons/l{i:03}.md"] = textwrap.dedent(f"""\
            ---
            title: Lektion {i}
            ---
            # Sida {i}

            Text om "hedersförtryck" i lektion {i}. ![Bild](../assets/bild.svg)

            ::: fråga enval {{#f{i}}}
            Vad gäller?

            - [x] Rätt
            - [ ] Fel
            :::
            """)
    files["lessons/l001.md"] += "\n::: målgrupp chefer\nBara för chefer.\n:::\n"   # reads the variant
    return files


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def build(course: Path, out: Path, **options):
    """(zip bytes by name, converter stats, rendered diagnostics) of one build with a fresh converter."""
    converter = make_converter(**options)
    reporter = Reporter()
    try:
        zips = build_course(course, out, reporter=reporter, converter=converter)
    except BuildError:
        return None, converter.stats, reporter.render()
    return {z.name: z.read_bytes() for z in zips}, converter.stats, reporter.render()


@pytest.fixture
def course(tmp_path) -> Path:
    return write(tmp_path / "kurs", course_files())


def test_a_rebuild_reconverts_only_the_changed_lesson(course, tmp_path):
    first, stats, _ = build(course, tmp_path / "a")
    assert stats.converted == LESSONS + 1 and stats.from_disk == 0   # l001 once per audience
    again, stats, _ = build(course, tmp_path / "b")
    assert again == first
    assert stats.converted == 0 and stats.from_disk == LESSONS + 1
    lesson = course / "lessons" / "l004.md"
    lesson.write_text(lesson.read_text("utf-8").replace("Vad gäller?", "Vad gäller nu?"), "utf-8")
    changed, stats, _ = build(course, tmp_path / "c")
    assert stats.converted == 1 and stats.from_disk == LESSONS
    assert changed != first
    uncached, _, _ = build(course, tmp_path / "d", cache=False)
    assert uncached == changed


def test_same_bytes_without_cache_with_one_process_and_with_a_pool(course, tmp_path, monkeypatch):
    alone, stats, _ = build(course, tmp_path / "a", cache=False, jobs=1)
    assert stats.converted == LESSONS + 1 and stats.pooled == 0
    monkeypatch.setattr(converter_module, "PARALLEL_MIN_CHARS", 0)   # a real pool, even for a small course
    pooled, stats, _ = build(course, tmp_path / "b", cache=False, jobs=2)
    assert stats.converted == LESSONS + 1
    assert stats.pooled == LESSONS   # every lesson once in the pool; l001's second audience alone, here
    assert pooled == alone
    cached, stats, _ = build(course, tmp_path / "c", jobs=2)
    assert cached == alone and stats.converted == LESSONS + 1   # the pool's results were stored...
    reused, stats, _ = build(course, tmp_path / "d", jobs=2)
    assert reused == alone and stats.from_disk == LESSONS + 1   # ...and are found again


def test_no_cache_writes_nothing(course, tmp_path, conversion_cache):
    build(course, tmp_path / "a", cache=False)
    assert not conversion_cache.exists()
    build(course, tmp_path / "b")
    assert len(entries(conversion_cache)) >= LESSONS


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_corrupt_and_foreign_entries_are_ignored_and_rewritten(course, tmp_path, conversion_cache):
    first, _, _ = build(course, tmp_path / "a")
    files = entries(conversion_cache)
    files[0].write_bytes(b"not a pickle")
    files[1].write_bytes(files[1].read_bytes()[:20])   # cut short, as by a crash mid-write elsewhere
    files[2].write_bytes(files[3].read_bytes())   # a whole entry, but another key's
    again, stats, _ = build(course, tmp_path / "b")
    assert again == first
    assert stats.converted >= 1 and stats.from_disk + stats.converted == LESSONS + 1
    _, stats, _ = build(course, tmp_path / "c")
    assert stats.converted == 0   # rewritten by the build before


def test_diagnostics_come_back_the_same_from_the_cache(course, tmp_path):
    lesson = course / "lessons" / "l002.md"
    lesson.write_text(lesson.read_text("utf-8") + "\n![](../assets/saknas.png)\n<script>x()</script>\n", "utf-8")
    zips, stats, first = build(course, tmp_path / "a")
    assert zips is None and "saknas.png" in first and "l002.md" in first
    _, stats, again = build(course, tmp_path / "b")
    assert stats.from_disk == LESSONS + 1 and stats.converted == 0
    assert again == first


def test_a_referenced_file_that_appears_or_changes_reconverts_the_lesson(course, tmp_path):
    lesson = course / "lessons" / "l003.md"
    lesson.write_text(lesson.read_text("utf-8") + "\n![Ny](../assets/ny.svg)\n", "utf-8")
    zips, _, report = build(course, tmp_path / "a")
    assert zips is None and "ny.svg" in report
    (course / "assets" / "ny.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', "utf-8")
    zips, stats, report = build(course, tmp_path / "b")
    assert zips is not None, report
    assert stats.converted == 1
    # an SVG's content is checked: the same size with script in it is a new conversion with an error
    (course / "assets" / "ny.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "utf-8")
    zips, stats, report = build(course, tmp_path / "c")
    assert zips is None and "onload" in report and stats.converted == 1


def test_two_builds_at_once_share_the_cache_safely(tmp_path):
    course = write(tmp_path / "kurs", course_files(40))
    script = ("import sys; from pathlib import Path; from scorm_builder.build import build_course;"
              "build_course(Path(sys.argv[1]), Path(sys.argv[2]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen([sys.executable, "-c", script, str(course), str(tmp_path / f"out{n}")], env=env,
                             stderr=subprocess.PIPE, text=True) for n in range(2)]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    outputs = [{z.name: z.read_bytes() for z in sorted((tmp_path / f"out{n}").iterdir())} for n in range(2)]
    assert outputs[0] == outputs[1]
    after, stats, _ = build(course, tmp_path / "after")
    assert after == outputs[0]
    assert stats.converted == 0 and stats.from_disk == 41


def test_build_command_takes_jobs_and_no_cache(course, tmp_path, conversion_cache):
    from click.testing import CliRunner

    from scorm_builder.cli import main

    result = CliRunner().invoke(main, ["--lang", "en", "build", str(course), "--out", str(tmp_path / "a"),
                                       "--no-cache", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert not conversion_cache.exists()
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(course), "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert entries(conversion_cache)
    assert [p.read_bytes() for p in sorted((tmp_path / "a").iterdir())] == \
        [p.read_bytes() for p in sorted((tmp_path / "b").iterdir())]
    result = CliRunner().invoke(main, ["build", str(course), "--jobs", "0"])
    assert result.exit_code == 2


def test_a_broken_pool_falls_back_to_converting_in_this_process(course, tmp_path, monkeypatch):
    """A machine that forbids processes, or a worker killed by the OS, costs speed, not the build."""
    from concurrent.futures.process import BrokenProcessPool

    tried = []

    class NoPool:
        def __init__(self, *args, **kwargs):
            tried.append(args)
            raise BrokenProcessPool("no processes here")

    alone, _, _ = build(course, tmp_path / "a", cache=False, jobs=1)
    monkeypatch.setattr(converter_module, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", NoPool)
    fallen, stats, _ = build(course, tmp_path / "b", cache=False, jobs=2)
    assert tried and fallen == alone and stats.converted == LESSONS + 1 and stats.pooled == 0


def test_variants_that_answer_a_lesson_alike_share_its_conversion(tmp_path):
    """Two audiences by two levels: a lesson limited to chefer is converted once for chefer and once
    for every other variant, not once per variant; a lesson with a block inside a block asks its
    second question only where the first is seen. Every package is the bytes of that variant built
    on its own (a build of one variant shares nothing)."""
    files = course_files(3)
    files["course.yml"] += "levels:\n  - id: grund\n    title: Grund\n  - id: mer\n    title: Mer\n"
    files["lessons/l002.md"] += "\n::: målgrupp omsorg\nOmsorg.\n\n::: nivå mer\nOmsorg, mer.\n:::\n:::\n"
    course = write(tmp_path / "kurs", files)
    together, stats, _ = build(course, tmp_path / "all", cache=False, jobs=1)
    # l000 once; l001 (chefer?) twice; l002: omsorg? no -> 1, omsorg and mer? yes/no -> 2
    assert stats.converted == 1 + 2 + 3
    alone = {}
    for audience in ("chefer", "omsorg"):
        for level in ("grund", "mer"):
            zips = build_course(course, tmp_path / f"{audience}-{level}", [audience], Reporter(),
                                levels=[level], converter=make_converter(cache=False, jobs=1))
            alone.update({z.name: z.read_bytes() for z in zips})
    assert together == alone and len(alone) == 4
    cached, _, _ = build(course, tmp_path / "warm")
    reused, stats, _ = build(course, tmp_path / "again")
    assert cached == reused == alone and stats.converted == 0


def test_an_earlier_build_s_conversions_are_reused_from_memory_and_checked(course, tmp_path):
    """Preview hands each rebuild the conversions of the one before (no disk here: --no-cache);
    a file they looked at that changed still makes them convert again."""
    first = make_converter(cache=False)
    before = {z.name: z.read_bytes() for z in build_course(course, tmp_path / "a", converter=first)}
    second = make_converter(cache=False, earlier=first.done)
    again = {z.name: z.read_bytes() for z in build_course(course, tmp_path / "b", converter=second)}
    assert again == before and second.stats.converted == 0 and second.stats.from_disk == 0
    (course / "assets" / "bild.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>\n')
    third = make_converter(cache=False, earlier=second.done)
    build_course(course, tmp_path / "c", converter=third)
    assert third.stats.converted == LESSONS + 1   # every lesson shows the image


def test_one_pool_serves_every_pass_and_starts_for_what_every_variant_may_need(tmp_path, monkeypatch):
    """Six lessons with content for chefer only: six conversions, then six more for omsorg. Their
    text alone is under the threshold, but what the two variants may need is over it, so the pool
    starts for the first pass, and the same workers make the second."""
    from concurrent.futures import ProcessPoolExecutor

    files = course_files()
    for i in range(LESSONS):
        files[f"lessons/l{i:03}.md"] += "\n::: målgrupp chefer\nBara för chefer.\n:::\n"
    course = write(tmp_path / "kurs", files)
    alone, _, _ = build(course, tmp_path / "a", cache=False, jobs=1)
    text = sum(len(p.read_text("utf-8")) for p in (course / "lessons").glob("*.md"))
    monkeypatch.setattr(converter_module, "PARALLEL_MIN_CHARS", text * 3 // 2)
    started = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Counted)
    pooled, stats, _ = build(course, tmp_path / "b", cache=False, jobs=2)
    assert pooled == alone and stats.converted == stats.pooled == 2 * LESSONS and started == [1]


def test_a_conversion_not_prepared_is_made_counted_and_reused(tmp_path):
    """Converter.convert without prepare (a single page, a caller outside build_course) still reuses."""
    from scorm_builder.source.context import PageContext
    from scorm_builder.source.conversion_cache import ConversionCache
    from scorm_builder.source.converter import Converter
    from scorm_builder.source.lines import LineLocator

    body = "# Sida\n\n![](saknas.png)\n"

    def context(reporter):
        return PageContext(path="l.md", abs_path=tmp_path / "kurs" / "l.md", course_root=tmp_path / "kurs",
                           reporter=reporter,
                           locator=LineLocator(body, 3), audience_ids=set(), audience=None, lesson_id="l")

    (tmp_path / "kurs").mkdir()
    first, again = Reporter(), Reporter()
    converter = Converter(ConversionCache(tmp_path / "cache"), jobs=1)
    html = converter.convert(body, context(first))
    assert converter.stats.converted == 1 and [d.code for d in first.diagnostics] == ["asset.missing", "image.no_alt"]
    other = Converter(ConversionCache(tmp_path / "cache"), jobs=1)
    assert other.convert(body, context(again)) == html
    assert other.stats.converted == 0 and other.stats.from_disk == 1
    assert again.render() == first.render() and "l.md:6" in again.render()


def test_the_tool_fingerprint_covers_code_and_catalogues(tmp_path):
    """An edit to the tool's code or to a catalogue (labels a conversion writes into pages) is a new tool."""
    import shutil

    import scorm_builder
    from scorm_builder.source.conversion_cache import package_fingerprint

    package = tmp_path / "scorm_builder"
    shutil.copytree(Path(scorm_builder.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__", "schemas", "node_modules"))
    before = package_fingerprint(package, "v")
    assert package_fingerprint(package, "v") == before and package_fingerprint(package, "w") != before
    for name in ("messages/sv.json", "source/tables.py"):
        original = (package / name).read_bytes()
        (package / name).write_bytes(original + b"\n")
        assert package_fingerprint(package, "v") != before, name
        (package / name).write_bytes(original)
    (package / "player" / "extra.js").write_text("// not read by a conversion\n")
    assert package_fingerprint(package, "v") == before


def test_entries_unused_for_a_month_are_pruned_once_a_day(tmp_path):
    import time

    from scorm_builder.source.conversion_cache import KEEP_DAYS, ConversionCache

    cache = ConversionCache(tmp_path / "cache")
    for key in ("old", "used", "new"):
        cache.put((key,), key)
    now = time.time()
    month_ago = now - (KEEP_DAYS + 1) * 86400
    for key in ("old", "used"):
        os.utime(cache._entry((key,))[0], (month_ago, month_ago))
    assert cache.get(("used",)) == "used"   # a build used it: kept
    assert cache.prune(now) == 1
    assert cache.get(("old",)) is None and cache.get(("used",)) == "used" and cache.get(("new",)) == "new"
    os.utime(cache._entry(("new",))[0], (month_ago, month_ago))
    assert cache.prune(now + 60) == 0   # swept a minute ago: not again today
    assert cache.prune(now + 86400 + 60) == 1


WRITER = """\
import sys
from pathlib import Path
from scorm_builder.source.conversion_cache import ConversionCache
cache = ConversionCache(Path(sys.argv[1]))
value = sys.argv[2] * 200_000   # large enough that a non-atomic write would be seen half done
for _ in range(40):
    cache.put(("same key",), value)
"""


def test_readers_see_a_whole_entry_or_none_while_two_processes_write_it(tmp_path):
    from scorm_builder.source.conversion_cache import ConversionCache

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path / "cache"), letter], env=env)
               for letter in "ab"]
    cache, seen = ConversionCache(tmp_path / "cache"), set()
    path = cache._entry(("same key",))[0]
    while any(w.poll() is None for w in writers):
        try:
            data = path.read_bytes()   # the file itself: get() would hide a half-written entry as a miss
        except FileNotFoundError:
            continue
        value = pickle.loads(data)[2]   # a half-written file would not unpickle
        seen.add((value[0], len(value)))
    assert all(w.wait(timeout=120) == 0 for w in writers)
    assert seen and seen <= {("a", 200_000), ("b", 200_000)}
    assert cache.get(("same key",)) in ("a" * 200_000, "b" * 200_000)
    assert [p.name for p in (tmp_path / "cache").rglob("*.tmp")] == []   # no temporary file left behind


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is chosen on Linux only")
def test_the_pool_forks_unless_other_threads_run(course, tmp_path, monkeypatch):
    """Beside another thread (as in preview) the workers come from a forkserver: same bytes."""
    import threading

    assert threading.active_count() == 1
    assert converter_module._pool_context().get_start_method() == "fork"
    alone, _, _ = build(course, tmp_path / "a", cache=False, jobs=1)
    monkeypatch.setattr(converter_module, "PARALLEL_MIN_CHARS", 0)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert converter_module._pool_context().get_start_method() == "forkserver"
        served, stats, _ = build(course, tmp_path / "b", cache=False, jobs=2)
    finally:
        stop.set()
        other.join()
    assert served == alone and stats.pooled == LESSONS


def test_ctrl_c_during_a_pooled_build_is_one_line(tmp_path):
    """Ctrl-C goes to the whole process group, workers included: only the build answers ("Aborted!")."""
    import signal
    import time

    files = course_files(200)
    for name in files:
        if name.startswith("lessons/"):   # about 2 000 characters more each: well above the pool's threshold
            files[name] += "\n" + "Mer text om våld i nära relationer och vad vi gör. " * 40 + "\n"
    course = write(tmp_path / "kurs", files)
    env = {**os.environ, "SCORM_BUILDER_LANG": "en"}
    build_process = subprocess.Popen([sys.executable, "-m", "scorm_builder", "build", str(course), "--out",
                                      str(tmp_path / "dist"), "--no-cache", "--jobs", "2"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                     start_new_session=True)
    children = Path(f"/proc/{build_process.pid}/task/{build_process.pid}/children")
    deadline = time.monotonic() + 120
    while build_process.poll() is None and not children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert build_process.poll() is None, "the build ended before its pool started"
    time.sleep(0.05)   # the workers are converting
    os.killpg(build_process.pid, signal.SIGINT)
    out, err = build_process.communicate(timeout=120)
    assert build_process.returncode == 1
    print(err); assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "Aborted!" in err
    assert not (tmp_path / "dist").exists()
