"""The persistent cache of lesson conversions (docs/commands.md, "The conversion cache").

It lives in the user's cache folder, `$XDG_CACHE_HOME/scorm-builder/` (by default
`~/.cache/scorm-builder/`), not in the course: entries are pickles, and a course folder comes from
anywhere (a colleague's zip, a repository), while the user's cache folder holds only what their own
builds wrote. Each entry is one file named by the SHA-256 of its key, which covers the conversion's
inputs (source/converter.py) and this tool: its version, the hash of its own code and message
catalogues (so an editable install invalidates on every change), Python's version and
Python-Markdown's code.

Entries are content-addressed, so every edit adds one; a build marks the entries it uses
(their modification time) and, once a day, deletes those unused for KEEP_DAYS days.

The cache never fails a build: an entry that cannot be read, belongs to another key or another
format, is ignored and rewritten. Entries are written to a temporary file and renamed into place,
so builds running at once each see a whole entry or none.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

import scorm_builder

FORMAT = 1   # raise when an entry's shape changes
KEEP_DAYS = 30      # an entry no build has used for this long is deleted...
PRUNE_EVERY = 86400  # ...by the first build of the day (seconds between sweeps)


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "scorm-builder" / "conversions"


@functools.lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """This tool as far as a conversion is concerned: versions, the bytes of its own modules and
    of Python-Markdown's. Markdown is found, not imported (nor importlib.metadata, 20 ms): a
    rebuild whose conversions are all cached needs neither."""
    from importlib.util import find_spec

    spec = find_spec("markdown")
    markdown = package_fingerprint(Path(spec.origin).parent, "") if spec and spec.origin else "?"
    return package_fingerprint(Path(scorm_builder.__file__).parent,
                               f"{FORMAT} {scorm_builder.__version__} {sys.version} {markdown}")


def package_fingerprint(package: Path, versions: str) -> str:
    """Hash of `versions` and the package's code and message catalogues (the labels a conversion
    writes into pages, such as a table's or a question's, come from the catalogues)."""
    h = hashlib.sha256(versions.encode())
    for path in sorted([*package.rglob("*.py"), *package.glob("messages/*.json")]):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class ConversionCache:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else default_folder()

    def _entry(self, key: tuple) -> tuple[Path, str]:
        text = tool_fingerprint() + repr(key)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / digest[:2] / digest[2:], text

    def get(self, key: tuple):
        """The value stored for key, or None (missing, unreadable, foreign or another format)."""
        path, text = self._entry(key)
        try:
            with open(path, "rb") as f:
                fmt, stored_key, value = pickle.load(f)
        except Exception:   # missing, truncated, not ours: a miss, rebuilt and rewritten
            return None
        if fmt != FORMAT or stored_key != text:
            return None
        try:
            os.utime(path)   # used: kept by prune
        except OSError:
            pass
        return value

    def put(self, key: tuple, value) -> None:
        """Store value for key; a cache that cannot be written (read-only home, full disk) is skipped."""
        path, text = self._entry(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump((FORMAT, text, value), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
        except (OSError, pickle.PicklingError):
            pass

    def prune(self, now: float | None = None) -> int:
        """Delete entries unused for KEEP_DAYS days, at most once per PRUNE_EVERY; how many went."""
        now = time.time() if now is None else now
        stamp = self.folder / "last-prune"
        try:
            if now - stamp.stat().st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass
        removed = 0
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp.touch()
            os.utime(stamp, (now, now))
            for entry in self.folder.glob("??/*"):
                if now - entry.stat().st_mtime > KEEP_DAYS * 86400:
                    entry.unlink()
                    removed += 1
        except OSError:   # another build pruning at the same moment, a read-only folder: next time
            pass
        return removed
