"""Markdown tables for the terminal and bench/results.md, machine facts, and the targets' verdicts."""
from __future__ import annotations

import os
import platform
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata


def table(head: list[str], rows: list[list]) -> str:
    """A Markdown table (readable as plain text too); numbers right-aligned."""
    cells = [[str(c) for c in head]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]
    numeric = [all(_is_number(r[i]) for r in cells[1:]) for i in range(len(head))]

    def line(r):
        return "| " + " | ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(r, widths, numeric)) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if n else ("-" * (w + 2)) for w, n in zip(widths, numeric)) + "|"
    return "\n".join([line(cells[0]), rule] + [line(r) for r in cells[1:]])


def _is_number(s: str) -> bool:
    try:
        float(s.replace(" ", "").rstrip("×%"))
        return True
    except ValueError:
        return False


def machine_facts(chromium: str) -> list[tuple[str, str]]:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
            mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration):
        pass
    return [("date", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
            ("cores", f"{os.cpu_count()} ({model})" if model else str(os.cpu_count())),
            ("memory", mem or "?"),
            ("OS", f"{platform.system()} {platform.release()}"),
            ("Python", platform.python_version()),
            ("Chromium", chromium),
            ("Playwright", metadata.version("playwright")),
            ("load average at start (1/5/15 min)", " / ".join(f"{x:.1f}" for x in os.getloadavg()))]


@dataclass
class Targets:
    """Each target with its figure and PASS/FAIL, in the order the brief lists them."""
    rows: list[list[str]] = field(default_factory=list)

    def check(self, name: str, figure: str, ok: bool) -> None:
        self.rows.append([name, figure, "PASS" if ok else "FAIL"])

    @property
    def failed(self) -> int:
        return sum(r[2] == "FAIL" for r in self.rows)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def mb(n: float) -> str:
    return f"{n / 1e6:.1f}"
