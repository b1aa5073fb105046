"""check_unique_ids: question ids are unique across the course's files."""
from scorm_builder.errors import Reporter
from scorm_builder.questions.truefalse import TrueFalse
from scorm_builder.source.quiz import check_unique_ids

POOL = [TrueFalse(id=f"q{i}", stem=f"Fråga {i}", answer=True) for i in range(5)]


def messages(reporter):
    return [f"{d.path}:{d.line}: {d.message('en')} | {d.hint('en')}" for d in reporter.diagnostics]


def test_duplicate_ids_across_files():
    a = TrueFalse(id="samma", stem="A", path="lessons/01.md", line=4, answer=True)
    b = TrueFalse(id="samma", stem="B", path="lessons/03.md", line=9, answer=False)
    reporter = Reporter()
    check_unique_ids([a, POOL[0], b], reporter)
    assert messages(reporter) == ['lessons/03.md:9: question id "samma" is already used by the question at '
                                  'lessons/01.md:4 | give one of the questions its own id on the opening line, '
                                  "for example {#another-id}"]


def test_pass_mark_and_draw_are_checked_once_when_read(make_course):
    """course.yml and front matter options are validated in one place (source/config.py)."""
    from scorm_builder.source.loader import load_course

    test = ("---\ntitle: Slutprov\ntype: test\npass_mark: 120\ndraw: 0\n---\n"
            "::: fråga santfalskt\nSant?\n\nsvar: sant\n:::\n")
    reporter = Reporter()
    load_course(make_course({"lessons/slutprov.md": test}), reporter)
    assert [(d.code, d.line, d.params["key"]) for d in reporter.diagnostics] == [
        ("config.out_of_range", 4, "pass_mark"), ("config.out_of_range", 5, "draw")]
