"""Run every benchmark, print the tables, and write them to bench/results.md (see docs/benchmarks.md).

Usage: scripts/bench [--out FILE] [--sizes 10,100,500]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench.build_speed import measure_build, run_timed
from bench.corpus import Size, write_course
from bench.report import Targets, kb, machine_facts, mb, ms, table
from bench.weight import launch_page_weight, player_weight

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "course_src" / "vald-i-nara-relation"
SAMPLE_LAUNCH_VARIANT = "omsorg-grund"   # the care workers' package: the phone the targets are about
BUILD_RUNS, LAUNCH_RUNS, BIG_LAUNCH_RUNS = 3, 7, 3
SCALE_LESSONS = (10, 1000)   # launch against course size (issue 16's targets)
MEMORY_LESSONS = 2000   # the memory target's course
MEMORY_LIMIT_MB = 300
PREVIEW_RUNS = 5
PREVIEW_LIMITS_MS = {"sample": 300, "largest": 1000}   # the sample course; the largest generated course
PHONE_SLOWDOWN = 4   # Lighthouse's CPU throttling for its mobile profile
SUSPEND = Size(lessons=100, questions=200, images=0, image_bytes=0, media=0, media_bytes=0,
               words=300, pages_per_lesson=5)   # 500 lesson pages + the test page, 200 questions


def load_now() -> str:
    """The machine's load average (1 / 5 / 15 min), printed beside each figure it can sway."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


class Out:
    """Prints each section as it is measured and keeps it for results.md."""

    def __init__(self):
        self.parts: list[str] = []

    def __call__(self, text: str = "") -> None:
        print(text, flush=True)
        self.parts.append(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md", help="results file (default bench/results.md)")
    ap.add_argument("--sizes", default="10,100,500", help="generated course sizes in lessons (default 10,100,500)")
    args = ap.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",")})
        if not sizes or min(sizes) < 1:
            raise ValueError
    except ValueError:
        ap.error(f"--sizes takes lesson counts such as 10,100,500, got {args.sizes!r}")

    from playwright.sync_api import sync_playwright

    from scorm_builder.runtime.browser import launch_browser

    started = time.perf_counter()
    out, targets = Out(), Targets()
    with tempfile.TemporaryDirectory(prefix="sb-bench-") as tmp, sync_playwright() as pw:
        work = Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(work / "xdg-cache")   # builds' conversion cache: the run's own
        browser = launch_browser(pw)
        try:
            out("# scorm-builder benchmarks\n")
            out("Written by `scripts/bench` (see docs/benchmarks.md); do not edit by hand.\n")
            out(table(["machine", ""], [list(f) for f in machine_facts(browser.version)]) + "\n")
            largest = bench_sizes(out, targets, work, sizes)
            bench_reuse(out, targets, work, sizes[-1])
            bench_memory(out, targets, work)
            bench_imports(out, work)
            sample_zips = bench_sample(out, targets, work)
            bench_weight(out, targets, sample_zips, largest)
            bench_launch(out, targets, browser, sample_zips, largest)
            bench_launch_scale(out, targets, browser, work)
            bench_preview(out, targets, browser, work, largest[0])
            bench_suspend(out, targets, browser, work)
        finally:
            browser.close()
    bench_playback(out)
    out("## Targets\n")
    out(table(["target", "measured", "verdict"], targets.rows) + "\n")
    out(f"Whole run: {time.perf_counter() - started:.0f} s; load average at the end "
        f"{' / '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores.")
    args.out.write_text("\n".join(out.parts) + "\n", "utf-8")
    print(f"\nwrote {args.out}")
    return 1 if targets.failed else 0


