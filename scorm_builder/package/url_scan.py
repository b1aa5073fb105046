"""Finds what a package's scripts would fetch from the internet, in streamed .js files.

Script is text, so patterns are the tool here: `x.src = "//..."` and markup that a script writes
(`document.write('<script src=...>')`). HTML, SVG and CSS files are parsed instead, by
`active_content`, which sees them as the browser does.
"""
from __future__ import annotations

import codecs
import re

SCRIPT_TYPES = (".js", ".mjs")

_EXTERNAL_HTML = re.compile(
    r"<(?:script|link|img|iframe|frame|audio|video|source|track|embed|object|input)\b[^>]*?"
    r"\s(?:src|href|data|poster|srcset)\s*=\s*[\"']?\s*((?:https?:)?//[^\s\"'>]+)", re.I)
_EXTERNAL_JS = re.compile(r"\.src\s*=\s*[\"']((?:https?:)?//[^\s\"']+)", re.I)
_CARRY_LIMIT = 64 * 1024  # a minified one-line file is scanned in pieces this big
_OVERLAP = 2048


def patterns_for(name: str) -> tuple[re.Pattern, ...]:
    if name.startswith("__MACOSX/") or not name.lower().endswith(SCRIPT_TYPES):
        return ()
    return (_EXTERNAL_HTML, _EXTERNAL_JS)


class UrlScan:
    """Finds URLs to other hosts in a streamed text file, by line, holding at most one line piece."""

    def __init__(self, patterns: tuple[re.Pattern, ...]):
        self.patterns = patterns
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.carry = ""
        self.line = 1

    def feed(self, chunk: bytes, final: bool = False) -> list[tuple[int, str]]:
        if not self.patterns:
            return []
        text = self.carry + self.decoder.decode(chunk, final)
        cut = len(text) if final else text.rfind("\n") + 1
        if cut == 0 and len(text) > _CARRY_LIMIT:
            cut = len(text) - _OVERLAP  # matches starting in the overlap are found next time
        found = [(self.line + text.count("\n", 0, m.start()), m.group(1))
                 for pattern in self.patterns for m in pattern.finditer(text) if m.start() < cut]
        self.line += text.count("\n", 0, cut)
        self.carry = text[cut:]
        return found
