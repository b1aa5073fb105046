"""Reuse and parallelism (issue 16): clean build against a rebuild after a one-line change, the
cache on and off, one process against every core and each core's use, the parallel threshold,
each command's import time, and front matter through libyaml against PyYAML's Python path.

Every build is `scorm-builder build` as a subprocess, as in build_speed.py. The conversion cache is
pointed at a folder of the benchmark's own ($XDG_CACHE_HOME), emptied before each clean build.
"""
from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.build_speed import CLI, Timing, build_env, median, run_timed


@dataclass
class CoreUse:
    busy: list[float]   # per core, 0..1, over the measured interval (whatever ran on it)


def core_times() -> list[tuple[int, int]]:
    """(busy, total) jiffies of each core from /proc/stat."""
    out = []
    with open("/proc/stat") as f:
        for line in f:
            if re.match(r"cpu\d", line):
                v = [int(x) for x in line.split()[1:]]
                idle = v[3] + (v[4] if len(v) > 4 else 0)
                out.append((sum(v) - idle, sum(v)))
    return out


def timed_with_cores(args: list[str], env: dict) -> tuple[Timing, CoreUse]:
    before = core_times()
    t = run_timed(args, env=env)
    after = core_times()
    busy = [(b1 - b0) / max(1, t1 - t0) for (b0, t0), (b1, t1) in zip(before, after)]
    return t, CoreUse(busy)


def cache_env(pycache: Path, cache: Path, clear: bool) -> dict:
    if clear:
        shutil.rmtree(cache, ignore_errors=True)
    return {**build_env(pycache), "XDG_CACHE_HOME": str(cache)}


@dataclass
class Reuse:
    clean: Timing
    clean_cores: CoreUse
    one_job: Timing
    no_cache: Timing
    unchanged: Timing
    one_line: Timing


def measure_reuse(course: Path, work: Path, pycache: Path, runs: int) -> Reuse:
    """Medians over `runs` of: a clean build (empty cache, every core), the same with --jobs 1, with
    --no-cache, a rebuild with nothing changed, and a rebuild after one line of one lesson changed."""
    cache, out = work / "xdg-cache", work / "dist"
    base = [str(CLI), "build", str(course), "--out", str(out)]
    lesson = sorted((course / "lessons").glob("*.md"))[len(list((course / "lessons").glob("*.md"))) // 2]
    original = lesson.read_text("utf-8")
    clean, cores, one_job, no_cache, unchanged, one_line = [], [], [], [], [], []
    try:
        for n in range(runs):
            t, use = timed_with_cores(base, cache_env(pycache, cache, clear=True))
            clean.append(t)
            cores.append(use)
            unchanged.append(run_timed(base, env=cache_env(pycache, cache, clear=False)))
            lesson.write_text(original + f"\nEn ändrad rad, körning {n}.\n", "utf-8")
            one_line.append(run_timed(base, env=cache_env(pycache, cache, clear=False)))
            lesson.write_text(original, "utf-8")
            one_job.append(run_timed(base + ["--jobs", "1"], env=cache_env(pycache, cache, clear=True)))
            no_cache.append(run_timed(base + ["--no-cache"], env=cache_env(pycache, cache, clear=True)))
    finally:
        lesson.write_text(original, "utf-8")
        shutil.rmtree(cache, ignore_errors=True)
    per_core = [statistics.median(c.busy[i] for c in cores) for i in range(len(cores[0].busy))]
    return Reuse(median(clean), CoreUse(per_core), median(one_job), median(no_cache), median(unchanged),
                 median(one_line))


def parallel_threshold(course: Path, jobs: int) -> tuple[float, float, float]:
    """(pool start-up s, conversion rate in characters per s in one process, break-even characters):
    below the break-even a pool costs more than it saves (converter.PARALLEL_MIN_CHARS)."""
    from scorm_builder.build import make_converter
    from scorm_builder.errors import Reporter
    from scorm_builder.render.variant import lesson_contexts
    from scorm_builder.source import converter as converter_module
    from scorm_builder.source.loader import load_course

    loaded = load_course(course, Reporter())
    tasks = [(lesson.body, ctx) for lesson, ctx in lesson_contexts(loaded, None, None, Reporter())]
    chars = sum(len(body) for body, _ in tasks)
    started = time.perf_counter()
    make_converter(cache=False, jobs=1).prepare(tasks)
    rate = chars / (time.perf_counter() - started)
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs, mp_context=converter_module._pool_context()) as pool:
        list(pool.map(converter_module._run_in_worker,
                      [(tasks[0][0], tasks[0][1], os.getcwd())] * jobs))
    startup = time.perf_counter() - started
    # with n workers, text c costs c/rate alone and startup + c/(n*rate) in a pool: equal at
    return startup, rate, startup * rate * jobs / (jobs - 1) if jobs > 1 else float("inf")


IMPORT_LINE = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)")


def import_ms(args: list[str], env: dict) -> float:
    """Milliseconds spent importing modules while `scorm-builder ARGS` runs (-X importtime, top level)."""
    probe = "import sys; from scorm_builder.cli import main; main(sys.argv[1:])"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", probe, *args], env=env,
                          capture_output=True, text=True)
    total = sum(int(m[1]) for m in map(IMPORT_LINE.match, done.stderr.splitlines()) if m and not m[2])
    return total / 1000


def front_matter_ms(course: Path) -> tuple[int, float, float]:
    """(files, ms through libyaml, ms through PyYAML's Python path) reading every lesson's front matter."""
    from scorm_builder.source import frontmatter, yamlfile

    texts = [frontmatter.split(p.read_text("utf-8"))[0] for p in sorted((course / "lessons").glob("*.md"))]
    result = []
    for read in (yamlfile.load, yamlfile._load_exactly):
        started = time.perf_counter()
        for text in texts:
            read(text, 1)
        result.append((time.perf_counter() - started) * 1000)
    return len(texts), result[0], result[1]
