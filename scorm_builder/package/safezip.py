"""Reading and extracting zips that may be hostile: vendor packages, uploads, anything a user hands us.

`open_package` checks the central directory before anything is read (entry count, names, symlinks,
encryption, duplicates, declared sizes); `stream` and `extract_to` then count the bytes that really
come out of the decompressor, so a header that lies about sizes cannot get past the limits.
Nothing is ever written outside the destination directory, and no entry is held in memory whole.

Names without the zip UTF-8 flag that are not plain ASCII are accepted with a warning: Linux LMS
hosts store the raw bytes, so we read them as UTF-8 when they are valid UTF-8 (what the server's
file system will show) and as code page 437 (the zip default) otherwise; the href checks of
`validate` then show whether the manifest still matches them. See docs/validate.md.
"""
from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from scorm_builder.errors import CatalogueError
from scorm_builder.sizes import human_size

CHUNK = 64 * 1024
MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What we refuse to unpack; generous for real courses, far below what hurts the machine."""

    max_entries: int = 20_000
    max_entry_size: int = 1024 * MIB          # one file, uncompressed
    max_total_size: int = 2048 * MIB          # all files, uncompressed
    max_ratio: int = 200                      # uncompressed / compressed, for one entry ...
    ratio_floor: int = 1 * MIB                # ... once it has produced more than this
    max_name_bytes: int = 1024                # a whole path; Linux refuses 4096 with the LMS's folder in front


class UnsafePackage(CatalogueError):
    """The file cannot be read safely (or is no zip at all); `code` names a catalogue message."""


@dataclass(frozen=True)
class Notice:
    """Something odd but harmless to read (a warning for `validate`), with catalogue code."""

    code: str
    name: str


_DRIVE = re.compile(r"^[A-Za-z]:")


def is_unsafe_name(name: str) -> bool:
    """True when `name` could land outside the destination or cannot be a file name on Linux."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    parts = name.rstrip("/").split("/")
    return any(p in ("", ".", "..") or len(p.encode("utf-8")) > 255 for p in parts)


def _declared_entry_count(fp) -> int | None:
    """Entries the end-of-central-directory record announces, read before zipfile builds them all."""
    fp.seek(0, os.SEEK_END)
    size = fp.tell()
    tail_len = min(size, 65_535 + 22)
    fp.seek(size - tail_len)
    tail = fp.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(tail):
        return None
    count = struct.unpack("<H", tail[pos + 10:pos + 12])[0]
    if count == 0xFFFF and pos >= 20 and tail[pos - 20:pos - 16] == b"PK\x06\x07":
        offset = struct.unpack("<Q", tail[pos - 12:pos - 4])[0]
        fp.seek(offset)
        record = fp.read(56)
        if record[:4] == b"PK\x06\x06":
            count = struct.unpack("<Q", record[32:40])[0]
    return count


def _decoded_name(info: zipfile.ZipInfo) -> tuple[str, bool]:
    """The entry name as an LMS on Linux would store it, and whether it lacked the UTF-8 flag."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name, False
    raw = name.encode("cp437")  # zipfile decoded it as cp437; get the stored bytes back
    try:
        return raw.decode("utf-8"), True
    except UnicodeDecodeError:
        return name, True


class SafeZip:
    """An opened, pre-checked package. Use `open_package` to make one."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo],
                 notices: list[Notice], limits: Limits):
        self.path = path
        self._zip = archive
        self._infos = infos
        self.notices = notices
        self.limits = limits
        self._produced = 0  # bytes decompressed so far, all entries: the total-size limit

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        """File names (directories left out), in the zip's own order."""
        return [n for n in self._infos if not n.endswith("/")]

    def all_names(self) -> list[str]:
        """Every entry name, directory entries (ending in "/") included."""
        return list(self._infos)

    def size(self, name: str) -> int:
        """The declared uncompressed size (trusted only for reporting; reads count real bytes)."""
        return self._infos[name].file_size

    def stream(self, name: str, limit: int | None = None) -> Iterator[bytes]:
        """The entry's bytes in chunks; refuses bombs, oversize entries and corrupt data."""
        info = self._infos[name]
        cap = min(limit if limit is not None else self.limits.max_entry_size, self.limits.max_entry_size)
        ratio_cap = max(self.limits.ratio_floor, self.limits.max_ratio * max(info.compress_size, 1))
        produced = 0
        try:
            with self._zip.open(info) as f:
                while chunk := f.read(CHUNK):
                    produced += len(chunk)
                    self._produced += len(chunk)
                    if self._produced > self.limits.max_total_size:
                        raise UnsafePackage("zip.total_too_large", limit=human_size(self.limits.max_total_size))
                    if produced > cap:
                        raise UnsafePackage("zip.entry_too_large", name=name, limit=human_size(cap))
                    if produced > ratio_cap:
                        raise UnsafePackage("zip.bomb", name=name, ratio=self.limits.max_ratio)
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as e:
            raise UnsafePackage("zip.corrupt_entry", name=name, detail=str(e)) from None

    def verify(self) -> None:
        """Read every entry to its end once (CRC, real sizes, bombs), as validate does, so that a
        command that reads only some entries still refuses the zips validate calls unusable."""
        for name in self.names():
            for _ in self.stream(name):
                pass

    def read(self, name: str, limit: int) -> bytes:
        """A small entry (the manifest, a metadata file) whole; more than `limit` bytes is refused."""
        return b"".join(self.stream(name, limit))

    def extract_to(self, dest_dir: Path) -> list[Path]:
        """Write every entry under `dest_dir` (new or empty); returns the files written."""
        dest = Path(dest_dir)
        dest.mkdir(parents=True, exist_ok=True)
        root = dest.resolve()
        written: list[Path] = []
        for name in self._infos:
            try:
                target = self._extract_one(root, name)
            except OSError as e:  # a full disk, a name or depth this file system refuses
                raise UnsafePackage("zip.cannot_extract", name=_shortened(name), detail=e.strerror or str(e)) from None
            if target is not None:
                written.append(target)
        return written

    def _extract_one(self, root: Path, name: str) -> Path | None:
        target = root.joinpath(*name.rstrip("/").split("/"))
        if os.path.commonpath([root, target.resolve()]) != str(root):
            raise UnsafePackage("zip.unsafe_path", name=name)
        if name.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.parent.resolve() != target.parent:  # a link placed in dest_dir by someone else
            raise UnsafePackage("zip.unsafe_path", name=name)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(target, flags, 0o644), "wb") as out:
            for chunk in self.stream(name):
                out.write(chunk)
        return target