def bench_sizes(out: Out, targets: Targets, work: Path, sizes: list[int]):
    """Build time, memory and zip floor per generated course size; returns the largest's (size, zips)."""
    out("## Build: generated courses\n")
    out(f"`scorm-builder build` as a subprocess (Python start-up included), median of {BUILD_RUNS} runs (after one "
        "warm-up build that writes the bytecode caches); CPU is user + system time of the build process; peak RSS from `wait4`. Zip floors: `zip -qrX` "
        "over the same package tree in the same run, and `zip -qrX -n` storing the media our zipper stores. "
        "~800 words per lesson in 2 pages.\n")
    rows, first, last = [], None, None
    for n in sizes:
        print(f"bench: building the {n}-lesson course {BUILD_RUNS} times …", file=sys.stderr, flush=True)
        size = Size.scaled(n)
        course = write_course(work / "courses", size)
        res = measure_build(course, work / f"build-{n}", work / "pycache", BUILD_RUNS)
        zip_bytes = sum(z.stat().st_size for z in res.zips)
        ratio = res.build.wall / res.floor.wall
        marginal = "" if first is None else f"{(res.build.wall - first[1]) / (n - first[0]) * 1000:.1f}"
        rows.append([n, size.questions, f"{size.images} / {mb(size.image_bytes)}", f"{size.media} / {mb(size.media_bytes)}",
                     mb(zip_bytes), ms(res.build.wall), ms(res.build.cpu), f"{res.build.rss_mb:.0f}",
                     ms(res.floor.wall), f"{ratio:.1f}×", ms(res.stored_floor.wall),
                     f"{res.build.wall / res.stored_floor.wall:.1f}×", f"{res.build.wall / n * 1000:.1f}", marginal or "-",
                     load_now()])
        if first is None:
            first = (n, res.build.wall)
        last = (n, size, res)
        kept = work / f"zips-{n}"
        kept.mkdir()
        for z in res.zips:
            shutil.copy(z, kept / z.name)
        res.zips = sorted(kept.glob("*.zip"))
        shutil.rmtree(work / f"build-{n}")
        shutil.rmtree(course)
    out(table(["lessons", "questions", "images / MB", "videos / MB", "zip MB", "build ms", "CPU ms",
               "peak RSS MB", "zip -qrX ms", "build ÷ zip", "zip -n ms", "build ÷ zip -n", "ms per lesson",
               "marginal ms per lesson", "load average after"], rows))
    out("\n*marginal ms per lesson*: extra build time per lesson over the smallest course; flat means linear growth.\n")
    n, size, res = last
    targets.check(f"{n}-lesson course ({size.images} images {mb(size.image_bytes)} MB, {size.questions} questions) builds in < 5 s",
                  f"{res.build.wall:.2f} s", res.build.wall < 5)
    targets.check(f"{n}-lesson course build ≤ 3× zip floor", f"{res.build.wall / res.floor.wall:.1f}×",
                  res.build.wall <= 3 * res.floor.wall)
    return n, res.zips


def bench_reuse(out: Out, targets: Targets, work: Path, n: int) -> None:
    """Rebuilds, the cache, the cores, the parallel threshold, front matter (bench/incremental.py)."""
    from bench.incremental import front_matter_ms, measure_reuse, parallel_threshold
    from scorm_builder.source.converter import PARALLEL_MIN_CHARS

    print(f"bench: rebuilding the {n}-lesson course {BUILD_RUNS} times …", file=sys.stderr, flush=True)
    out(f"## Rebuilds, cache and cores: {n}-lesson course\n")
    out("`scorm-builder build` as a subprocess, median of " f"{BUILD_RUNS} runs. *clean*: empty conversion cache, "
        "every core; *--jobs 1*: one process; *--no-cache*: no cache read or written; *unchanged*: a rebuild "
        "with a warm cache; *one line*: a rebuild after one line of one lesson changed. *CPU*: the build "
        "process's own (a pool's workers run under a server process it does not wait for, so they are "
        "missing here: see cores busy). *cores busy*: each "
        "core's busy share during the clean build, from /proc/stat (whatever ran on it; see the load).\n")
    course = write_course(work / "reuse-course", Size.scaled(n))
    res = measure_reuse(course, work / "reuse", work / "pycache", BUILD_RUNS)
    rows = [[label, ms(t.wall), ms(t.cpu), f"{t.wall / res.clean.wall * 100:.0f} %"]
            for label, t in (("clean", res.clean), ("clean, --jobs 1", res.one_job), ("--no-cache", res.no_cache),
                             ("unchanged", res.unchanged), ("one line", res.one_line))]
    out(table(["build", "wall ms", "CPU ms", "of clean"], rows) + "\n")
    busy = " / ".join(f"{b * 100:.0f} %" for b in res.clean_cores.busy)
    out(f"Cores busy during the clean build: {busy} (CPU ÷ wall of the build: {res.clean.cpu / res.clean.wall:.2f}; "
        f"load average now {load_now()}).\n")
    startup, rate, even = parallel_threshold(course, os.cpu_count() or 1)
    out(f"Parallel threshold: starting {os.cpu_count()} workers costs {ms(startup)} ms; one process converts "
        f"{rate / 1000:.0f} k characters per s; a pool pays off above about {even / 1000:.0f} k characters of "
        f"Markdown to convert (PARALLEL_MIN_CHARS is {PARALLEL_MIN_CHARS // 1000} k).\n")
    files, fast_ms, exact_ms = front_matter_ms(course)
    out(f"Front matter of {files} lessons: {fast_ms:.1f} ms through libyaml, {exact_ms:.1f} ms through PyYAML's "
        "Python path.\n")
    targets.check(f"rebuild after a one-line change ≤ 10 % of a clean build ({n} lessons)",
                  f"{res.one_line.wall / res.clean.wall * 100:.0f} %", res.one_line.wall <= 0.1 * res.clean.wall)
    shutil.rmtree(course)


