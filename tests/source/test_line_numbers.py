"""Diagnostics point at the right line even when blocks repeat or start with blank lines."""
from __future__ import annotations

import textwrap
from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.source.context import PageContext
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.markdown import convert


def diagnostics(body: str, offset: int = 3) -> list[tuple[int, str]]:
    body = textwrap.dedent(body)
    reporter = Reporter()
    ctx = PageContext(path="l.md", abs_path=Path("/none/lessons/l.md"), course_root=Path("/none"),
                      reporter=reporter, locator=LineLocator(body, offset), audience_ids=set(),
                      audience=None, lesson_id="l")
    convert(body, ctx)
    return [(d.line, d.code) for d in reporter.diagnostics]


def test_the_second_of_two_identical_blocks_is_reported_at_its_own_line():
    body = """\
        # Sida

        ::: fråga enval
        Första?

        - [x] ja
        - [ ] nej
        :::

        ::: fråga enval
        Andra?

        - [ ] ja
        - [ ] nej
        :::
        """
    assert diagnostics(body) == [(3 + 10, "quiz.no_correct")]


def test_a_body_that_starts_with_a_blank_line_keeps_its_line_numbers():
    body = """\
        # Sida

        ::: video

        titel: Film
        okänd rad
        :::
        """
    assert (3 + 6, "media.unknown_line") in diagnostics(body)