def open_package(path: Path | str, limits: Limits = Limits()) -> SafeZip:
    """Open `path` as a zip and check its directory; raises UnsafePackage when it must not be used."""
    path = Path(path)
    if not path.is_file():
        raise UnsafePackage("zip.not_found", path=str(path))
    try:
        with open(path, "rb") as fp:
            count = _declared_entry_count(fp)
    except OSError:
        raise UnsafePackage("zip.not_found", path=str(path)) from None
    if count is None:
        raise UnsafePackage("zip.not_a_zip", path=str(path))
    if count > limits.max_entries:
        raise UnsafePackage("zip.too_many_entries", count=count, limit=limits.max_entries)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error):
        raise UnsafePackage("zip.not_a_zip", path=str(path)) from None
    try:
        infos, notices = _check_directory(archive, limits)
    except BaseException:
        archive.close()
        raise
    return SafeZip(path, archive, infos, notices, limits)


def _check_directory(archive: zipfile.ZipFile, limits: Limits) -> tuple[dict[str, zipfile.ZipInfo], list[Notice]]:
    infos: dict[str, zipfile.ZipInfo] = {}
    notices: list[Notice] = []
    entries = archive.infolist()
    if len(entries) > limits.max_entries:  # the end record can understate the count
        raise UnsafePackage("zip.too_many_entries", count=len(entries), limit=limits.max_entries)
    declared_total = 0
    files: set[str] = set()
    folders: set[str] = set()
    for info in entries:
        name, not_flagged = _decoded_name(info)
        if len(name.encode("utf-8")) > limits.max_name_bytes:
            raise UnsafePackage("zip.name_too_long", name=_shortened(name), size=len(name.encode("utf-8")),
                                limit=limits.max_name_bytes)
        if is_unsafe_name(name):
            raise UnsafePackage("zip.unsafe_path", name=name)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UnsafePackage("zip.symlink", name=name)
        if info.flag_bits & 0x1:
            raise UnsafePackage("zip.encrypted", name=name)
        if _clashes(name, files, folders):
            raise UnsafePackage("zip.duplicate", name=name)
        if info.file_size > limits.max_entry_size:
            raise UnsafePackage("zip.entry_too_large", name=name, limit=human_size(limits.max_entry_size))
        declared_total += info.file_size
        if declared_total > limits.max_total_size:
            raise UnsafePackage("zip.total_too_large", limit=human_size(limits.max_total_size))
        if not_flagged:
            notices.append(Notice("zip.name_not_utf8", name))
        infos[name] = info
    return infos, notices


def _shortened(name: str, keep: int = 60) -> str:
    return name if len(name) <= 2 * keep else f"{name[:keep]}…{name[-keep:]}"


def _clashes(name: str, files: set[str], folders: set[str]) -> bool:
    """Records `name`; True when it repeats an entry or is both a file and a folder."""
    parts = name.rstrip("/").split("/")
    parents = {"/".join(parts[:i]) for i in range(1, len(parts))}
    key = "/".join(parts)
    is_folder = name.endswith("/")
    clash = bool(parents & files) or key in files or (not is_folder and key in folders)
    folders.update(parents)
    (folders if is_folder else files).add(key)
    return clash
