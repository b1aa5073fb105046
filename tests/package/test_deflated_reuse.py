"""Deflated files reused between builds (package/deflated.py through package/zipper.py): the same
zip bytes as deflating anew, and a damaged or foreign cache entry is ignored."""
from __future__ import annotations

import hashlib
import os
import pickle
import random
import zipfile
from pathlib import Path

import pytest

from scorm_builder.package.deflated import DeflatedFiles
from scorm_builder.package.zipper import write_zip
from scorm_builder.source.conversion_cache import ConversionCache


@pytest.fixture
def staging(tmp_path) -> Path:
    root = tmp_path / "staging"
    (root / "assets").mkdir(parents=True)
    r = random.Random(7)
    (root / "index.html").write_text("".join(f"<p>sida {i} {r.random()}</p>\n" for i in range(4000)), "utf-8")
    (root / "player.js").write_text("var x = 1;\n" * 3000, "utf-8")
    (root / "assets" / "bild.png").write_bytes(os.urandom(50_000))
    return root


def zipped(staging: Path, dest: Path, reuse: DeflatedFiles | None) -> bytes:
    """The folder's files zipped: the page as bytes, as the build makes it, the others by path."""
    files = {p.relative_to(staging).as_posix(): p for p in staging.rglob("*") if p.is_file()}
    files["index.html"] = files["index.html"].read_bytes()
    write_zip(files, dest, reuse)
    return dest.read_bytes()


def test_a_rebuild_reuses_every_deflated_file_and_gives_the_same_bytes(staging, tmp_path):
    cache = ConversionCache(tmp_path / "cache")
    plain = zipped(staging, tmp_path / "plain.zip", None)
    first = DeflatedFiles(cache, "kurs/paket", {})
    assert zipped(staging, tmp_path / "a.zip", first) == plain
    assert first.changed and len(first.new) == 2   # index.html and player.js; the PNG is stored

    second = DeflatedFiles(cache, "kurs/paket", {})
    assert zipped(staging, tmp_path / "b.zip", second) == plain
    assert not second.changed and second.new == first.new   # every one came from the cache

    (staging / "index.html").write_text("<p>ändrad</p>\n" * 500, "utf-8")
    third = DeflatedFiles(cache, "kurs/paket", {})
    changed = zipped(staging, tmp_path / "c.zip", third)
    assert changed == zipped(staging, tmp_path / "c-plain.zip", None)
    assert third.changed and len(third.new) == 2   # the old page's entry is dropped, not kept forever
    with zipfile.ZipFile(tmp_path / "c.zip") as zf:
        assert zf.testzip() is None


def test_a_damaged_entry_is_ignored_and_rewritten(staging, tmp_path):
    cache = ConversionCache(tmp_path / "cache")
    plain = zipped(staging, tmp_path / "plain.zip", None)
    kept = DeflatedFiles(cache, "kurs/paket", {})
    zipped(staging, tmp_path / "a.zip", kept)
    entry = cache._entry(kept.key)[0]
    raw = bytearray(entry.read_bytes())
    deflated = max((data for _, data in kept.new.values()), key=len)
    at = bytes(raw).index(deflated) + len(deflated) // 2
    raw[at] ^= 0xFF   # one flipped bit inside the deflated bytes: the entry still unpickles
    entry.write_bytes(bytes(raw))
    assert isinstance(pickle.loads(entry.read_bytes())[2], dict)

    damaged = DeflatedFiles(cache, "kurs/paket", {})
    assert zipped(staging, tmp_path / "b.zip", damaged) == plain
    assert damaged.changed   # the damaged file deflated again and the entry rewritten
    again = DeflatedFiles(cache, "kurs/paket", {})
    assert zipped(staging, tmp_path / "c.zip", again) == plain and not again.changed

    entry.write_bytes(b"not a pickle")
    assert zipped(staging, tmp_path / "d.zip", DeflatedFiles(cache, "kurs/paket", {})) == plain


def test_another_zlib_does_not_reuse_these_bytes(staging, tmp_path, monkeypatch):
    """Another zlib may deflate differently: its packages must be what it makes itself."""
    cache = ConversionCache(tmp_path / "cache")
    zipped(staging, tmp_path / "a.zip", DeflatedFiles(cache, "kurs/paket", {}))
    monkeypatch.setattr("zlib.ZLIB_RUNTIME_VERSION", "0.0-other")
    other = DeflatedFiles(cache, "kurs/paket", {})
    assert other.old == {}


def test_the_packages_of_one_build_deflate_a_shared_file_once_even_without_a_cache(staging, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(staging, other)
    (other / "index.html").write_text("<p>en annan variant</p>\n" * 300, "utf-8")
    made: dict = {}
    first, second = DeflatedFiles(None, "kurs/a", made), DeflatedFiles(None, "kurs/b", made)
    assert zipped(staging, tmp_path / "a.zip", first) == zipped(staging, tmp_path / "a-plain.zip", None)
    assert zipped(other, tmp_path / "b.zip", second) == zipped(other, tmp_path / "b-plain.zip", None)
    player = hashlib.sha256((staging / "player.js").read_bytes()).digest()
    assert second.new[player] is first.new[player]   # deflated by the first package, taken by the second
    assert len(made) == 3   # both pages and the one player
    assert not (tmp_path / "cache").exists()
