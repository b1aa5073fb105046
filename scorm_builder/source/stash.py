"""Text that Python-Markdown keeps aside in its stash, put back as plain text.

Inline HTML and smarty's quotation marks (”…” in Swedish) sit in the tree as placeholders until
the very end of a conversion; a page title or a question's name read before then must resolve them.
"""
from __future__ import annotations

import html


def resolved(md, text: str) -> str:
    """`text` with stashed text put back, stashed HTML tags dropped, and whitespace collapsed."""
    from markdown.util import HTML_PLACEHOLDER_RE   # here: importing the question types needs no Markdown

    def stashed(m):
        raw = str(md.htmlStash.rawHtmlBlocks[int(m[1])])
        return "" if raw.startswith("<") else html.unescape(raw)

    text = HTML_PLACEHOLDER_RE.sub(stashed, text)
    return " ".join(text.replace("\x02", "").replace("\x03", "").split())
