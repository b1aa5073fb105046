"""Bounds on one lesson's conversion cost (source/bounds.py, and the RecursionError guard in
source/markdown.py): refused at the line, quickly, and what is within bounds converts as before."""
from __future__ import annotations

import inspect
import sys
import textwrap
import time
from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.source.bounds import MAX_PER_PARAGRAPH
from scorm_builder.source.context import PageContext
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.markdown import convert


def run(body: str) -> tuple[str, list[tuple]]:
    reporter = Reporter()
    ctx = PageContext(path="l.md", abs_path=Path("/none/lessons/l.md"), course_root=Path("/none"),
                      reporter=reporter, locator=LineLocator(body, 3), audience_ids=set(), audience=None,
                      lesson_id="l")
    html = "".join(convert(body, ctx))
    return html, [(d.code, d.line) for d in reporter.diagnostics]


def test_a_bracket_bomb_is_refused_at_its_paragraph_in_no_time():
    start = time.monotonic()
    _, found = run("# Sida\n\nFörsta stycket.\n\n" + "[" * 5000 + "\n\nSista.\n")
    assert time.monotonic() - start < 2   # unbounded, Python-Markdown takes minutes on this
    assert found == [("page.too_many_openers", 8)]


def test_paragraphs_within_bounds_convert_as_before():
    links = " ".join(f"[l{i}](https://x.se/{i})" for i in range(MAX_PER_PARAGRAPH))
    html, found = run(f"# Sida\n\n{links}\n")
    assert found == []
    assert html.count("<a ") == MAX_PER_PARAGRAPH


def test_blocks_nested_too_deep_are_refused_at_the_first_too_deep():
    body = "# Sida\n\n" + "".join(f"::: info Nivå {i}\n" for i in range(12)) + "x\n" + ":::\n" * 12
    _, found = run(body)
    assert found == [("block.too_deep", 16)]


def test_a_recursion_error_in_conversion_is_an_error_at_the_lesson():
    nested = textwrap.dedent("".join("    " * i + "- punkt\n" for i in range(40)))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 150)   # stands in for a stack that nesting exhausts
    try:
        html, found = run("# Sida\n\n" + nested)
    finally:
        sys.setrecursionlimit(limit)
    assert (html, found) == ("", [("page.too_deep", 4)])


def test_after_a_recursion_error_the_next_lesson_converts_as_before(monkeypatch):
    """The process keeps one Markdown per language (source/markdown.py), and a RecursionError can
    leave its block parser inside a list: the next lesson's paragraphs then lost their <p> and an
    attribute list went to the document, a traceback ("failed to strip top-level tags")."""
    from markdown.blockprocessors import OListProcessor

    def too_deep(self, parent, blocks):
        self.parser.state.set("list")   # as deep nesting leaves it when the stack runs out
        raise RecursionError

    with monkeypatch.context() as m:
        m.setattr(OListProcessor, "run", too_deep)
        assert run("# Sida\n\n- punkt\n")[1] == [("page.too_deep", 4)]
    html, found = run("# Sida\n\nText.\n{: .viktig }\n")
    assert '<p class="viktig">Text.</p>' in html and found == []
