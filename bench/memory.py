"""Memory of a build: the build process and its pool's workers together.

How it is counted. Every 10 ms the benchmark reads /proc/<pid>/smaps_rollup of the build and of
every process below it (the pool's workers) and sums their PSS, the proportional set size: a page
shared by several processes (a forked worker shares what the build had loaded when it forked) is
split among them, so the sum is the physical memory the build holds, each page counted once. The
sum of their RSS, which counts a shared page in every process that maps it, is kept beside it as an
upper bound. The peak RSS of the largest single process comes from wait4, exactly (a 10 ms sample
can miss a short peak): Linux reports the build's own, or a worker's it waited for when larger.
The figure the target checks is the larger of that and the peak PSS sum.
"""
from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.01


@dataclass
class Memory:
    process_peak_mb: float   # the largest one process (the build, or a worker), from wait4
    pss_peak_mb: float       # the build and its workers, each shared page once
    rss_peak_mb: float       # the same processes' RSS summed: shared pages counted in each
    processes: int           # most processes seen at once
    wall: float

    @property
    def peak_mb(self) -> float:
        return max(self.process_peak_mb, self.pss_peak_mb)


def descendants(pid: int) -> list[int]:
    """pid and every process below it (/proc/<pid>/task/<tid>/children)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:   # gone meanwhile
            pass
    return found


def rss_pss_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def measure_memory(args: list[str], env: dict, cwd: Path | None = None) -> Memory:
    """Run `args` to completion, sampling its process tree; fails loudly on a non-zero exit."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pss_peak = rss_peak = most = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        tree = descendants(proc.pid)
        sizes = [rss_pss_kb(p) for p in tree]
        rss_peak = max(rss_peak, sum(r for r, _ in sizes))
        pss_peak = max(pss_peak, sum(p for _, p in sizes))
        most = max(most, len(tree))
        time.sleep(INTERVAL)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} exited {proc.returncode}")
    return Memory(usage.ru_maxrss / 1024, pss_peak / 1024, rss_peak / 1024, most, time.perf_counter() - started)