def bench_memory(out: Out, targets: Targets, work: Path) -> None:
    """Peak memory of a clean build of the memory target's course, its pool's workers included (bench/memory.py)."""
    from bench.build_speed import CLI, build_env
    from bench.memory import measure_memory

    n = MEMORY_LESSONS
    print(f"bench: building the {n}-lesson course for its memory …", file=sys.stderr, flush=True)
    out(f"## Memory: {n}-lesson course\n")
    out("One clean build (empty conversion cache, every core). Every 10 ms the build and the processes below "
        "it (the pool's workers) are read from /proc: *PSS* sums their proportional set sizes (a page "
        "shared by several processes split among them: each page once), *RSS* sums their resident sizes "
        "(a shared page in each process: an upper bound); *one process* is the peak RSS of the largest "
        "single process, from `wait4`. The target checks the larger of *one process* and *PSS*.\n")
    size = Size.scaled(n)
    course = write_course(work / "memory-course", size)
    env = {**build_env(work / "pycache"), "XDG_CACHE_HOME": str(work / "memory-cache")}
    res = measure_memory([str(CLI), "build", str(course), "--out", str(work / "memory-dist")], env)
    load = load_now()
    out(table(["lessons", "questions", "images / MB", "videos / MB", "build ms", "processes", "one process MB",
               "PSS MB", "RSS MB", "load average after"],
              [[n, size.questions, f"{size.images} / {mb(size.image_bytes)}", f"{size.media} / {mb(size.media_bytes)}",
                ms(res.wall), res.processes, f"{res.process_peak_mb:.0f}", f"{res.pss_peak_mb:.0f}",
                f"{res.rss_peak_mb:.0f}", load]]) + "\n")
    targets.check(f"{n}-lesson course builds in < {MEMORY_LIMIT_MB} MB (build and its workers)",
                  f"{res.peak_mb:.0f} MB", res.peak_mb < MEMORY_LIMIT_MB)
    for folder in (course, work / "memory-dist", work / "memory-cache"):
        shutil.rmtree(folder, ignore_errors=True)


