"""Matching: `- left = right` pairs; a combobox per left item, targets lettered, pattern 1.a,2.b."""

SOURCE = """
::: fråga para {#former}
Para ihop handlingen med formen av våld.

- Knuffar = Fysiskt våld
- Tar lönen = Ekonomiskt våld
- Sprider bilder = Digitalt våld
- Slår = Fysiskt våld
:::
"""


def test_pairs_and_targets(page):
    q = page(SOURCE).question
    assert q.pairs == [("Knuffar", "Fysiskt våld"), ("Tar lönen", "Ekonomiskt våld"),
                       ("Sprider bilder", "Digitalt våld"), ("Slår", "Fysiskt våld")]
    assert q.targets() == ["Fysiskt våld", "Ekonomiskt våld", "Digitalt våld"]


def test_pattern_and_scoring(page):
    q = page(SOURCE).question
    assert q.interaction_type == "matching"
    assert q.pattern() == "1.a,2.b,3.c,4.a"
    assert q.is_correct("1.a,2.b,3.c,4.a")
    assert q.is_correct("4.a,3.c,2.b,1.a")
    assert not q.is_correct("1.a,2.b,3.c")
    assert not q.is_correct("1.b,2.a,3.c,4.a")


def test_comboboxes(page):
    html = page(SOURCE).html
    assert ('<div class="sb-select" data-item="2"><label for="qc-former-2">Tar lönen</label>'
            '<select id="qc-former-2" name="qc-former-2"><option value="">Välj …</option>'
            '<option value="a">Fysiskt våld</option><option value="b">Ekonomiskt våld</option>'
            '<option value="c">Digitalt våld</option></select></div>') in html


def test_course_data(page):
    data = page(SOURCE).question.to_data()
    assert data["pairs"][1] == ["Tar lönen", "Ekonomiskt våld"]
    assert data["targets"] == ["Fysiskt våld", "Ekonomiskt våld", "Digitalt våld"]
    assert data["pattern"] == "1.a,2.b,3.c,4.a"
