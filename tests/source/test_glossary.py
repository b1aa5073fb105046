"""The course glossary: `glossary:` in course.yml, `[[term]]` in the text (a disclosure button and
its definition), `::: ordlista` listing every term in Swedish alphabetical order, and the
author's mistakes at their line and column with a did-you-mean."""
from __future__ import annotations

from click.testing import CliRunner

from scorm_builder.cli import main
from test_layout_blocks import converted

GLOSSARY = {"lex Sarah": "Rapportera missförhållanden.", "Våld i nära relation": "Våld mellan närstående.",
            "Ärende": "Något att utreda.", "Anmälan": "En uppgift till socialtjänsten.", "Åtal": "Åklagarens beslut."}


def test_a_marked_term_is_a_button_that_controls_its_hidden_definition():
    html, problems = converted("# Sida\n\nOm [[lex sarah]] och [[våldet|Våld i  nära relation]].\n", glossary=GLOSSARY)
    assert problems == []
    assert ('<span class="sb-term"><button aria-controls="sb-term-l-1" aria-expanded="false" class="sb-term-button" '
            'type="button">lex sarah</button><span class="sb-term-def" hidden id="sb-term-l-1">'
            'Rapportera missförhållanden.</span></span>') in html
    assert '>våldet</button><span class="sb-term-def" hidden id="sb-term-l-2">Våld mellan närstående.</span>' in html


def test_terms_in_code_stay_as_typed():
    html, problems = converted("# Sida\n\n`[[lex Sarah]]`\n", glossary=GLOSSARY)
    assert problems == [] and "<code>[[lex Sarah]]</code>" in html


def test_the_glossary_block_lists_every_term_in_swedish_order():
    html, problems = converted("# Ordlista\n\n::: ordlista\n:::\n", glossary=GLOSSARY)
    assert problems == []
    terms = [part.split("</dt>")[0] for part in html.split("<dt>")[1:]]
    assert terms == ["Anmälan", "lex Sarah", "Våld i nära relation", "Åtal", "Ärende"]
    assert "<dt>Åtal</dt>\n<dd>Åklagarens beslut.</dd>" in html


def test_unknown_terms_and_empty_glossaries_are_errors_at_their_line():
    _, problems = converted("# Sida\n\nText.\n\nOm [[lex Sara]] och [[polis]].\n\n::: ordlista\nText.\n:::\n",
                            glossary=GLOSSARY)
    assert sorted(problems) == ["5: glossary.unknown_term", "5: glossary.unknown_term_guess", "7: block.glossary_body"]
    _, problems = converted("# Sida\n\n[[lex Sarah]]\n\n::: ordlista\n:::\n")
    assert sorted(problems) == ["3: glossary.none", "5: block.glossary_empty"]


COURSE = """\
id: mini
title: Minikurs
description: En liten kurs.
glossary:
  lex Sarah: Rapportera missförhållanden.
lessons:
  - 01-forsta
"""


def test_check_names_the_unknown_term_with_column_and_did_you_mean(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_course({"course.yml": COURSE, "lessons/slutprov.md": None,
                 "lessons/01-forsta.md": "---\ntitle: Första\n---\n# Sida\n\nEnligt [[lex Sara]] ska du.\n"})
    result = CliRunner().invoke(main, ["--lang", "en", "check", "kurs"])
    assert result.exit_code == 1
    assert ('kurs/lessons/01-forsta.md:6:8: error: "lex Sara" is not in the glossary\n'
            '  hint: did you mean "lex Sarah"? For another form of the word write [[lex Sara|lex Sarah]]') in result.output


def test_glossary_mistakes_in_course_yml(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    course = COURSE.replace("  lex Sarah: Rapportera missförhållanden.\n",
                            "  lex Sarah: Rapportera.\n  Lex  sarah: Igen.\n  polis: ''\n")
    make_course({"course.yml": course, "lessons/slutprov.md": None})
    result = CliRunner().invoke(main, ["--lang", "en", "check", "kurs"])
    assert result.exit_code == 1
    assert 'kurs/course.yml:6:3: error: the term "Lex  sarah" is in the glossary twice (also as "lex Sarah")' in result.output
    assert 'kurs/course.yml:7:3: error: the glossary term "polis" has no definition' in result.output
    make_course({"course.yml": COURSE.replace("  lex Sarah: Rapportera missförhållanden.\n", "  - lex Sarah\n"),
                 "lessons/slutprov.md": None})
    result = CliRunner().invoke(main, ["--lang", "en", "check", "kurs"])
    assert result.exit_code == 1
    assert ('kurs/course.yml:5:3: error: "glossary" has an invalid value: seq\n'
            '  hint: expected: terms with their definitions, one "term: definition" per line') in result.output


def test_a_term_in_a_heading_summary_or_link_stays_plain_text():
    html, problems = converted("# Om [[lex Sarah]] idag\n\n::: dragspel\n## Vad säger [[lex Sarah]]?\nText.\n"
                               "## Mer\nText.\n:::\n\n[Läs om **[[lex Sarah]]**](https://example.org/)\n",
                               glossary=GLOSSARY)
    assert problems == []
    assert "sb-term" not in html
    assert '<h1 id="h-l-1" tabindex="-1">Om lex Sarah idag</h1>' in html
    assert "<summary>Vad säger lex Sarah?</summary>" in html
    assert "<strong>lex Sarah</strong></a>" in html