def bench_imports(out: Out, work: Path) -> None:
    """Import time of each command that runs without a browser (bench/incremental.py)."""
    from bench.build_speed import build_env
    from bench.incremental import import_ms

    out("## Start-up: import time per command\n")
    out("Milliseconds spent importing modules while the command runs (`python -X importtime`, top-level "
        "imports summed), the sample course or one of its packages as input. *check, warm*: every conversion "
        "in the cache, so Python-Markdown is not imported.\n")
    env = {**build_env(work / "pycache"), "XDG_CACHE_HOME": str(work / "imports-cache")}
    dist = work / "imports-dist"
    zip_path = None
    rows = []
    for label, args in (("--help", ["--help"]),
                        ("build (cold cache)", ["build", str(SAMPLE), "--out", str(dist)]),
                        ("check, warm", ["check", str(SAMPLE)]),
                        ("validate", ["validate", "ZIP"]),
                        ("inspect", ["inspect", "ZIP"])):
        if "ZIP" in args:
            zip_path = zip_path or str(sorted(dist.glob("*.zip"))[0])
            args = [zip_path if a == "ZIP" else a for a in args]
        rows.append([label, f"{import_ms(args, env):.0f}"])
    out(table(["command", "import ms"], rows) + "\n")
    out(f"Load average after: {load_now()}.\n")
    shutil.rmtree(dist, ignore_errors=True)
    shutil.rmtree(work / "imports-cache", ignore_errors=True)


def bench_sample(out: Out, targets: Targets, work: Path) -> list[Path]:
    out("## Build: the sample course, all audience variants\n")
    res = measure_build(SAMPLE, work / "sample", work / "pycache", BUILD_RUNS)
    out(table(["course", "packages", "build ms", "CPU ms", "peak RSS MB", "zip -qrX ms", "load average after"],
              [[SAMPLE.name, len(res.zips), ms(res.build.wall), ms(res.build.cpu), f"{res.build.rss_mb:.0f}",
                ms(res.floor.wall), load_now()]]) + "\n")
    targets.check(f"sample course, all {len(res.zips)} variants, builds in < 1 s", f"{res.build.wall:.2f} s "
                  f"(CPU {res.build.cpu:.2f} s)", res.build.wall < 1)
    return res.zips


def bench_weight(out: Out, targets: Targets, sample_zips: list[Path], largest) -> None:
    out("## Package weight\n")
    out("Bytes as shipped, and gzipped at level 6 (web servers' default).\n")
    parts = player_weight(sample_zips[0])
    rows = [[w.name, w.raw, kb(w.raw), kb(w.gz)] for w in parts]
    sample_page = launch_page_weight(sample_zips)
    big_page = launch_page_weight(largest[1])
    rows += [[f"largest launch page, sample course ({sample_page.name.split(':')[0]})", sample_page.raw, kb(sample_page.raw), kb(sample_page.gz)],
             [f"launch page, {largest[0]}-lesson course", big_page.raw, kb(big_page.raw), kb(big_page.gz)]]
    out(table(["file", "bytes", "KB", "KB gzipped"], rows) + "\n")
    both = parts[-1]
    targets.check("player JS + CSS < 20 KB gzipped", f"{kb(both.gz)} KB", both.gz < 20 * 1024)


def bench_launch(out: Out, targets: Targets, browser, sample_zips: list[Path], largest) -> None:
    from bench.browser import measure_launch

    out("## Launch in headless Chromium\n")
    out("The runtime's LMS page (scorm-again) launches the SCO in an iframe; times from the SCO's "
        f"navigation start. Median of {LAUNCH_RUNS} launches (sample) or {BIG_LAUNCH_RUNS} (largest), after one warm-up. "
        "*HTML parsed*: the launch page fetched and parsed (`domInteractive`); *player.js*: from there to "
        "DOMContentLoaded, when the player boots (player.js is not deferred: it runs in `<head>` and opens the LMS session before the body is parsed). "
        "*best*: the fastest run, what the page costs when nothing else competes for the CPU.\n")
    sample = next(z for z in sample_zips if z.stem.endswith(SAMPLE_LAUNCH_VARIANT))
    rows = []
    for label, pkg, runs, slowdown in (
            (f"sample course ({SAMPLE_LAUNCH_VARIANT})", sample, LAUNCH_RUNS, 1),
            (f"sample course, CPU {PHONE_SLOWDOWN}× slower (phone)", sample, LAUNCH_RUNS, PHONE_SLOWDOWN),
            (f"{largest[0]}-lesson course", largest[1][0], BIG_LAUNCH_RUNS, 1)):
        med, each = measure_launch(pkg, browser, runs, slowdown)
        best = f"{min(t.initialize_ms for t in each):.0f}/{min(t.first_content_ms for t in each):.0f}"
        rows.append([label, f"{med.initialize_ms:.0f}", f"{med.first_content_ms:.0f}", f"{med.parsed_ms:.0f}",
                     f"{med.boot_ms:.0f}", best,
                     " ".join(f"{t.initialize_ms:.0f}/{t.first_content_ms:.0f}" for t in each), load_now()])
        if pkg is sample and slowdown == 1:
            targets.check("LMSInitialize ≤ 100 ms after navigation (sample course)", f"{med.initialize_ms:.0f} ms",
                          med.initialize_ms <= 100)
            targets.check("first content ≤ 300 ms after navigation (sample course)", f"{med.first_content_ms:.0f} ms",
                          med.first_content_ms <= 300)
    out(table(["package", "LMSInitialize ms", "first content ms", "HTML parsed ms", "player.js ms",
               "best init/content", "each run (init/content)", "load average after"],
              rows) + "\n")


