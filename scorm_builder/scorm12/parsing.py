"""imsmanifest.xml bytes -> an lxml element, safely, with failures named as a person would name them.

Entities are never expanded and nothing is fetched. When libxml2 refuses the bytes, the cause is
worked out before its message is used: a file with no element at all, UTF-16 without a byte-order
mark, or bytes that are not what the declaration says (Latin-1 saved as UTF-8 is the usual case)
each get their own message, because the fix differs. A DOCTYPE is parsed but its entities stay
unexpanded; whether that is acceptable is the caller's judgement (validate refuses it).
"""
from __future__ import annotations

import codecs
import re

from lxml import etree

from scorm_builder.errors import CatalogueError

MANIFEST = "imsmanifest.xml"
MANIFEST_LIMIT = 16 * 1024 * 1024   # bytes; real manifests are a few KB to 1 MB

_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class ManifestError(CatalogueError):
    """The manifest cannot be parsed; `code` is a validate.* catalogue message, `line` where (or None)."""

    def __init__(self, code: str, line: int | None = None, **params: object):
        super().__init__(code, **params)
        self.line = line


def parse_manifest(data: bytes):
    """The root element of a manifest; raises ManifestError when it is not usable XML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise _explain(data, e) from None
    return root


def _explain(data: bytes, error: etree.XMLSyntaxError) -> ManifestError:
    if _utf16_without_bom(data):
        return ManifestError("validate.manifest_utf16", 1)
    declared = _declared_encoding(data)
    bad_line = _undecodable_line(data, declared)
    if bad_line is not None:
        return ManifestError("validate.manifest_encoding", bad_line, encoding=declared.upper())
    if not re.search(rb"<[A-Za-z_]", data.split(b"?>", 1)[-1]):
        return ManifestError("validate.manifest_empty", error.lineno or 1)
    detail = re.sub(r", line \d+, column \d+$", "", error.msg)  # the line is shown in front
    return ManifestError("validate.xml_syntax", error.lineno, detail=detail)


def _utf16_without_bom(data: bytes) -> bool:
    """A zero byte beside the first character: UTF-16 that the parser cannot detect without a BOM."""
    if len(data) < 2 or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return (data[0] == 0) != (data[1] == 0)


def _declared_encoding(data: bytes) -> str:
    found = _DECLARED.match(data.removeprefix(codecs.BOM_UTF8))
    return found.group(1).decode("ascii").lower() if found else "utf-8"


def _undecodable_line(data: bytes, encoding: str) -> int | None:
    """The first line whose bytes are not in `encoding`, or None when they all are (or it is unknown)."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as e:
        return data.count(b"\n", 0, e.start) + 1
    except LookupError:
        return None
    return None
