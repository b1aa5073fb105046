"""Deterministic zips: the same staging folder always gives the same bytes.

Entries are sorted, timestamps fixed (SOURCE_DATE_EPOCH when set), permissions fixed, text
deflated and already-compressed media stored.
"""
from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

STORED_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".webm", ".m4a", ".m4v", ".mp3",
                   ".ogg", ".oga", ".ogv", ".zip", ".woff", ".woff2", ".pdf", ".gz"}
DEFAULT_EPOCH = 946684800  # 2000-01-01T00:00:00Z
CHUNK = 1 << 20


def zip_time() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    epoch = max(epoch, 315532800)  # the zip format starts in 1980
    return time.gmtime(epoch)[:6]


def write_zip(staging: Path, dest: Path) -> None:
    stamp = zip_time()
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    with zipfile.ZipFile(dest, "w") as zf:
        for path in files:
            name = path.relative_to(staging).as_posix()
            info = zipfile.ZipInfo(name, stamp)
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            if path.suffix.lower() in STORED_SUFFIXES:
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as src, zf.open(info, "w") as out:
                while chunk := src.read(CHUNK):
                    out.write(chunk)
