"""Single choice: one right option, per-option feedback, pinned options, the form and the pattern."""
from scorm_builder.questions.single import Choice

SOURCE = """
::: fråga enval {#isdal-definition}
Isdals **definition** av våld omfattar:

- [ ] bara fysisk skada
- [x] handlingar som skadar, smärtar, skrämmer eller kränker
- [ ] bara brott
  > Nej: våld omfattar *också* handlingar som inte är brott.
- [ ] Inget av ovanstående {sist}

rätt: Ja, definitionen är bredare.
fel: Inte riktigt.
förklaring: Per Isdals definition (2001)
används ofta.
:::
"""


def test_parses_options_letters_and_pinned(page):
    q = page(SOURCE).question
    assert q.id == "isdal-definition"
    assert q.type == "single"
    assert q.stem == "Isdals definition av våld omfattar:"
    assert q.choices == [
        Choice("a", "bara fysisk skada", False),
        Choice("b", "handlingar som skadar, smärtar, skrämmer eller kränker", True),
        Choice("c", "bara brott", False),
        Choice("d", "Inget av ovanstående", False, pinned=True),
    ]
    assert q.line == 3


def test_scoring_and_pattern(page):
    q = page(SOURCE).question
    assert q.interaction_type == "choice"
    assert q.pattern() == "b"
    assert q.is_correct("b")
    assert not q.is_correct("a")
    assert not q.is_correct("")


def test_form_html(page):
    html = page(SOURCE).html
    assert '<legend class="sb-stem">Isdals <strong>definition</strong> av våld omfattar:</legend>' in html
    assert ('<input id="qc-isdal-definition-b" name="q-isdal-definition" type="radio" value="b">'
            '<label for="qc-isdal-definition-b">handlingar som skadar, smärtar, skrämmer eller kränker</label>') in html
    assert '<button class="sb-check" type="button">Kontrollera svar</button>' in html
    assert '<div aria-live="polite" class="sb-feedback" role="status">' in html
    assert ('<div class="sb-fb sb-fb-option" data-option="c" hidden>\n'
            '<p>Nej: våld omfattar <em>också</em> handlingar som inte är brott.</p>') in html
    assert '<div class="sb-fb sb-fb-explanation" hidden>\n<p>Per Isdals definition (2001)\nanvänds ofta.</p>' in html
    assert "{sist}" not in html


def test_answer_key_stays_out_of_html(page):
    html = page(SOURCE).html
    assert "correct" not in html.replace("sb-fb-correct", "").replace("incorrect", "")


def test_course_data(page):
    data = page(SOURCE).question.to_data()
    assert data == {
        "id": "isdal-definition", "type": "single", "stem": "Isdals definition av våld omfattar:",
        "interaction": "choice", "pattern": "b", "weighting": 1,
        "options": [
            {"id": "a", "text": "bara fysisk skada", "correct": False},
            {"id": "b", "text": "handlingar som skadar, smärtar, skrämmer eller kränker", "correct": True},
            {"id": "c", "text": "bara brott", "correct": False},
            {"id": "d", "text": "Inget av ovanstående", "correct": False, "pinned": True},
        ],
    }


def test_english_names_and_interface_language(page):
    result = page("""
    ::: question single
    Which one?

    - [x] This
    - [ ] That

    correct: Yes.
    :::
    """, lang="en")
    assert result.question.choices[0].correct
    assert '<button class="sb-check" type="button">Check answer</button>' in result.html
    assert '<div class="sb-fb sb-fb-correct" hidden>\n<p>Yes.</p>' in result.html


def test_context_before_the_question_stays_above_the_group(page):
    result = page("""
    ::: fråga enval
    Anna berättar att hon är rädd för sin partner.

    Vad gör du först?

    - [x] Lyssnar
    - [ ] Ringer polisen direkt
    :::
    """)
    assert result.question.stem == "Vad gör du först?"
    assert ('<div class="sb-stem-context">\n<p>Anna berättar att hon är rädd för sin partner.</p>\n</div>\n'
            '<fieldset class="sb-group">\n<legend class="sb-stem">Vad gör du först?</legend>') in result.html


def test_graded_question_has_no_check_button(page):
    result = page("""
    ::: fråga enval
    Vad?

    - [x] Ja
    - [ ] Nej
    :::
    """, graded=True)
    assert result.question.graded
    assert "sb-check" not in result.html


def test_plain_text_names_resolve_markdown_escapes_and_entities(page):
    q = page(r"""
    ::: fråga enval
    Är 5 \* 3 &lt; 20 enligt `kod` och [lagen](https://example.org)?

    - [x] Ja, **helt** &amp; hållet
    - [ ] Nej \_inte\_
    :::
    """).question
    assert q.stem == "Är 5 * 3 < 20 enligt kod och lagen?"
    assert [c.text for c in q.choices] == ["Ja, helt & hållet", "Nej _inte_"]
