"""Bounds on what one lesson may ask of the Markdown converter, so a build always ends quickly.

Python-Markdown's inline parsing is quadratic or worse within one paragraph: in the `[` and `<`
that never close (5000 unmatched `[` take minutes) and in the number of inline elements (a
100 KB paragraph of `*a*` takes ten seconds). Its block parsing recurses once per level of
nesting. No lesson comes near: the sample course's busiest lesson has 54 `[` in all, and its
longest paragraph is a few hundred characters. A damaged or hostile file that exceeds a bound is
refused at its line before the converter sees it.
"""
from __future__ import annotations

from markdown.preprocessors import Preprocessor

MAX_PARAGRAPH_CHARS = 20_000   # text between blank lines; about 3000 words, a page warns at 1500
OPENERS = "[<"                 # what Python-Markdown's inline patterns search onwards from
MAX_PER_PARAGRAPH = 500        # of each opener in one paragraph
MAX_PER_LESSON = 5000          # of each opener in one lesson
MAX_BLOCK_DEPTH = 10           # `:::` blocks inside blocks; the format's deepest sensible use is 3


class ParagraphBounds(Preprocessor):
    """Blanks out (and reports) each paragraph past a bound: the build fails anyway, and the
    converter never spends minutes on it. Blank lines stand in, so line numbers stay right."""

    def run(self, lines: list[str]) -> list[str]:
        self.totals = dict.fromkeys(OPENERS, 0)   # per lesson: each Markdown run converts one
        out, chunk = [], []
        for text in lines + [""]:
            if text.strip():
                chunk.append(text)
                continue
            if chunk and self._refused(chunk, self.md.sb.locator.offset + len(out) + 1):
                chunk = [""] * len(chunk)
            out.extend(chunk + [text])
            chunk = []
        return out[:-1]

    def _refused(self, chunk: list[str], line: int) -> bool:
        sb = self.md.sb
        if sum(len(ln) + 1 for ln in chunk) > MAX_PARAGRAPH_CHARS:
            sb.reporter.error("page.paragraph_too_long", sb.path, line, 1, limit=MAX_PARAGRAPH_CHARS)
            return True
        for char in OPENERS:
            count = sum(ln.count(char) for ln in chunk)
            if count > MAX_PER_PARAGRAPH:
                sb.reporter.error("page.too_many_openers", sb.path, line, 1, char=char, limit=MAX_PER_PARAGRAPH)
                return True
            self.totals[char] += count
            if self.totals[char] > MAX_PER_LESSON:
                sb.reporter.error("lesson.too_many_openers", sb.path, line, 1, char=char, limit=MAX_PER_LESSON)
                self.totals[char] -= count   # this paragraph is left out, so it does not count
                return True
        return False
