"""Ordering: a numbered list in the right order; a combobox per item with positions 1..n."""

SOURCE = """
::: fråga ordning {#steg}
I vilken ordning gör du?

1. Lyssna
2. Fråga om barn finns
3. Dokumentera
:::
"""


def test_sequence(page):
    q = page(SOURCE).question
    assert q.sequence == ["Lyssna", "Fråga om barn finns", "Dokumentera"]
    assert q.interaction_type == "sequencing"
    assert q.pattern() == "a,b,c"


def test_scoring(page):
    q = page(SOURCE).question
    assert q.is_correct("a,b,c")
    assert not q.is_correct("c,a,b")
    assert not q.is_correct("a,b")


def test_comboboxes_offer_positions(page):
    html = page(SOURCE).html
    assert ('<div class="sb-select" data-item="c"><label for="qc-steg-c">Dokumentera</label>'
            '<select id="qc-steg-c" name="qc-steg-c"><option value="">Välj …</option><option value="1">Plats 1 av 3</option>'
            '<option value="2">Plats 2 av 3</option><option value="3">Plats 3 av 3</option></select></div>') in html
