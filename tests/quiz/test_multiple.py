"""Multiple choice: several right options, any order in the response, checkboxes."""

SOURCE = """
::: fråga flerval
Vilka är former av våld?

- [x] Fysiskt våld
- [ ] Omtanke
- [x] Ekonomiskt våld
- [x] Digitalt våld
:::
"""


def test_parses_right_options(page):
    q = page(SOURCE).question
    assert q.type == "multiple"
    assert [c.id for c in q.choices if c.correct] == ["a", "c", "d"]


def test_scoring(page):
    q = page(SOURCE).question
    assert q.pattern() == "a,c,d"
    assert q.is_correct("a,c,d")
    assert q.is_correct("d,a,c")
    assert not q.is_correct("a,c")
    assert not q.is_correct("a,b,c,d")


def test_checkboxes(page):
    html = page(SOURCE).html
    assert '<input id="qc-vilka-ar-former-av-vald-b" name="q-vilka-ar-former-av-vald" type="checkbox" value="b">' in html


def test_single_right_option_is_fine(page):
    result = page("""
    ::: fråga flerval
    Vilka?

    - [x] En
    - [ ] Två
    :::
    """)
    assert result.question.pattern() == "a"
    assert not result.reporter.diagnostics
