"""Question ids: explicit, or an ASCII slug of the stem that does not depend on other questions."""
from html.parser import HTMLParser

from scorm_builder.source.quiz import slugify


def test_slug_folds_swedish_letters():
    assert slugify("Vad gör du när någon är rädd för våld?") == "vad-gor-du-nar-nagon-ar-radd-for-vald"
    assert slugify("Ärende Öst Åre") == "arende-ost-are"
    assert slugify("Café naïve") == "cafe-naive"


def test_slug_is_short_and_never_empty():
    long = slugify("ord " * 40)
    assert len(long) <= 48 and not long.endswith("-")
    assert slugify("???")[0] == "q" and len(slugify("???")) == 9
    assert slugify("???") != slugify("!!!")


def test_editing_one_question_keeps_the_others_id(page):
    one = """
    ::: fråga santfalskt
    Första frågan.

    svar: sant
    :::
    """
    two = """
    ::: fråga santfalskt
    Andra frågan.

    svar: sant
    :::
    """
    edited = one.replace("Första frågan.", "Första frågan, ändrad.")
    before = [q.id for q in page(one + two).questions]
    after = [q.id for q in page(edited + two).questions]
    assert before == ["forsta-fragan", "andra-fragan"]
    assert after == ["forsta-fragan-andrad", "andra-fragan"]


def test_explicit_id_wins(page):
    q = page("""
    ::: fråga santfalskt {#min_fraga-1}
    Text.

    svar: sant
    :::
    """).question
    assert q.id == "min_fraga-1"


def test_control_ids_never_clash_with_another_question(page):
    """Question "x" has an option a; question "x-a" exists too: every HTML id stays unique."""
    html = page("""
    ::: fråga enval {#x}
    Första?

    - [x] Ja
    - [ ] Nej
    :::

    ::: fråga santfalskt {#x-a}
    Andra?

    svar: sant
    :::
    """).html
    ids = []
    collector = HTMLParser()
    collector.handle_starttag = lambda tag, attrs: ids.extend(v for k, v in attrs if k == "id")
    collector.feed(html)
    assert len(ids) == len(set(ids)) and "q-x-a" in ids and "qc-x-a" in ids
