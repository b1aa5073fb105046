"""Wall time of the playback suite: runs `pytest -m playback tests/runtime` and prints how long it took.

    .venv/bin/python bench/playback.py [extra pytest arguments]

The target is under 3 minutes on a 2-core CI machine; the load average is printed alongside,
because playback time scales with how busy the machine is.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    command = [sys.executable, "-m", "pytest", "-q", "-m", "playback", "tests/runtime", *argv]
    load = os.getloadavg()[0]
    start = time.monotonic()
    result = subprocess.run(command, cwd=ROOT)
    wall = time.monotonic() - start
    print(f"playback suite: {wall:.1f} s wall time (exit {result.returncode}; "
          f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} CPUs)")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
