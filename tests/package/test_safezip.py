"""Hostile and broken zips: refused with a clear message and exit 2, nothing written outside."""
from __future__ import annotations

import os
import struct
import tracemalloc
import warnings
import zipfile

import pytest

from package_helpers import GOOD_FILES, cli, codes, validate_json, write_zip
from scorm_builder.package.safezip import Limits, UnsafePackage, open_package


def entry(name: str, **attrs) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    for key, value in attrs.items():
        setattr(info, key, value)
    return info


def set_flag_bits(path, bits: int) -> None:
    """Set general-purpose flag bits in every local and central header (zipfile cannot write them)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(signature)
        while pos >= 0:
            flags = struct.unpack_from("<H", data, pos + offset)[0]
            struct.pack_into("<H", data, pos + offset, flags | bits)
            pos = data.find(signature, pos + 4)
    path.write_bytes(bytes(data))


def hostile(tmp_path, files: dict):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we write on purpose
        return write_zip(tmp_path / "farlig.zip", files)


HOSTILE = [
    ("parent-dir", {**GOOD_FILES, "../../evil.html": "x"}, "zip.unsafe_path",
     "the entry ../../evil.html points outside the package or has a forbidden name"),
    ("parent-dir-inside", {**GOOD_FILES, "assets/../../evil.html": "x"}, "zip.unsafe_path", None),
    ("absolute", {**GOOD_FILES, "/etc/cron.d/evil": "x"}, "zip.unsafe_path", None),
    ("drive-letter", {**GOOD_FILES, "C:/Windows/evil.html": "x"}, "zip.unsafe_path", None),
    ("backslash", {**GOOD_FILES, "..\\..\\evil.html": "x"}, "zip.unsafe_path", None),
    ("symlink", {**GOOD_FILES, "assets/link": (entry("assets/link", create_system=3, external_attr=0o120777 << 16), "/etc/passwd")},
     "zip.symlink", "the entry assets/link is a symbolic link"),
    ("duplicate", {**GOOD_FILES, "dup": (entry("index.html"), "<p>other</p>")}, "zip.duplicate",
     "the zip holds index.html twice, or both as a file and as a folder"),
    ("file-and-folder", {**GOOD_FILES, "assets/bild.png/x.html": "x"}, "zip.duplicate", None),
    # every part is under 255 bytes, the whole is not: ENAMETOOLONG on any LMS server's disk
    ("name-of-5-kb", {**GOOD_FILES, "/".join(["a" * 250] * 20) + "/x.html": "x"}, "zip.name_too_long", None),
]


@pytest.mark.parametrize("case,files,code,message", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_zip_is_refused_with_exit_2(tmp_path, case, files, code, message):
    path = hostile(tmp_path, files)
    exit_code, [report] = validate_json(path)
    assert (exit_code, report["valid"], codes(report), report["warnings"]) == (2, False, [code], [])
    if message:
        assert report["errors"][0]["message"] == message


def test_encrypted_entry_is_refused(tmp_path):
    path = write_zip(tmp_path / "krypt.zip", GOOD_FILES)
    set_flag_bits(path, 0x1)
    result = cli("validate", str(path))
    assert result.exit_code == 2
    assert "error: the entry imsmanifest.xml is encrypted (password-protected)" in result.output


def test_zip_bomb_is_stopped_while_streaming(tmp_path):
    path = write_zip(tmp_path / "bomb.zip", {**GOOD_FILES, "assets/data.bin": bytes(30 * 1024 * 1024)})
    assert os.path.getsize(path) < 100_000
    exit_code, [report] = validate_json(path)
    assert (exit_code, codes(report)) == (2, ["zip.bomb"])
    assert report["errors"][0]["message"] == \
        "the entry assets/data.bin grows more than 200 times when unpacked (a zip bomb?)"


def test_a_header_that_lies_about_the_size_is_caught(tmp_path):
    path = write_zip(tmp_path / "lie.zip", {**GOOD_FILES, "assets/data.txt": "abc" * 100_000})
    data = bytearray(path.read_bytes())
    last = data.rfind(b"PK\x01\x02")  # central entry of assets/data.txt, the last one written
    assert data[last + 46:last + 61] == b"assets/data.txt"
    struct.pack_into("<I", data, last + 24, 10)  # uncompressed size: 10 bytes
    path.write_bytes(bytes(data))
    exit_code, [report] = validate_json(path)
    assert (exit_code, codes(report)) == (2, ["zip.corrupt_entry"])


def test_corrupt_data_is_refused(tmp_path):
    path = write_zip(tmp_path / "trasig.zip", {**GOOD_FILES, "assets/text.txt": "hej " * 5000})
    data = bytearray(path.read_bytes())
    start = data.find(b"assets/text.txt") + len("assets/text.txt")
    data[start + 10:start + 40] = bytes(30)
    path.write_bytes(bytes(data))
    exit_code, [report] = validate_json(path)
    assert (exit_code, codes(report)) == (2, ["zip.corrupt_entry"])
    assert report["errors"][0]["message"].startswith("the entry assets/text.txt is damaged and cannot be read")


def test_truncated_zip_and_non_zip_and_missing_file(tmp_path):
    good = write_zip(tmp_path / "hel.zip", GOOD_FILES)
    truncated = tmp_path / "halv.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    text = tmp_path / "kurs.zip"
    text.write_text("<html>inte en zip</html>")
    for path in (truncated, text):
        result = cli("validate", str(path))
        assert result.exit_code == 2
        assert f"error: {path} is not a zip file, or it is truncated" in result.output
    result = cli("validate", str(tmp_path / "saknas.zip"))
    assert result.exit_code == 2
    assert "saknas.zip does not exist or cannot be read" in result.output


def test_limits_on_sizes_and_entry_count_come_from_the_headers_first(tmp_path):
    path = write_zip(tmp_path / "k.zip", {**GOOD_FILES, "a.bin": os.urandom(5000), "b.bin": os.urandom(5000)})
    with pytest.raises(UnsafePackage) as e:
        open_package(path, Limits(max_entry_size=4000))
    assert e.value.code == "zip.entry_too_large"
    assert e.value.message("en").startswith("the entry a.bin unpacks to more than")
    with pytest.raises(UnsafePackage) as e:
        open_package(path, Limits(max_total_size=8000))
    assert e.value.code == "zip.total_too_large"
    with pytest.raises(UnsafePackage) as e:
        open_package(path, Limits(max_entries=4))
    assert (e.value.code, e.value.params) == ("zip.too_many_entries", {"count": 5, "limit": 4})


def test_read_is_bounded(tmp_path):
    path = write_zip(tmp_path / "k.zip", {**GOOD_FILES, "a.bin": os.urandom(5000)})
    with open_package(path) as zf:
        assert len(zf.read("a.bin", 5000)) == 5000
        with pytest.raises(UnsafePackage) as e:
            zf.read("a.bin", 4999)
        assert e.value.code == "zip.entry_too_large"


def test_names_without_utf8_flag(tmp_path):
    # same-length ASCII placeholders, then the raw bytes an old Windows zipper would write
    path = write_zip(tmp_path / "namn.zip", {**GOOD_FILES, "assets/xx.txt": "a", "assets/y.txt": "b"})
    data = path.read_bytes().replace(b"assets/xx.txt", "assets/ö.txt".encode("utf-8"))
    path.write_bytes(data.replace(b"assets/y.txt", "assets/å.txt".encode("cp437")))
    with open_package(path) as zf:
        assert "assets/ö.txt" in zf.names()  # UTF-8 bytes without the flag: read as UTF-8
        assert [(n.code, n.name) for n in zf.notices] == [
            ("zip.name_not_utf8", "assets/ö.txt"), ("zip.name_not_utf8", "assets/å.txt")]  # cp437
    exit_code, [report] = validate_json(path)
    assert exit_code == 0
    assert codes(report, "warnings").count("zip.name_not_utf8") == 2


def test_extract_to_writes_every_file_inside_the_destination(tmp_path):
    path = write_zip(tmp_path / "k.zip", {**GOOD_FILES, "assets/sub/": b"", "assets/sub/a.txt": "hej"})
    with open_package(path) as zf:
        written = zf.extract_to(tmp_path / "ut")
    assert sorted(p.relative_to(tmp_path / "ut").as_posix() for p in written) == [
        "assets/bild.png", "assets/sub/a.txt", "imsmanifest.xml", "index.html"]
    assert (tmp_path / "ut" / "assets" / "sub" / "a.txt").read_text() == "hej"


def test_extract_to_does_not_follow_a_link_planted_in_the_destination(tmp_path):
    outside = tmp_path / "utanfor"
    outside.mkdir()
    dest = tmp_path / "ut"
    dest.mkdir()
    (dest / "assets").symlink_to(outside)
    with open_package(write_zip(tmp_path / "k.zip", GOOD_FILES)) as zf:
        with pytest.raises(UnsafePackage) as e:
            zf.extract_to(dest)
    assert e.value.code == "zip.unsafe_path"
    assert list(outside.iterdir()) == []


def test_extract_to_stops_a_bomb_and_keeps_memory_bounded(tmp_path):
    path = write_zip(tmp_path / "bomb.zip", {"a.bin": bytes(50 * 1024 * 1024)})
    compressed = zipfile.ZipFile(path).getinfo("a.bin").compress_size
    tracemalloc.start()
    try:
        with open_package(path) as zf:
            with pytest.raises(UnsafePackage) as e:
                zf.extract_to(tmp_path / "ut")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert e.value.code == "zip.bomb"
    assert (tmp_path / "ut" / "a.bin").stat().st_size <= 200 * compressed + 64 * 1024
    assert peak < 2 * 1024 * 1024  # chunks, never the whole entry


def test_a_large_entry_is_streamed_in_chunks(tmp_path):
    path = write_zip(tmp_path / "stor.zip", {"a.bin": os.urandom(8 * 1024 * 1024)}, compression=zipfile.ZIP_STORED)
    tracemalloc.start()
    try:
        with open_package(path) as zf:
            size = sum(len(chunk) for chunk in zf.stream("a.bin"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size == 8 * 1024 * 1024
    assert peak < 1024 * 1024


def test_a_long_name_is_one_line_with_the_name_shortened(tmp_path):
    name = "/".join(["a" * 250] * 20) + "/x.html"
    result = cli("validate", str(hostile(tmp_path, {**GOOD_FILES, name: "x"})))
    assert result.exit_code == 2
    first = result.output.splitlines()[0]
    assert first.endswith("/x.html has a name of 5026 bytes; file systems allow about 1024 at most, "
                          "with the LMS folder in front") and len(first) < 400


def test_extract_to_turns_an_os_error_into_one_clear_refusal(tmp_path):
    name = "/".join(["a" * 250] * 20) + "/x.html"  # allowed by these limits, refused by the file system
    path = hostile(tmp_path, {**GOOD_FILES, name: "x"})
    with open_package(path, Limits(max_name_bytes=10_000)) as zf, pytest.raises(UnsafePackage) as caught:
        zf.extract_to(tmp_path / "ut")
    assert caught.value.code == "zip.cannot_extract"
    assert caught.value.message("en").endswith("cannot be unpacked: File name too long")


@pytest.mark.parametrize("damage", ["corrupt", "bomb"])
def test_inspect_and_validate_agree_on_unusable_zips(tmp_path, damage):
    # inspect reads only the manifest and the headers, but must still refuse what validate refuses
    if damage == "corrupt":
        path = write_zip(tmp_path / "trasig.zip", {**GOOD_FILES, "assets/text.txt": "hej " * 5000})
        data = bytearray(path.read_bytes())
        start = data.find(b"assets/text.txt") + len("assets/text.txt")
        data[start + 10:start + 40] = bytes(30)
        path.write_bytes(bytes(data))
    else:
        path = write_zip(tmp_path / "bomb.zip", {**GOOD_FILES, "assets/noll.bin": bytes(2 * 1024 * 1024)})
    code = validate_json(path)[1][0]["errors"][0]["code"]
    result = cli("inspect", str(path))
    assert (validate_json(path)[0], result.exit_code) == (2, 2)
    assert f"error: {cli('validate', str(path)).output.splitlines()[0].split('error: ', 1)[1]}" in result.output
    assert code in ("zip.corrupt_entry", "zip.bomb")


def test_inspect_refuses_hostile_input_with_exit_2(tmp_path):
    path = hostile(tmp_path, {**GOOD_FILES, "../evil.html": "x"})
    result = cli("inspect", str(path))
    assert result.exit_code == 2
    assert "error: the entry ../evil.html points outside the package" in result.output
