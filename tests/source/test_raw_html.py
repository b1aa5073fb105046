"""Raw HTML in lessons: what the allowlist lets through unchanged, and each script vector refused
at its own line and column (source/sanitize.py)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from scorm_builder.errors import Reporter
from scorm_builder.source.context import PageContext
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.markdown import convert
from scorm_builder.source.sanitize import url_allowed

OFFSET = 3   # three front-matter lines above the body


def run(body: str) -> tuple[str, list[tuple]]:
    body = textwrap.dedent(body)
    reporter = Reporter()
    ctx = PageContext(path="l.md", abs_path=Path("/none/lessons/l.md"), course_root=Path("/none"),
                      reporter=reporter, locator=LineLocator(body, OFFSET), audience_ids=set(),
                      audience=None, lesson_id="l")
    html = "".join(convert(body, ctx))
    return html, [(d.code, d.line, d.col, d.params) for d in reporter.diagnostics]


def test_formatting_html_passes_unchanged():
    html, found = run("""\
        # Sida

        Tryck <kbd>Ctrl</kbd> + <kbd>S</kbd>, se <abbr title="Socialtjänstlagen">SoL</abbr>.

        <details open>
        <summary>Mer om <em>lagen</em></summary>
        <p lang="en" aria-label="x">Läs <a href="https://www.riksdagen.se/">lagen</a> eller <a href="#p-l-1">början</a>.</p>
        </details>

        <table><tr><th scope="col" colspan="2">Vem</th></tr><tr><td>Chef</td><td><a href="tel:112">112</a></td></tr></table>
        """)
    assert found == []
    assert '<abbr title="Socialtjänstlagen">SoL</abbr>' in html
    assert '<details open>' in html and '<a href="https://www.riksdagen.se/">' in html


@pytest.mark.parametrize("body, code, line, col", [
    # the audit's four vectors
    ('<details open ontoggle="alert(1)">\n<summary>x</summary>\n</details>', "html.event_handler", 6, 15),
    ('Klicka <a href="javascript:alert(1)">här</a>.', "html.url", 6, 17),
    ('<div>\n<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>\n</div>', "html.forbidden", 7, 1),
    ('<p style="background:url(https://evil.example/x.png)">text</p>', "html.style", 6, 4),
    # the same, disguised
    ('<P OnMouseOver="x()">text</P>', "html.event_handler", 6, 4),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "html.url", 6, None),
    ('<a href=" java\tscript:alert(1)">x</a>', "html.url", 6, 10),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "html.url", 6, 10),
    ('<a href="../assets/lathund.pdf">x</a>', "html.url", 6, 10),
    ('<span\n  onclick="x()">inline</span> text', "html.event_handler", 7, 3),
    ('<img src="x" onerror="alert(1)">', "html.forbidden", 6, 1),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "html.forbidden", 6, 1),
    ('<form action="https://evil.example"><button>Skicka</button></form>', "html.forbidden", 6, 1),
    ('<!-- x --><script>alert(1)</script>', "html.forbidden", 6, 11),
    ('<p>text <b formaction="x">fet</b></p>', "html.attribute", 6, 12),
    ('<div>\n<!--><script>alert(1)</script>-->\n</div>', "html.forbidden", 7, 6),
    ('<div>\n<!-- a --!><script>alert(1)</script> -->\n</div>', "html.forbidden", 7, 12),
    ('<div>\n<!--!><script>x</script>-->\n</div>', "html.comment", 7, 1),
    # what lxml's fragment parser drops, but a browser merges into the page: the token scan sees it
    ('<body onload="alert(1)">', "html.forbidden", 6, 1),
    ('<html><head></head><body onpageshow="alert(1)"></body></html>', "html.forbidden", 6, 1),
    ('<!DOCTYPE html>\n<p>x</p>', "html.forbidden", 6, 1),
    ('<?xml version="1.0" encoding="utf-8"?>\n<p>x</p>', "html.forbidden", 6, 1),
    ('<div>\n<![CDATA[<script>alert(1)</script>]]>\n</div>', "html.comment", 7, 1),
    # markup a parser gives up on is refused, not a traceback
    ('<p>x<![<x=:p svg:x#</p>', "html.unreadable", 6, 1),
    # names the player finds its own elements by
    ('<button id="sb-next">Nästa</button>', "html.forbidden", 6, 1),
    ('<span id="sb-next">Nästa</span>', "html.reserved_name", 6, 11),
    ('<div class="note sb-feedback">x</div>', "html.reserved_name", 6, 13),
    ('<h2 id="p-l-2">Falsk sida</h2>', "html.reserved_name", 6, 9),
])
def test_script_vectors_are_refused_at_their_place(body, code, line, col):
    _, found = run(f"# Sida\n\n{body}\n")
    assert (code, line, col) in [(c, ln, cl) for c, ln, cl, _ in found], found


def test_the_attribute_message_lists_what_is_allowed():
    _, found = run('# Sida\n\n<td><a target="_top" href="https://x.se">x</a></td>\n')
    assert [(c, p) for c, _, _, p in found] == [
        ("html.attribute", {"attribute": "target", "tag": "a", "allowed": "class, dir, href, hreflang, id, lang, title, aria-*"})]


@pytest.mark.parametrize("body, code", [
    ('# Sida {onclick="alert(1)"}', "html.event_handler"),
    ('Text.\n{: style="background:url(http://evil.example/x)" }', "html.style"),
    ("## Nästa {#sb-next}", "html.reserved_name"),
    ("Text.\n{: .viktig .sb-feedback }", "html.reserved_name"),
])
def test_attribute_lists_may_not_add_script_or_style(body, code):
    _, found = run(f"# Sida\n\n{body}\n")
    assert [c for c, *_ in found] == [code]


@pytest.mark.parametrize("url, allowed", [
    ("https://x.se", True), ("mailto:a@b.se", True), ("tel:112", True), ("#p-1", True),
    ("https:", False), ("javascript:x", False), ("JaVa\nScRiPt:x", False), ("vbscript:x", False),
    ("//evil.example", False), ("x.html", False), ("", False),
])
def test_url_allowlist(url, allowed):
    assert url_allowed(url) is allowed


def test_the_tools_own_names_and_ordinary_attribute_lists_pass():
    html, found = run("# Sida\n\n::: viktigt Kom ihåg\nText.\n{: #egen .markerad }\n:::\n")
    assert found == []
    assert '<aside class="sb-callout sb-callout-important">' in html   # the block's own sb- classes
    assert '<p class="markerad" id="egen">Text.</p>' in html


def test_the_same_html_written_twice_is_reported_at_both_places():
    _, found = run('# Sida\n\nEtt <span onclick="x()">a</span>.\n\nTvå <span onclick="x()">b</span>.\n')
    assert [(c, ln, cl) for c, ln, cl, _ in found] == [("html.event_handler", 6, 11), ("html.event_handler", 8, 11)]


def test_a_cdata_section_is_one_finding_though_both_parsers_see_it():
    _, found = run("# Sida\n\n<div>\n<![CDATA[<script>alert(1)</script>]]>\n</div>\n")
    assert [(c, ln, cl) for c, ln, cl, _ in found] == [("html.comment", 7, 1)]
