"""`::: name args` … `:::` fenced blocks, parsed once and dispatched to a handler by name.

One BlockProcessor owns the fences (nesting included) so every block type, the question block
among them, only decides what its body becomes. Handlers register by name through
`register_block(md, handler)`; the names are Swedish for authors, with English aliases.
"""
from __future__ import annotations

import difflib
import re
import textwrap
import xml.etree.ElementTree as etree
from typing import Protocol

from markdown.blockprocessors import BlockProcessor

from scorm_builder.source.bounds import MAX_BLOCK_DEPTH

OPEN = re.compile(r"^:::\s*([^\s{]+)\s*(.*)$")
CLOSE = re.compile(r"^:::\s*$")


class BlockHandler(Protocol):
    names: tuple[str, ...]

    def run(self, parent: etree.Element, args: str, body: str, line: int, md) -> None: ...


class FencedBlockProcessor(BlockProcessor):
    """Collects a fenced block across blank lines and hands it to the handler for its name."""

    def __init__(self, parser, md):
        super().__init__(parser)
        self.md = md
        self.handlers: dict[str, BlockHandler] = {}
        self._strays_of, self._strays = None, iter(())   # the page whose stray `:::` lines are being reported
        self._depth = 0   # blocks open around the one being run

    def register(self, handler: BlockHandler) -> None:
        for name in handler.names:
            self.handlers[name.lower()] = handler

    def test(self, parent, block) -> bool:
        return any(OPEN.match(ln) or CLOSE.match(ln) for ln in block.split("\n"))

    def run(self, parent, blocks) -> None:
        block = blocks.pop(0)
        lines = block.split("\n")
        start = next(i for i, ln in enumerate(lines) if OPEN.match(ln) or CLOSE.match(ln))
        if start:  # text right above the fence is a block of its own
            self.parser.parseBlocks(parent, ["\n".join(lines[:start])])
        if CLOSE.match(lines[start]):   # a `:::` that closes nothing would show as text: an error, then dropped
            self._stray_close()
            if "\n".join(lines[start + 1:]).strip():
                blocks.insert(0, "\n".join(lines[start + 1:]))
            return
        name, args = OPEN.match(lines[start]).groups()
        line = self.md.sb.locator.line_of(lines[start]) or 0
        body, rest, closed = self._collect(lines[start + 1:], blocks)
        if rest:
            blocks.insert(0, rest)
        if not closed:
            self.md.sb.reporter.error("block.unclosed", self.md.sb.path, line, name=name)
        if self._depth >= MAX_BLOCK_DEPTH:   # each level recurses through the parser: bounded
            self.md.sb.reporter.error("block.too_deep", self.md.sb.path, line, limit=MAX_BLOCK_DEPTH)
            return
        handler = self.handlers.get(name.lower())
        self._depth += 1
        try:
            if handler is None:
                self._unknown(name, line)
                self.parser.parseChunk(parent, body)
            else:
                handler.run(parent, args.strip(), body, line, self.md)
        finally:
            self._depth -= 1

    def _collect(self, first: list[str], blocks: list[str]) -> tuple[str, str, bool]:
        """Lines up to the matching close fence; returns (body, text after the fence, closed)."""
        depth, body = 1, []
        pending = [first] + [None]  # None marks a block boundary (a blank line in the source)
        while pending:
            chunk = pending.pop(0)
            if chunk is None:
                if not blocks:
                    break
                body.append("")
                pending = [blocks.pop(0).split("\n"), None]
                continue
            for i, ln in enumerate(chunk):
                if OPEN.match(ln):
                    depth += 1
                elif CLOSE.match(ln):
                    depth -= 1
                    if depth == 0:
                        return _body(body), "\n".join(chunk[i + 1:]).strip("\n"), True
                body.append(ln)
        return _body(body), "", False

    def _stray_close(self) -> None:
        """Reports the next `:::` of the page that closes no block, at its line (found in the source,
        as Python-Markdown's blocks carry no line numbers)."""
        sb = self.md.sb
        if self._strays_of is not sb:
            self._strays_of, self._strays = sb, iter(stray_close_lines(sb.locator.lines, sb.locator.offset))
        sb.reporter.error("block.stray_close", sb.path, next(self._strays, None), 1)

    def _unknown(self, name: str, line: int) -> None:
        guess = difflib.get_close_matches(name.lower(), sorted(self.handlers), n=1)
        sb = self.md.sb
        if guess:
            sb.reporter.error("block.unknown_guess", sb.path, line, name=name, guess=guess[0])
        else:
            sb.reporter.error("block.unknown", sb.path, line, name=name, names=", ".join(sorted(self.handlers)))


def _body(lines: list[str]) -> str:
    """The block's lines, dedented; leading blank lines stay so body line n is file line fence + n."""
    return textwrap.dedent("\n".join(lines)).rstrip("\n")


def stray_close_lines(lines: list[str], offset: int) -> list[int]:
    """File lines of the `:::` lines that have no open block to close."""
    depth, strays = 0, []
    for n, text in enumerate(lines, start=1 + offset):
        if OPEN.match(text):
            depth += 1
        elif CLOSE.match(text):
            if depth:
                depth -= 1
            else:
                strays.append(n)
    return strays


def register_block(md, handler: BlockHandler) -> None:
    md.parser.blockprocessors["sb_fenced"].register(handler)
