"""Likert (`::: fråga skala`): a statement rated 1-5, never right or wrong, sent to the LMS as a
SCORM 1.2 likert interaction when the learner presses Skicka svar; never in the final test."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from evaluation_course import STATEMENT, build
from learning import assert_clean, interactions

from scorm_builder import questions
from scorm_builder.cli import main
from scorm_builder.runtime.our_player import OurPlayer

SOURCE = """
::: fråga skala {#nytta}
Kursen var till **nytta** i mitt arbete.

förklaring: Tack! Svaren hjälper oss att göra kursen bättre.
:::
"""


def test_record_and_data(page):
    q = page(SOURCE).question
    assert q.interaction_type == "likert"
    assert q.pattern() == "" and not q.is_correct("5")
    assert q.to_data() == {"id": "nytta", "type": "likert", "stem": "Kursen var till nytta i mitt arbete.",
                           "interaction": "likert", "pattern": "", "weighting": 0}
    assert questions.by_name("likert") is questions.by_name("skala") is questions.of("likert")


def test_five_radios_named_by_the_scale_a_send_button_and_a_thank_you(page):
    html = page(SOURCE).html
    labels = ["Instämmer inte alls", "Instämmer till liten del", "Instämmer delvis", "Instämmer till stor del",
              "Instämmer helt"]
    for value, label in enumerate(labels, start=1):
        assert (f'<input id="qc-nytta-{value}" name="q-nytta" type="radio" value="{value}">'
                f'<label for="qc-nytta-{value}">{label}</label>') in html
    assert '<button class="sb-check" type="button">Skicka svar</button>' in html
    assert '<p class="sb-fb sb-fb-sent" hidden>Tack, ditt svar är skickat.</p>' in html
    assert "Kontrollera svar" not in html


def test_english_scale(page):
    html = page(SOURCE.replace("skala", "likert"), lang="en").html
    assert '<label for="qc-nytta-1">Strongly disagree</label>' in html and ">Send answer</button>" in html


def test_not_allowed_in_the_final_test(page):
    result = page(SOURCE, graded=True)
    assert result.questions == []
    assert result.diagnostics() == [
        '3: a "skala" question is not scored, so it cannot be part of the final test | '
        "put it in a lesson, for example a course evaluation before the test"]


def test_builds_and_validates(tmp_path):
    package = build(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(package)])
    assert result.exit_code == 0, result.output


@pytest.mark.playback
@pytest.mark.parametrize("learner", ["passes", "reads-everything", "keyboard-only"])
def test_built_in_learners_play_a_course_with_an_evaluation(play, tmp_path, learner):
    run = play(build(tmp_path), learner)
    assert_clean(run)
    assert run.cmi["cmi.core.lesson_status"] == "passed"


@pytest.mark.playback
@pytest.mark.parametrize("keyboard,launch,lms", [(False, "iframe", "strict"), (True, "popup", "moodle")])
def test_sent_rating_is_a_likert_interaction(play, tmp_path, keyboard, launch, lms):
    seen = {}

    def learner(session):
        session.launch()
        player = OurPlayer(session, keyboard=keyboard)
        q = player.data["questions"]["nytta"]
        player.answer(q, right=True)  # the top of the scale
        group = player.frame.get_by_role("group", name=STATEMENT, exact=True).locator("xpath=..")
        player.press(group.get_by_role("button", name="Skicka svar", exact=True))
        seen["said"] = group.get_by_role("status").inner_text()
        player.exit()

    run = play(build(tmp_path), learner, launch=launch, lms=lms)
    assert_clean(run)
    assert seen["said"] == "Tack, ditt svar är skickat."
    [record] = interactions(run.cmi)
    assert {k: record[k] for k in ("id", "type", "student_response", "result", "weighting")} == {
        "id": "nytta", "type": "likert", "student_response": "5", "result": "neutral", "weighting": "0"}
    assert questions.of("likert").record.response_format.match(record["student_response"])
    assert "correct_responses.0.pattern" not in record


@pytest.mark.playback
def test_without_an_lms_the_rating_is_thanked_for_and_nothing_breaks(play, tmp_path):
    seen = {}

    def learner(session):
        session.launch()
        player = OurPlayer(session)
        player.answer(player.data["questions"]["nytta"], right=False)
        group = player.frame.get_by_role("group", name=STATEMENT, exact=True).locator("xpath=..")
        group.get_by_role("button", name="Skicka svar", exact=True).click()
        seen["said"] = group.get_by_role("status").inner_text()

    run = play(build(tmp_path), learner, launch="standalone")
    assert run.errors == []
    assert seen["said"] == "Tack, ditt svar är skickat."
