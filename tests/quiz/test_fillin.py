"""Fill-in: accepted answers split on |; case, surrounding space and Unicode forms ignored."""
import unicodedata

import pytest

SOURCE = """
::: fråga fritext
Från vilken ålder är man myndig i Sverige?

svar: arton | 18 |Artonår
:::
"""


def test_accepted_answers(page):
    q = page(SOURCE).question
    assert q.accepted == ["arton", "18", "Artonår"]
    assert q.pattern() == "arton"
    assert q.interaction_type == "fill-in"


def test_normalised_comparison(page):
    q = page(SOURCE).question
    assert q.is_correct("arton")
    assert q.is_correct("  ARTON ")
    assert q.is_correct("１８")  # full-width digits: NFKC
    assert q.is_correct(unicodedata.normalize("NFD", "artonår"))  # decomposed å
    assert not q.is_correct("sjutton")
    assert not q.is_correct("")


def test_textbox_named_your_answer(page):
    html = page(SOURCE).html
    assert '<label for="qc-fran-vilken-alder-ar-man-myndig-i-sverige-in">Ditt svar</label>' in html
    assert 'type="text"' in html and 'maxlength="255"' in html
    assert "arton" not in html


def test_typographic_quotes_match_typed_ones(page):
    q = page("""
    ::: fråga fritext
    Vem skrev boken?

    svar: O’Brien | Tim O‘Brien
    :::
    """).question
    assert q.is_correct("O'Brien") and q.is_correct("tim o'brien") and q.is_correct("O’Brien")
    assert not q.is_correct("OBrien")


def test_quoted_answers_and_comma_lists_are_warned_about(page):
    result = page("""
    ::: fråga fritext
    Från vilken ålder är man myndig?

    svar: ”arton” | Stockholm, Sverige | 1,5 | "18"
    :::
    """)
    assert result.diagnostics() == [  # with several answers, a comma is part of one
        '6: the accepted answer ”arton” is in quotation marks, so the learner would have to type them too | '
        'write the answer without quotation marks: "answer: arton"',
        '6: the accepted answer "18" is in quotation marks, so the learner would have to type them too | '
        'write the answer without quotation marks: "answer: 18"']
    assert result.question.accepted == ["”arton”", "Stockholm, Sverige", "1,5", '"18"']  # the question is kept


@pytest.mark.parametrize("answer,warned", [("arton, 18", True), ("arton,18", True), ("1,5", False),
                                           ("1,5 meter", False), ("arton", False)])
def test_a_comma_list_on_its_own_is_warned_about(page, answer, warned):
    result = page(f"""
    ::: fråga fritext
    Från vilken ålder är man myndig?

    svar: {answer}
    :::
    """)
    assert [d.code for d in result.reporter.diagnostics] == (["quiz.comma_in_answer"] if warned else [])
