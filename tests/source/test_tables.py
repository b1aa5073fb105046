"""Tables scroll inside a named, keyboard-reachable box, so a phone never scrolls the page sideways."""
from __future__ import annotations

from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.source.context import PageContext
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.markdown import convert


def html_of(body: str, lang: str = "sv") -> str:
    ctx = PageContext(path="l.md", abs_path=Path("/none/lessons/l.md"), course_root=Path("/none"),
                      reporter=Reporter(), locator=LineLocator(body), audience_ids=set(), audience=None,
                      lesson_id="l", lang=lang)
    return "".join(convert(body, ctx))


def test_a_table_is_wrapped_in_a_focusable_region_named_by_its_headers():
    html = html_of("# Sida\n\n| Stöd | Kontakt |\n|---|---|\n| Kvinnofridslinjen | 020-50 50 50 |\n")
    assert '<div aria-label="Tabell: Stöd, Kontakt" class="sb-table" role="region" tabindex="0"><table>' in html


def test_the_region_name_follows_the_course_language():
    html = html_of("# Page\n\n| Help | Phone |\n|---|---|\n| a | b |\n", lang="en")
    assert 'aria-label="Table: Help, Phone"' in html
