"""Build speed as a user sees it: `scorm-builder build` as a subprocess, Python start-up included.

Each build is timed from outside (wall and CPU) and its own peak RSS comes from `os.wait4`, which
reports the resources of that one child. The I/O floor is Info-ZIP's `zip -qrX` over the same
package tree (the built zip, unpacked), timed in the same run so both see the same machine load.
Plain `zip -qrX` also deflates images and video, which our zipper stores; the second floor,
`zip -qrX -n <those suffixes>`, does exactly our zipper's work and is the stricter comparison.

Builds run as users' builds do: with bytecode caches (pip writes them at install), kept in a
folder of the benchmark's own so nothing is written into the source tree. Each is a clean build:
the conversion cache ($XDG_CACHE_HOME, docs/commands.md) is a folder of the benchmark's own,
emptied before every run (bench/incremental.py measures the rebuilds that reuse it).
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from scorm_builder.package.zipper import STORED_SUFFIXES

CLI = Path(sys.executable).with_name("scorm-builder")


@dataclass
class Timing:
    wall: float      # seconds
    cpu: float       # user + system seconds of the child
    rss_mb: float    # peak resident set size of the child, MB


def run_timed(args: list[str], cwd: Path | None = None, env: dict | None = None) -> Timing:
    """Run a command to completion; its wall time, CPU time and peak RSS. Fails loudly on non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} exited {proc.returncode}:\n{err}")
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings),
                  max(t.rss_mb for t in timings))


def build_env(pycache: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


@dataclass
class BuildResult:
    build: Timing
    floor: Timing          # zip -qrX
    stored_floor: Timing   # zip -qrX -n <suffixes our zipper stores>
    zips: list[Path]


def measure_build(course: Path, work: Path, pycache: Path, runs: int = 3) -> BuildResult:
    """Median of `runs` builds of `course`, each next to zips of the package it made.

    The first build ever made with `pycache` is a warm-up that writes the bytecode caches.
    """
    out, env = work / "dist", build_env(pycache)
    env["XDG_CACHE_HOME"] = str(work / "xdg-cache")
    args = [str(CLI), "build", str(course), "--out", str(out)]
    if not pycache.exists():
        run_timed(args, env=env)
    builds, floors, stored = [], [], []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(work / "xdg-cache", ignore_errors=True)
        builds.append(run_timed(args, env=env))
        zips = sorted(out.glob("*.zip"))
        plain, strict = zip_floors(zips, work / "floor")
        floors.append(plain)
        stored.append(strict)
    return BuildResult(median(builds), median(floors), median(stored), zips)


def zip_floors(zips: list[Path], work: Path) -> tuple[Timing, Timing]:
    """Time `zip -qrX`, and with `-n`, over each package's own tree: what writing these zips costs at least."""
    totals = [Timing(0.0, 0.0, 0.0), Timing(0.0, 0.0, 0.0)]
    options = [[], ["-n", ":".join(sorted(STORED_SUFFIXES))]]
    for z in zips:
        shutil.rmtree(work, ignore_errors=True)
        tree = work / "tree"
        with zipfile.ZipFile(z) as zf:
            zf.extractall(tree)
        for i, extra in enumerate(options):
            (work / "floor.zip").unlink(missing_ok=True)
            t = run_timed(["zip", "-qrX", *extra, str(work / "floor.zip"), "."], cwd=tree)
            totals[i] = Timing(totals[i].wall + t.wall, totals[i].cpu + t.cpu, max(totals[i].rss_mb, t.rss_mb))
    shutil.rmtree(work, ignore_errors=True)
    return totals[0], totals[1]
