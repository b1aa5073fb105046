"""Line numbers for Markdown blocks, which Python-Markdown does not track.

A LineLocator walks forward through the raw body: each block's first line is looked up after the
previous hit, so repeated text maps to the right occurrence. `offset` is the number of lines above
the body (front matter), so the result is a line number in the file, counted from 1.
"""
from __future__ import annotations


class LineLocator:
    def __init__(self, body: str, offset: int = 0):
        self.lines = body.split("\n")
        self.offset = offset
        self.cursor = 0

    def line_of(self, block: str) -> int | None:
        """File line of the block's first non-blank line, searching from the last hit onwards."""
        first = next((ln.strip() for ln in block.split("\n") if ln.strip()), "")
        if not first:
            return None
        for i in range(self.cursor, len(self.lines)):
            if self.lines[i].strip() == first:
                self.cursor = i + 1
                return i + 1 + self.offset
        for i in range(0, len(self.lines)):  # the block was met before (a nested re-parse)
            if self.lines[i].strip() == first:
                return i + 1 + self.offset
        return None

    def find(self, text: str) -> int | None:
        """File line of the first line containing `text` (for things inside a block, like an image path)."""
        for i, ln in enumerate(self.lines):
            if text in ln:
                return i + 1 + self.offset
        return None
