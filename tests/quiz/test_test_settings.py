"""check_test and check_unique_ids: the checks the loader runs once it has every question."""
from types import SimpleNamespace

import pytest

from scorm_builder.errors import Reporter
from scorm_builder.questions.truefalse import TrueFalse
from scorm_builder.source.quiz import check_test, check_unique_ids

POOL = [TrueFalse(id=f"q{i}", stem=f"Fråga {i}", answer=True) for i in range(5)]


def messages(reporter):
    return [f"{d.path}:{d.line}: {d.message('en')} | {d.hint('en')}" for d in reporter.diagnostics]


@pytest.mark.parametrize("settings", [{"pass_mark": 80, "draw": 5}, {"pass_mark": 0}, {"pass_mark": 100, "draw": 1},
                                      {"pass_mark": 72.5, "draw": None}, {}])
def test_valid_settings(settings):
    reporter = Reporter()
    check_test(settings, POOL, reporter, "lessons/slutprov.md", 1)
    assert reporter.diagnostics == []


def test_draw_larger_than_pool():
    reporter = Reporter()
    check_test({"pass_mark": 80, "draw": 12}, POOL, reporter, "lessons/slutprov.md", 5)
    assert messages(reporter) == ["lessons/slutprov.md:5: draw is 12, but the test has only 5 questions | "
                                  "lower draw or add questions (questions for other audiences do not count)"]


@pytest.mark.parametrize("value", [101, -1, "80%", True])
def test_pass_mark_outside_range(value):
    reporter = Reporter()
    check_test({"pass_mark": value}, POOL, reporter, "lessons/slutprov.md", 4)
    assert messages(reporter) == [f"lessons/slutprov.md:4: pass_mark must be a number from 0 to 100, got {value} | "
                                  'write for example "pass_mark: 80" (per cent right needed to pass)']


@pytest.mark.parametrize("value", [0, "tolv", 2.5])
def test_draw_not_a_positive_whole_number(value):
    reporter = Reporter()
    check_test({"draw": value}, POOL, reporter, "lessons/slutprov.md", 6)
    assert [d.code for d in reporter.diagnostics] == ["quiz.draw_invalid"]


def test_settings_as_an_object():
    reporter = Reporter()
    check_test(SimpleNamespace(pass_mark=80, draw=6), POOL, reporter, "lessons/slutprov.md", 2)
    assert [d.code for d in reporter.diagnostics] == ["quiz.draw_too_large"]


def test_duplicate_ids_across_files():
    a = TrueFalse(id="samma", stem="A", path="lessons/01.md", line=4, answer=True)
    b = TrueFalse(id="samma", stem="B", path="lessons/03.md", line=9, answer=False)
    reporter = Reporter()
    check_unique_ids([a, POOL[0], b], reporter)
    assert messages(reporter) == ['lessons/03.md:9: question id "samma" is already used by the question at '
                                  'lessons/01.md:4 | give one of the questions its own id on the opening line, '
                                  "for example {#another-id}"]
