"""Fill-in: accepted answers split on |; case, surrounding space and Unicode forms ignored."""
import unicodedata

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
