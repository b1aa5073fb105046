"""Deflated files kept between builds of a package, so a rebuild does not compress again what did
not change (most of the zipper's time: the pages, the player, the styles).

Each package keeps, in the build's cache (source/conversion_cache.py: `get`, `put` by key), the
deflated bytes of its files by the SHA-256 of their content. zlib's version is part of the key, so
what is reused is what deflating again would give: a package is the same bytes with or without the
cache. Each entry carries the SHA-256 of its deflated bytes too: one whose bytes no longer match
(a damaged cache file) is ignored and deflated again.
"""
from __future__ import annotations

import hashlib
import zlib

FORMAT = 1


class DeflatedFiles:
    """The deflated files of one package's last build, and those of this build for the next.

    `made` is shared by the packages of one build: every variant carries the same player, styles
    and schemas, deflated once. Without a cache (--no-cache) only that sharing is left."""

    def __init__(self, cache, package: str, made: dict[bytes, tuple[bytes, bytes]]):
        self.cache, self.made = cache, made
        self.key = ("deflated", FORMAT, zlib.ZLIB_RUNTIME_VERSION, package)
        old = cache.get(self.key) if cache is not None else None
        self.old: dict = old if isinstance(old, dict) else {}
        self.new: dict[bytes, tuple[bytes, bytes]] = {}
        self.changed = False

    def get(self, content_digest: bytes) -> bytes | None:
        """The deflated bytes of the content with this SHA-256: made earlier in this build, or kept
        intact by the last one."""
        entry = self.made.get(content_digest)
        if entry is None:
            entry = self.old.get(content_digest)
            if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], bytes)
                    and hashlib.sha256(entry[1]).digest() == entry[0]):
                return None
            self.made[content_digest] = entry
        self.new[content_digest] = entry
        return entry[1]

    def put(self, content_digest: bytes, deflated: bytes) -> None:
        self.new[content_digest] = self.made[content_digest] = (hashlib.sha256(deflated).digest(), deflated)
        self.changed = True

    def save(self) -> None:
        """Keep this build's files (only those: the entry does not grow with every edit)."""
        if self.cache is not None and (self.changed or self.new.keys() != self.old.keys()):
            self.cache.put(self.key, self.new)
