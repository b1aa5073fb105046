"""Swedish courses get Swedish quotation marks: authors type plain "…", learners read ”…”."""
from __future__ import annotations

from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.source.context import PageContext
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.markdown import convert

QUESTION = '''::: fråga enval {#q}
Hotet "hänger i luften". Vilken form av våld är det?

- [x] "Latent" våld
- [ ] Annas 'ekonomiska' våld

förklaring: Det kallas "latent".
:::
'''


def converted(body: str, lang: str = "sv") -> tuple[str, PageContext]:
    ctx = PageContext(path="l.md", abs_path=Path("/none/lessons/l.md"), course_root=Path("/none"),
                      reporter=Reporter(), locator=LineLocator(body), audience_ids=set(), audience=None,
                      lesson_id="l", lang=lang)
    return "".join(convert(body, ctx)), ctx


def test_straight_quotes_become_swedish_ones_in_text_headings_and_callouts():
    html, ctx = converted('# En relation "nära"\n\nHon sa "hej" och det var Annas \'bok\'.\n\n'
                          '::: info Ordet "våld"\nText "här".\n:::\n')
    assert "Hon sa ”hej” och det var Annas ’bok’." in html
    assert "En relation ”nära”</h1>" in html
    assert "Ordet ”våld”" in html and "Text ”här”." in html
    assert '"' not in html.replace('="', "").replace('" ', "").replace('">', "")
    assert ctx.pages == [("l-1", "En relation ”nära”")]   # the contents, not a stash placeholder


def test_question_names_and_options_read_as_shown():
    html, ctx = converted("# Fråga\n\n" + QUESTION)
    q = ctx.questions[0]
    assert q.stem == "Hotet ”hänger i luften”. Vilken form av våld är det?"
    assert [c.text for c in q.choices] == ["”Latent” våld", "Annas ’ekonomiska’ våld"]
    assert "Det kallas ”latent”." in html
    assert f">{q.stem}</legend>" in html


def test_code_dashes_and_dots_are_left_as_typed():
    html, _ = converted('# Sida\n\nSkriv `"citat"` -- eller ... så.\n')
    assert '<code>"citat"</code> -- eller ... så.' in html


def test_english_courses_keep_the_quotes_the_author_typed():
    html, ctx = converted('# A "near" relation\n\nShe said "hi".\n\n' + QUESTION.replace("fråga enval", "question single"),
                          lang="en")
    assert 'She said "hi".' in html
    assert ctx.pages == [("l-1", 'A "near" relation')]
    assert ctx.questions[0].stem == 'Hotet "hänger i luften". Vilken form av våld är det?'
