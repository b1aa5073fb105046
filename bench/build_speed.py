"""Build speed as a user sees it: `scorm-builder build` as a subprocess, Python start-up included.

Each build is timed from outside (wall and CPU) and its own peak RSS comes from `os.wait4`, which
reports the resources of that one child. The I/O floor is Info-ZIP's `zip -qrX` over the same
package tree (the built zip, unpacked), timed in the same run so both see the same machine load;
`-n` stores the same already-compressed suffixes our zipper stores, so both do the same work.
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


def run_timed(args: list[str], cwd: Path | None = None) -> Timing:
    """Run a command to completion; its wall time, CPU time and peak RSS. Fails loudly on non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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


@dataclass
class BuildResult:
    build: Timing
    floor: Timing
    zips: list[Path]


def measure_build(course: Path, work: Path, runs: int = 3, audiences: tuple[str, ...] = ()) -> BuildResult:
    """Median of `runs` builds of `course`, each next to a `zip -qrX` of the package it made."""
    out = work / "dist"
    builds, floors = [], []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        args = [str(CLI), "build", str(course), "--out", str(out)]
        for a in audiences:
            args += ["--audience", a]
        builds.append(run_timed(args))
        zips = sorted(out.glob("*.zip"))
        floors.append(zip_floor(zips, work / "floor"))
    return BuildResult(median(builds), median(floors), zips)


def zip_floor(zips: list[Path], work: Path) -> Timing:
    """Time `zip -qrX` over each package's own tree: what writing these zips costs at least."""
    total = Timing(0.0, 0.0, 0.0)
    for z in zips:
        shutil.rmtree(work, ignore_errors=True)
        tree = work / "tree"
        with zipfile.ZipFile(z) as zf:
            zf.extractall(tree)
        t = run_timed(["zip", "-qrX", "-n", ":".join(sorted(STORED_SUFFIXES)), str(work / "floor.zip"), "."], cwd=tree)
        total = Timing(total.wall + t.wall, total.cpu + t.cpu, max(total.rss_mb, t.rss_mb))
    shutil.rmtree(work, ignore_errors=True)
    return total