def bench_launch_scale(out: Out, targets: Targets, browser, work: Path) -> None:
    """Launch against course size (issue 16): the launch page holds the first page only."""
    from bench.browser import measure_launch

    out("## Launch against course size\n")
    out(f"Text-only generated courses (~800 words per lesson in 2 pages, questions as above), launched as in "
        f"the table before, median of {BIG_LAUNCH_RUNS} launches. *launch page*: `index.html` as shipped; the "
        "course data (`index.course.js`) and each later page (`pages/*.js`) are files of their own, loaded by "
        "the launch page and the player as needed. *first content*: the first page painted.\n")
    rows, measured = [], {}
    for n in SCALE_LESSONS:
        print(f"bench: launching a {n}-lesson course …", file=sys.stderr, flush=True)
        size = Size.scaled(n)
        course = write_course(work / f"scale-{n}", Size(n, size.questions, 0, 0, 0, 0), course_id=f"scale-{n}")
        dist = work / f"scale-{n}-dist"
        run_timed([str(Path(sys.executable).with_name("scorm-builder")), "build", str(course), "--out", str(dist)])
        (zip_path,) = sorted(dist.glob("*.zip"))
        page = launch_page_weight([zip_path])
        med, _ = measure_launch(zip_path, browser, BIG_LAUNCH_RUNS)
        measured[n] = (page.raw, med.first_content_ms)
        with zipfile.ZipFile(zip_path) as zf:
            course_js = zf.getinfo("index.course.js").file_size
            pages = sum(1 for name in zf.namelist() if name.startswith("pages/"))
        rows.append([n, page.raw, course_js, pages, f"{med.initialize_ms:.0f}", f"{med.first_content_ms:.0f}"])
        shutil.rmtree(course)
    out(table(["lessons", "launch page bytes", "index.course.js bytes", "page files", "LMSInitialize ms",
               "first content ms"], rows) + "\n")
    small, big = measured[SCALE_LESSONS[0]], measured[SCALE_LESSONS[-1]]
    targets.check(f"launch page of {SCALE_LESSONS[-1]} lessons ≤ 1.5× that of {SCALE_LESSONS[0]}",
                  f"{big[0] / small[0]:.2f}×", big[0] <= 1.5 * small[0])
    targets.check(f"first content at {SCALE_LESSONS[-1]} lessons within 1.3× of {SCALE_LESSONS[0]}",
                  f"{big[1] / small[1]:.2f}× ({small[1]:.0f} → {big[1]:.0f} ms)", big[1] <= 1.3 * small[1])


