"""Build errors in question blocks: each at its file line, with the message and the hint.

The page body starts with "# Sida" and a blank line, so the block's opening fence is line 3.
"""
import pytest

from scorm_builder import questions
from scorm_builder.errors import Reporter

TYPES = ", ".join(questions.names())  # every registered type's source names, sorted

CASES = {
    "no_correct": ("""
        ::: fråga enval
        Vad?

        - [ ] Ja
        - [ ] Nej
        :::
        """, ['3: the question has no correct answer | mark the right answer as "- [x] …"']),
    "single_two_correct": ("""
        ::: fråga enval
        Vad?

        - [x] Ja
        - [ ] Nej
        - [x] Kanske
        :::
        """, ["8: a single-choice question has 2 correct answers | "
              "mark only one answer with [x], or make it a multiple-choice question"]),
    "fillin_without_answers": ("""
        ::: fråga fritext
        Hur gammal?

        svar: |
        :::
        """, ['3: the fill-in question has no accepted answers | '
              'write the accepted answers separated by |, for example "answer: eighteen | 18"']),
    "matching_unpaired": ("""
        ::: fråga para
        Para ihop.

        - Hot = Psykiskt
        - Slag
        - = Fysiskt
        :::
        """, ['7: "Slag" has no partner | write each pair as "- left = right"',
              '8: "= Fysiskt" has no partner | write each pair as "- left = right"']),
    "truefalse_without_answer": ("""
        ::: fråga santfalskt
        Stämmer det?
        :::
        """, ['3: the true/false question has no answer | write "answer: true" or "answer: false" after the question']),
    "truefalse_bad_word": ("""
        ::: fråga santfalskt
        Stämmer det?

        svar: kanske
        :::
        """, ['6: the answer "kanske" is neither true nor false | write "answer: true" or "answer: false"']),
    "unknown_type_guess": ("""
        ::: fråga flervall
        Vad?
        :::
        """, ['3: unknown question type "flervall" | did you mean "flerval"?']),
    "unknown_type": ("""
        ::: fråga zzz
        Vad?
        :::
        """, [f'3: unknown question type "zzz" | the types are: {TYPES}']),
    "no_type": ("""
        ::: fråga
        Vad?
        :::
        """, ['3: the question has no type | write the type after the name, for example "::: question single"; '
              f'the types are: {TYPES}']),
    "no_stem": ("""
        ::: fråga enval
        - [x] Ja
        - [ ] Nej
        :::
        """, ["3: the question has no question text | write the question on the lines before the answers"]),
    "bad_id": ("""
        ::: fråga santfalskt {#fråga-ett}
        Vad?

        svar: sant
        :::
        """, ['3: question id "fråga-ett" may only contain a-z, A-Z, 0-9, "-" and "_" (at most 80 characters) | '
              "the id names the question in the LMS's reports; write for example {#isdal-definition}"]),
    "bad_attribute": ("""
        ::: fråga santfalskt {poäng=2}
        Vad?

        svar: sant
        :::
        """, ['3: unknown setting "poäng=2" on the question\'s opening line | inside {…} go an id and audiences, '
              "for example {#my-id audience=managers,care}"]),
    "unexpected_text": ("""
        ::: fråga enval
        Vad?

        - [x] Ja
        - [ ] Nej

        Lös text här.
        :::
        """, ['9: unexpected text in the question: "Lös text här." | after the answers only correct:, incorrect: and '
              "explanation: may follow (and answer: in true/false and fill-in questions)"]),
    "duplicate_key": ("""
        ::: fråga santfalskt
        Vad?

        svar: sant
        rätt: Ja.
        rätt: Jo.
        :::
        """, ['8: "rätt:" appears twice in one question | write the text in one place; it may span several lines']),
    "ordering_one_item": ("""
        ::: fråga ordning
        Ordna.

        1. Ensam
        :::
        """, ["3: the question has 1 items to match or order, but needs at least 2 | "
              "write each item on its own line of the list"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_error(page, name):
    source, expected = CASES[name]
    result = page(source)
    assert result.diagnostics() == expected
    assert result.reporter.failed
    assert result.questions == []


def test_too_many_options_for_scorm_letters(page):
    options = "\n".join(f"- [{'x' if i == 0 else ' '}] Alternativ {i}" for i in range(27))
    result = page("::: fråga enval\nVilket?\n\n" + options + "\n:::\n")
    assert result.diagnostics() == ["32: the question has 27 answers, but SCORM 1.2 allows at most 26 | "
                                    "split it into several questions"]


def test_twenty_six_options_are_fine(page):
    options = "\n".join(f"- [{'x' if i == 25 else ' '}] Alternativ {i}" for i in range(26))
    q = page("::: fråga enval\nVilket?\n\n" + options + "\n:::\n").question
    assert q.pattern() == "z"


def test_too_many_pairs_for_single_digit_sources(page):
    pairs = "\n".join(f"- V{i} = H{i}" for i in range(10))
    result = page("::: fråga para\nPara.\n\n" + pairs + "\n:::\n")
    assert result.diagnostics() == ["15: the question has 10 answers, but SCORM 1.2 allows at most 9 | "
                                    "split it into several questions"]


def test_duplicate_ids_on_a_page(page):
    result = page("""
    ::: fråga santfalskt
    Samma fråga.

    svar: sant
    :::

    ::: fråga enval
    Samma fråga.

    - [x] Ja
    - [ ] Nej
    :::
    """)
    assert result.diagnostics() == ['9: question id "samma-fraga" is already used by the question at lessons/01.md:3 | '
                                    "give one of the questions its own id on the opening line, for example {#another-id}"]


def test_each_variant_rejects_a_broken_question(page):
    """The Reporter shows a repeated problem once; the second variant must still drop the question."""
    source = """
    ::: fråga enval
    Vad?

    - [ ] Ja
    - [ ] Nej
    :::
    """
    reporter = Reporter()
    first = page(source, audience="chefer", reporter=reporter)
    second = page(source, audience="omsorg", reporter=reporter)
    assert first.questions == second.questions == []
    assert len(reporter.errors) == 1


def test_errors_in_another_audiences_question_are_reported(page):
    result = page("""
    ::: fråga enval {målgrupp=chefer}
    Vad?

    - [x] Ja
    - [x] Nej
    :::
    """, audience="omsorg")
    assert [d.code for d in result.reporter.errors] == ["quiz.single_many_correct"]
    assert result.questions == []


def test_messages_in_swedish_by_default(page):
    result = page("""
    ::: fråga enval
    Vad?

    - [ ] Ja
    :::
    """)
    assert result.reporter.render("sv").split("\n") == [
        "lessons/01.md:3: error: frågan har inget rätt svar",
        '  hint: markera rätt svar som "- [x] …"',
        "1 fel, 0 varningar",
    ]


def test_the_type_list_names_every_built_in_type_in_both_languages():
    for names in (("enval", "single"), ("flerval", "multiple"), ("santfalskt", "truefalse"), ("fritext", "fillin"),
                  ("para", "matching"), ("ordning", "ordering")):
        assert all(name in TYPES.split(", ") for name in names)
