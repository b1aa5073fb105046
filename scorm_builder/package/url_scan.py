"""Finds what a package's HTML elements and scripts would fetch from the internet, in streamed text files.

CSS (in .css files, `style` attributes and <style> elements) is checked by `active_content`,
which sees it as the browser does (entities and CSS escapes decoded).
"""
from __future__ import annotations

import codecs
import re

TEXT_TYPES = (".html", ".htm", ".xhtml", ".js", ".mjs", ".svg")

_EXTERNAL_HTML = re.compile(
    r"<(?:script|link|img|iframe|frame|audio|video|source|track|embed|object|input)\b[^>]*?"
    r"\s(?:src|href|data|poster|srcset)\s*=\s*[\"']?\s*((?:https?:)?//[^\s\"'>]+)", re.I)
_EXTERNAL_JS = re.compile(r"\.src\s*=\s*[\"']((?:https?:)?//[^\s\"']+)", re.I)
_CARRY_LIMIT = 64 * 1024  # a minified one-line file is scanned in pieces this big
_OVERLAP = 2048


def patterns_for(name: str) -> tuple[re.Pattern, ...]:
    lower = name.lower()
    if name.startswith("__MACOSX/") or not lower.endswith(TEXT_TYPES):
        return ()
    if lower.endswith((".js", ".mjs")):
        return (_EXTERNAL_HTML, _EXTERNAL_JS)
    return (_EXTERNAL_HTML,)


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
