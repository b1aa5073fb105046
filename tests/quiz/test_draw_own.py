"""`draw_own`: every attempt of the final test holds at least that many questions aimed at the
package's audience alone, however the rest of the draw falls."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from learning import take_test

from scorm_builder.build import build_course
from scorm_builder.errors import BuildError, Reporter
from support import launch_data


def question(qid: str, audiences: str = "") -> str:
    aim = f" målgrupp={audiences}" if audiences else ""
    return f"""
::: fråga santfalskt {{#{qid}{aim}}}
Påstående {qid}.

svar: sant
:::
"""


# six for everyone, one for both audiences, two for chefer alone
QUESTIONS = "".join([question(f"alla-{i}") for i in range(6)] + [question("bada", "chefer,omsorg")]
                    + [question("chef-1", "chefer"), question("chef-2", "chefer")])


def make_course(tmp_path: Path, settings: str, questions: str = QUESTIONS) -> Path:
    course = tmp_path / "egna"
    (course / "lessons").mkdir(parents=True)
    (course / "course.yml").write_text(textwrap.dedent("""\
        id: egna
        title: Egna frågor
        version: "1.0"
        audiences:
          - id: chefer
            title: Chefer
          - id: omsorg
            title: Omsorgspersonal
        lessons:
          - slutprov
        """), encoding="utf-8")
    (course / "lessons" / "slutprov.md").write_text(
        "---\ntitle: Slutprov\ntype: test\n" + textwrap.dedent(settings) + "---\nInledning.\n" + questions,
        encoding="utf-8")
    return course



def build_errors(course: Path, **options) -> list[tuple[str, int, str]]:
    reporter = Reporter()
    with pytest.raises(BuildError):
        build_course(course, course.parent / "dist", reporter=reporter, **options)
    return [(d.code, d.line, d.message("en")) for d in reporter.errors]


def test_the_package_knows_its_own_questions(tmp_path):
    course = make_course(tmp_path, "draw: 3\ndraw_own: 2\n")
    package = build_course(course, tmp_path / "dist", audiences=["chefer"])[0]
    test = launch_data(package)["test"]
    assert test["own"] == ["chef-1", "chef-2"]   # not "bada": omsorg answers it too
    assert test["drawOwn"] == 2 and test["draw"] == 3


def test_draw_own_larger_than_draw(tmp_path):
    course = make_course(tmp_path, "draw: 2\ndraw_own: 3\n")
    assert build_errors(course, audiences=["chefer"]) == [
        ("quiz.draw_own_over_draw", 5, "draw_own is 3, but the test draws only 2 questions")]


def test_an_audience_with_too_few_own_questions_is_named(tmp_path):
    course = make_course(tmp_path, "draw: 3\ndraw_own: 2\n")
    assert build_errors(course) == [
        ("quiz.draw_own_too_large", 4,
         "draw_own is 2, but the package egna-1.0-omsorg has only 0 questions that only its audience gets")]


@pytest.mark.playback
def test_every_attempt_holds_the_own_questions(play, tmp_path):
    # Without draw_own, 3 of these 9 questions hold both chefer questions in 1 draw of 12; five
    # attempts in a row that all do would be chance once in about 250 000.
    course = make_course(tmp_path, "draw: 3\ndraw_own: 2\npass_mark: 100\n")
    package = build_course(course, tmp_path / "dist", audiences=["chefer"])[0]
    draws = []

    def learner(session):
        frame = session.launch()
        data = session.course_data()
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        for attempt in range(5):
            if attempt:
                frame.get_by_role("button", name="Gör om provet", exact=True).click()
            draws.append(take_test(frame, data, lambda i: False))
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert run.errors == []
    assert len(draws) == 5
    for drawn in draws:
        assert len(drawn) == 3 and {"chef-1", "chef-2"} <= set(drawn), drawn
