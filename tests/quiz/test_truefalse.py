"""True/false: `svar: sant|falskt` (or answer: true|false), radios named Sant and Falskt."""
import pytest


@pytest.mark.parametrize("word,answer,pattern", [
    ("sant", True, "t"), ("falskt", False, "f"), ("Sant", True, "t"), ("true", True, "t"), ("false", False, "f")])
def test_answer_words(page, word, answer, pattern):
    q = page(f"""
    ::: fråga santfalskt
    Våld i nära relation är alltid fysiskt.

    svar: {word}
    :::
    """).question
    assert q.answer is answer
    assert q.pattern() == pattern
    assert q.interaction_type == "true-false"
    assert q.is_correct(pattern)
    assert not q.is_correct("f" if answer else "t")
    assert q.to_data()["answer"] is answer


def test_radios_named_true_and_false(page):
    html = page("""
    ::: fråga santfalskt {#alltid-fysiskt}
    Våld är alltid fysiskt.

    svar: falskt
    fel: Våld kan också vara psykiskt.
    :::
    """).html
    assert ('<input id="qc-alltid-fysiskt-t" name="q-alltid-fysiskt" type="radio" value="t">'
            '<label for="qc-alltid-fysiskt-t">Sant</label>') in html
    assert '<label for="qc-alltid-fysiskt-f">Falskt</label>' in html
    assert '<div class="sb-fb sb-fb-incorrect" hidden>\n<p>Våld kan också vara psykiskt.</p>' in html
