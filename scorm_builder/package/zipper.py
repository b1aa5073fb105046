"""Deterministic zips: the same files always give the same bytes.

Entries are sorted, timestamps fixed (SOURCE_DATE_EPOCH when set), permissions fixed, text
deflated and already-compressed media stored. Deflated bytes of an earlier build are reused when
the content is the same (package/deflated.py).
"""
from __future__ import annotations

import hashlib
import os
import time
import zipfile
from pathlib import Path

from scorm_builder.package.deflated import DeflatedFiles

STORED_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".webm", ".m4a", ".m4v", ".mp3",
                   ".ogg", ".oga", ".ogv", ".zip", ".woff", ".woff2", ".pdf", ".gz"}
DEFAULT_EPOCH = 946684800  # 2000-01-01T00:00:00Z
CHUNK = 1 << 20
REUSE_MAX = 16 << 20   # larger files are streamed and deflated every time, not held in memory

# A package's files by name in the package: what the build made, as bytes, and what it takes as it
# is (assets, the theme's stylesheet, the schemas), as the path to read. They stay in memory rather
# than in a staging folder: a 500-lesson course has a thousand page files, and creating files was
# most of what a rebuild cost. Preview serves them as they are.
PackageFiles = dict[str, "bytes | Path"]


def zip_time() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    epoch = max(epoch, 315532800)  # the zip format starts in 1980
    return time.gmtime(epoch)[:6]


def write_zip(files: PackageFiles, dest: Path, reuse: DeflatedFiles | None = None) -> None:
    """`files` zipped into `dest`, in name order."""
    stamp = zip_time()
    with zipfile.ZipFile(dest, "w") as zf:
        for name in sorted(files):
            value = files[name]
            info = zipfile.ZipInfo(name, stamp)
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            if Path(name).suffix.lower() in STORED_SUFFIXES:
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                if reuse is not None and (isinstance(value, bytes) or value.stat().st_size <= REUSE_MAX):
                    _write_deflated(zf, info, value if isinstance(value, bytes) else value.read_bytes(), reuse)
                    continue
            with zf.open(info, "w") as out:
                if isinstance(value, bytes):
                    out.write(value)
                    continue
                with open(value, "rb") as src:
                    while chunk := src.read(CHUNK):
                        out.write(chunk)
    if reuse is not None:
        reuse.save()


def _write_deflated(zf: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, reuse: DeflatedFiles) -> None:
    """One deflated entry, its deflated bytes from `reuse` when it has them. zipfile has no way to
    write bytes deflated earlier, so its entry writer's compressor is swapped for one that hands
    them over (zipfile still computes the CRC and sizes from `data`, and writes the headers). A
    zipfile without that attribute simply deflates."""
    digest = hashlib.sha256(data).digest()
    known = reuse.get(digest)
    with zf.open(info, "w") as out:
        if not hasattr(out, "_compressor"):   # another zipfile: it deflates, and nothing is kept
            out.write(data)
            return
        if known is not None:
            out._compressor = _Replay(known)
            out.write(data)
            return
        recording = out._compressor = _Recording(out._compressor)
        out.write(data)
    reuse.put(digest, b"".join(recording.output))


class _Replay:
    """A compressor that gives back bytes deflated by an earlier build."""

    def __init__(self, deflated: bytes):
        self.deflated = deflated

    def compress(self, data) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self.deflated


class _Recording:
    """zipfile's own compressor, keeping what it writes for the next build."""

    def __init__(self, compressor):
        self.compressor, self.output = compressor, []

    def compress(self, data) -> bytes:
        out = self.compressor.compress(data)
        self.output.append(out)
        return out

    def flush(self) -> bytes:
        out = self.compressor.flush()
        self.output.append(out)
        return out