def bench_preview(out: Out, targets: Targets, browser, work: Path, n: int) -> None:
    """From save to the change visible in `scorm-builder preview` (bench/preview.py)."""
    from bench.build_speed import build_env
    from bench.preview import measure_preview

    out("## Preview: from save to the change on screen\n")
    out("`scorm-builder preview` as a subprocess, its page in headless Chromium on the course's first page; "
        "one line of new text inserted on that page in its lesson file, timed from just before the write "
        f"until the text is visible in the previewed course. Median of {PREVIEW_RUNS} edits after one warm-up, "
        "each undone before the next. Each course is a copy, so no source is touched.\n")
    env = {**build_env(work / "pycache"), "XDG_CACHE_HOME": str(work / "preview-cache")}
    rows = []
    for label, limit, course in (("sample", PREVIEW_LIMITS_MS["sample"], None),
                                 ("largest", PREVIEW_LIMITS_MS["largest"], n)):
        if course is None:
            course = work / "preview-sample" / SAMPLE.name
            shutil.copytree(SAMPLE, course)
            name = f"sample course ({SAMPLE.name})"
        else:
            course = write_course(work / "preview-course", Size.scaled(n))
            name = f"{n}-lesson course"
        print(f"bench: previewing the {name} …", file=sys.stderr, flush=True)
        res = measure_preview(course, browser, PREVIEW_RUNS, env)
        load = load_now()
        rows.append([name, f"{res.median_ms:.0f}", f"{min(res.each_ms):.0f}",
                     " ".join(f"{t:.0f}" for t in res.each_ms), load])
        targets.check(f"preview: save to visible, {name}, ≤ {limit} ms", f"{res.median_ms:.0f} ms",
                      res.median_ms <= limit)
        shutil.rmtree(course.parent)
    shutil.rmtree(work / "preview-cache", ignore_errors=True)
    out(table(["course", "median ms", "best ms", "each run ms", "load average after"], rows) + "\n")


def bench_suspend(out: Out, targets: Targets, browser, work: Path) -> None:
    from bench.browser import measure_suspend

    out("## suspend_data against course size\n")
    course = write_course(work / "suspend", SUSPEND, course_id="bench-suspend")
    run_timed([str(Path(sys.executable).with_name("scorm-builder")), "build", str(course), "--out", str(work / "suspend-dist")])
    res = measure_suspend(next((work / "suspend-dist").glob("*.zip")), browser)
    out(f"The player driven through a course of {res.pages} pages and {res.questions} questions: every page "
        "visited with Next, every knowledge check answered and checked, the final test taken with all its "
        "questions. Length is what the player's codec (`SB.progress.encode`) gives after each page; *keys* lists "
        "seen pages by key, *bitset* is the fallback when keys would not fit.\n")
    step = max(1, res.pages // 10)
    picked = [p for i, p in enumerate(res.points) if i % step == step - 1 or i == len(res.points) - 1]
    out(table(["pages seen", "answers", "suspend_data chars", "form"],
              [[p["pages"], p["answers"], p["length"] if p["length"] is not None else "does not fit", p["form"]]
               for p in picked]) + "\n")
    final = res.points[-1]["length"]
    over = [v for v in res.violations if "suspend" in str(v.get("element", ""))]
    out(f"suspend_data the LMS held after the learner pressed Exit: {res.stored} characters; conformance violations about it: {len(over)}.\n")
    targets.check(f"suspend_data < 4096 characters ({res.pages} pages, {res.questions} questions)",
                  f"{final if final is not None else 'does not fit'} chars",
                  final is not None and final < 4096 and res.stored < 4096 and not over)


def bench_playback(out: Out) -> None:
    """The playback suite's wall time comes from bench/playback.py, owned by the runtime's engineer."""
    out("## Playback suite\n")
    if not (ROOT / "bench" / "playback.py").is_file():
        out("bench/playback.py is not there yet: no figure.\n")
        return
    print("bench: running the playback suite (bench/playback.py) …", file=sys.stderr, flush=True)
    proc = subprocess.run([sys.executable, "bench/playback.py"], cwd=ROOT, capture_output=True, text=True)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("playback suite:")]
    out(f"`bench/playback.py` (`pytest -m playback tests/runtime`): {lines[-1] if lines else 'no figure printed'}"
        + ("" if proc.returncode == 0 else f"; pytest's last lines:\n\n```\n{chr(10).join(proc.stdout.splitlines()[-8:])}\n```")
        + "\n")


if __name__ == "__main__":
    sys.exit(main())
