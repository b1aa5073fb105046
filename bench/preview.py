"""From save to the preview page showing the change, as an author sees it.

`scorm-builder preview` runs as a subprocess (the author's terminal), its page is open in headless
Chromium (the author's browser) showing the course's first page. The benchmark then inserts one line
of new text on that page, in its lesson file, and times from just before the write until the
text is visible in the previewed course: the file watcher, the rebuild, the page learning of it
and relaunching the course at the page it was on. The line is then removed again and the page
allowed to settle before the next run.
"""
from __future__ import annotations

import os
import re
import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.build_speed import CLI

# the visible text of the page the learner is on, inside the preview page's course frame
SHOWN = """marker => {
  const doc = document.querySelector('#sco')?.contentDocument;
  const page = doc && doc.querySelector('section.sb-page:not([hidden])');
  return !!page && page.innerText.includes(marker);
}"""
FIRST_PAGE = """() => {
  const doc = document.querySelector('#sco')?.contentDocument;
  return !!(doc && doc.querySelector('section.sb-page:not([hidden])'));
}"""


@dataclass
class PreviewTimes:
    each_ms: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.each_ms)


def first_lesson_file(course: Path) -> Path:
    """The lesson file of the first page the preview shows (the first variant's first lesson)."""
    from scorm_builder.build import select_variants
    from scorm_builder.errors import Reporter
    from scorm_builder.render.variant import lesson_contexts
    from scorm_builder.source.loader import load_course

    loaded = load_course(course, Reporter())
    audience, level = select_variants(loaded)[0]
    lesson, _ = lesson_contexts(loaded, audience, level, Reporter())[0]
    return lesson.abs_path


def with_line(text: str, line: str) -> str:
    """`line` as a paragraph of its own right after the lesson's first `#` heading (its first page)."""
    heading = re.search(r"^# .*$", text, re.M)
    return text[:heading.end()] + f"\n\n{line}\n" + text[heading.end():]


def measure_preview(course: Path, browser, runs: int, env: dict | None = None) -> PreviewTimes:
    """Save-to-visible times of `runs` one-line edits, after one warm-up edit."""
    lesson = first_lesson_file(course)
    original = lesson.read_text("utf-8")
    server = subprocess.Popen([str(CLI), "preview", str(course), "--port", "0", "--no-open"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    context = None
    try:
        url = _served_url(server)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(FIRST_PAGE, timeout=60_000)
        times = []
        for n in range(runs + 1):
            marker = f"Ändrad rad {n} {uuid.uuid4().hex[:8]}"
            started = time.perf_counter()
            lesson.write_text(with_line(original, marker), "utf-8")
            page.wait_for_function(SHOWN, arg=marker, timeout=60_000, polling="raf")
            if n:
                times.append((time.perf_counter() - started) * 1000)
            lesson.write_text(original, "utf-8")
            page.wait_for_function(f"() => !({SHOWN})({marker!r})", timeout=60_000)
            time.sleep(0.3)   # the rebuild of the restored file and its relaunch are over
        return PreviewTimes(times)
    finally:
        lesson.write_text(original, "utf-8")
        if context is not None:
            context.close()
        server.terminate()
        server.wait(10)
        server.stdout.close()


def _served_url(server: subprocess.Popen) -> str:
    """The URL the preview prints once its first build is served."""
    for line in server.stdout:
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            os.set_blocking(server.stdout.fileno(), False)   # later lines are not read: never block on them
            return found[0]
    raise RuntimeError(f"scorm-builder preview exited {server.wait()} before serving")
