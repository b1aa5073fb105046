"""Tabs, accordions, steps, timelines, figures and quotes: small source/HTML pairs, and each
author mistake at its line (Python-Markdown's own test style)."""
from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner

from scorm_builder.build import build_course
from scorm_builder.cli import main
from scorm_builder.errors import Reporter
from scorm_builder.source.context import PageContext
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.markdown import convert
from support import course_html


def converted(body: str, lang: str = "sv", glossary: dict | None = None) -> tuple[str, list[str]]:
    """(HTML, the diagnostics as `line: code`) of a lesson body, dedented."""
    body = textwrap.dedent(body)
    reporter = Reporter()
    ctx = PageContext(path="l.md", abs_path=Path("/none/lessons/l.md"), course_root=Path("/none"),
                      reporter=reporter, locator=LineLocator(body), audience_ids=set(), audience=None,
                      lesson_id="l", lang=lang, glossary=glossary or {})
    html = "".join(convert(body, ctx))
    return html, [f"{d.line}: {d.code}" for d in reporter.diagnostics]


def test_tabs_are_panels_under_their_headings_until_the_player_adds_the_tab_list():
    html, problems = converted("""\
        # Sida

        ::: flikar Roller
        ## Chef
        Chefen *ansvarar*.

        ## Medarbetare
        Frågar.
        :::
        """)
    assert problems == []
    assert ('<div class="sb-tabs" data-label="Roller" id="sb-tabs-l-1">\n'
            '<section aria-labelledby="sb-tabs-l-1-1-h" class="sb-tabpanel" id="sb-tabs-l-1-1">\n'
            '<h2 class="sb-tab-heading" id="sb-tabs-l-1-1-h">Chef</h2>\n<p>Chefen <em>ansvarar</em>.</p>\n</section>\n'
            '<section aria-labelledby="sb-tabs-l-1-2-h" class="sb-tabpanel" id="sb-tabs-l-1-2">\n'
            '<h2 class="sb-tab-heading" id="sb-tabs-l-1-2-h">Medarbetare</h2>\n<p>Frågar.</p>\n</section>\n</div>') in html


def test_deeper_headings_and_nested_blocks_stay_in_their_section():
    html, problems = converted("""\
        # Sida

        ::: tabs
        ## Ett
        ### Inuti
        ::: info
        ## Inte en ny flik
        :::

        ## Två
        Text.
        :::
        """)
    assert problems == []
    assert html.count('class="sb-tabpanel"') == 2
    assert "<h3>Inuti</h3>" in html and "<h2>Inte en ny flik</h2>" in html


def test_each_block_on_one_page_gets_its_own_ids():
    html, _ = converted("# Sida\n\n::: flikar\n## A\na\n## B\nb\n:::\n\n::: flikar\n## C\nc\n## D\nd\n:::\n")
    assert 'id="sb-tabs-l-1"' in html and 'id="sb-tabs-l-2"' in html


def test_an_accordion_is_native_disclosures_and_one_at_a_time_shares_a_name():
    html, problems = converted("# Sida\n\n::: dragspel ett\n## Fråga\nSvar.\n## Nästa\nMer.\n:::\n")
    assert problems == []
    assert ('<div class="sb-accordion" data-single="" id="sb-acc-l-1">\n'
            '<details class="sb-expand" name="sb-acc-l-1">\n<summary>Fråga</summary>\n<p>Svar.</p>\n</details>') in html
    free, _ = converted("# Page\n\n::: accordion\n## Q\nA.\n## R\nB.\n:::\n", lang="en")
    assert "name=" not in free and "data-single" not in free and free.count("<details") == 2


def test_steps_and_timeline_are_ordered_lists_headed_by_each_step():
    html, problems = converted("# Sida\n\n::: steg Så gör du\n## Fråga\nI enrum.\n## Dokumentera\nSkriv.\n:::\n"
                               "\n::: tidslinje\n## 1998\nKvinnofridsreformen.\n:::\n")
    assert problems == []
    assert ('<ol aria-label="Så gör du" class="sb-steps">\n<li>\n<h2 class="sb-steps-title">Fråga</h2>\n'
            '<p>I enrum.</p>\n</li>\n<li>\n<h2 class="sb-steps-title">Dokumentera</h2>') in html
    assert '<ol class="sb-timeline">\n<li>\n<h2 class="sb-timeline-title">1998</h2>\n<p>Kvinnofridsreformen.</p>' in html


def test_a_quote_names_who_said_it_and_cites_the_work():
    html, problems = converted("# Sida\n\n::: citat Anna, undersköterska | Intervju 2024\nJag vågade fråga.\n:::\n")
    assert problems == []
    assert ('<figure class="sb-quote">\n<blockquote>\n<p>Jag vågade fråga.</p>\n</blockquote>\n'
            '<figcaption>— Anna, undersköterska, <cite>Intervju 2024</cite></figcaption>\n</figure>') in html


def test_section_mistakes_are_reported_at_their_line():
    _, problems = converted("# Sida\n\n::: flikar\nText först.\n## A\na\n:::\n\n::: flikar\n## Ensam\nx\n:::\n"
                            "\n::: dragspel två\n## A\na\n## B\nb\n:::\n\n::: steg\nbara text\n:::\n")
    assert problems == ["4: block.sections_text_before", "9: block.sections_too_few",
                        "14: block.accordion_mode", "22: block.sections_text_before"]


def test_figure_and_quote_mistakes_are_reported_at_their_line():
    _, problems = converted("# Sida\n\n::: figur\nBildtext utan bild.\n:::\n\n::: citat\nUtan namn.\n:::\n")
    assert problems == ["4: block.figure_image", "7: block.quote_attribution"]


FIGURE = """\
---
title: Första lektionen
---
# Välkommen

::: figur
![Diagram med åtta former av våld]({image})
Våldets former enligt *Socialstyrelsen*.
källa: Socialstyrelsen 2024
:::
"""


def test_a_figure_has_its_image_caption_and_credit_and_the_image_is_packaged(make_course, tmp_path):
    course = make_course({"lessons/01-forsta.md": FIGURE.format(image="../assets/former.svg"),
                          "assets/former.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n'})
    html = course_html(build_course(course, tmp_path / "dist", ["omsorg"])[0])
    assert ('<figure class="sb-figure">\n<p class="sb-figure-image"><img alt="Diagram med åtta former av våld" '
            'src="assets/former.svg"></p>\n<figcaption>\n<p>Våldets former enligt <em>Socialstyrelsen</em>.</p>\n'
            '<p class="sb-credit">Källa: Socialstyrelsen 2024</p>\n</figcaption>\n</figure>') in html


def test_a_figure_needs_alt_text_like_any_image(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_course({"lessons/01-forsta.md": FIGURE.format(image="../assets/former.svg").replace(
                     "Diagram med åtta former av våld", ""),
                 "assets/former.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n'})
    result = CliRunner().invoke(main, ["--lang", "en", "check", "kurs"])
    assert result.exit_code == 1
    assert "kurs/lessons/01-forsta.md:7:1: error: the image has no alt text" in result.output, result.output
