"""Reading course sources safely: what a source file may be, and how its text is decoded.

A course folder may come from anyone (a colleague's zip, a shared drive), so a source path may be
a folder, a named pipe that would block the build forever, or a link to a file elsewhere on the
machine whose text would end up in a package. Each is refused with a message that says what the
path really is. Text is UTF-8, with or without the BOM Windows editors write.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from scorm_builder.errors import Reporter

MAX_SOURCE_BYTES = 500_000   # the longest sample lesson is 10 KB; 500 kB of Markdown is a book, and slow
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")   # tab, newline and CR are text


def resolved(path: Path) -> Path | None:
    """The real path behind any links, or None for links that lead round in a loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):   # Python 3.11 says RuntimeError("Symlink loop"), later ones ELOOP
        return None


def kind_problem(path: Path, root: Path) -> tuple[str, dict] | None:
    """(message code, parameters) when `path` cannot be a source file: outside `root`, or there but
    not a plain file. None for a plain file inside `root`, or for nothing there at all (the caller
    reports that with a guess)."""
    target = resolved(path)
    if target is None:
        return "source.link_loop", {}
    if not target.is_relative_to(root.resolve()):   # `lessons: [../../x]`, or a link that leads out
        if path.is_symlink():
            return "source.link_outside", {"target": target.as_posix()}
        return "source.outside", {}
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return "source.is_folder", {}
    if not stat.S_ISREG(mode):
        return "source.not_regular", {}
    return None


def check_folder(folder: Path, root: Path, shown, reporter: Reporter) -> None:
    """Reports every entry below `folder` (say, theme_overrides/) that kind_problem refuses: a link
    out of the course there would put another file's text into every package. Links are not
    followed into folders; `shown(path)` is how a path appears before `: error:`."""
    if not folder.exists() and not folder.is_symlink():
        return
    entries = [folder]
    for top, dirs, files in os.walk(folder):   # does not descend into linked folders
        entries += [Path(top) / name for name in sorted(dirs) + sorted(files)]
    for path in entries:
        problem = kind_problem(path, root)
        if problem and problem[0] != "source.is_folder":
            reporter.error(problem[0], shown(path), None, path=path.name, **problem[1])


def read_source(path: Path, shown: str, reporter: Reporter) -> str | None:
    """The file's text with `\\n` line ends and no BOM, or None after reporting why not."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            reporter.error("source.too_large", shown, 1, size=round(size / 1000), limit=MAX_SOURCE_BYTES // 1000)
            return None
        data = path.read_bytes()
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")  # and old Mac ends
    except UnicodeDecodeError as e:   # e.start counts from after a BOM
        start = e.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data.count(b"\n", 0, start) + 1
        col = len(data[data.rfind(b"\n", 0, start) + 1:start].decode("utf-8", "replace")) + 1
        reporter.error("source.not_utf8", shown, line, col, reason=str(e.reason))
        return None
    except OSError as e:
        reporter.error("source.unreadable", shown, None, reason=e.strerror or str(e))
        return None
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        reporter.error("source.control_char", shown, line, col, code=f"U+{ord(bad.group()):04X}")
        return None
    return text
