"""Reflection (`::: fråga reflektion`): a free-text prompt, never graded and never sent to the
LMS. The text stays in the browser's localStorage only, and the page tells the learner so."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from evaluation_course import PROMPT, build
from learning import assert_clean, interactions

from scorm_builder import questions
from scorm_builder.cli import main
from scorm_builder.questions.reflection import OWN_TEXT
from scorm_builder.runtime.our_player import OurPlayer

SOURCE = """
::: fråga reflektion {#med-mig}
Vad tar du med dig från kursen?
:::
"""
KEY = "sb-reflection/utvardering/med-mig"


def test_record_and_data(page):
    q = page(SOURCE).question
    assert q.interaction_type is None and q.pattern() == ""
    assert q.to_data() == {"id": "med-mig", "type": "reflection", "stem": "Vad tar du med dig från kursen?",
                           "interaction": None, "pattern": "", "weighting": 0}
    assert questions.by_name("reflection") is questions.by_name("reflektion") is questions.of("reflection")


def test_a_labelled_text_area_the_privacy_note_and_no_check_button(page):
    html = page(SOURCE).html
    assert ('<p class="sb-private" id="qc-med-mig-private">Det du skriver här är bara för dig. Det skickas inte '
            'till lärplattformen') in html
    assert ('<label for="qc-med-mig-text">Dina tankar</label><textarea aria-describedby="qc-med-mig-private" '
            'id="qc-med-mig-text" maxlength="4000" name="q-med-mig" rows="5"></textarea>') in html
    assert '<button class="sb-clear" type="button">Radera min text</button>' in html
    assert "sb-check" not in html and "sb-fb-sent" not in html


def test_english(page):
    html = page(SOURCE.replace("reflektion", "reflection"), lang="en").html
    assert ">Your thoughts</label>" in html and "It is not sent to the learning platform" in html


def test_not_allowed_in_the_final_test(page):
    result = page(SOURCE, graded=True)
    assert result.questions == []
    assert result.diagnostics() == [
        '3: a "reflektion" question is not scored, so it cannot be part of the final test | '
        "put it in a lesson, for example a course evaluation before the test"]


def test_builds_and_validates_in_both_packagings(tmp_path):
    for packaging in ("single-sco", "multi-sco"):
        package = build(tmp_path / packaging, packaging)
        result = CliRunner().invoke(main, ["validate", str(package)])
        assert result.exit_code == 0, result.output


def sent_anywhere(run, text: str) -> list:
    """Every call to the LMS whose arguments carry `text`."""
    return [c for c in run.calls if any(text in str(a) for a in c.get("args", []))]


@pytest.mark.playback
@pytest.mark.parametrize("keyboard", [False, True])
def test_the_text_stays_in_the_browser_and_comes_back(play, tmp_path, keyboard):
    seen = {}

    def learner(session):
        session.launch()
        player = OurPlayer(session, keyboard=keyboard)
        player.answer(player.data["questions"]["med-mig"], right=True)
        box = player.frame.get_by_role("group", name=PROMPT, exact=True).get_by_role("textbox", name="Dina tankar")
        seen["described"] = box.evaluate("b => document.getElementById(b.getAttribute('aria-describedby')).textContent")
        seen["stored"] = player.frame.evaluate("k => localStorage.getItem(k)", KEY)
        player.read_pages()
        player.take_test(right=True)
        player.exit()
        session.unload()
        session.launch()
        player = OurPlayer(session)
        player.start_over()  # the first page again, with a fresh learner state: the text is not in it
        seen["again"] = player.frame.get_by_role("group", name=PROMPT, exact=True).get_by_role("textbox").input_value()
        player.frame.get_by_role("button", name="Radera min text", exact=True).click()
        seen["cleared"] = player.frame.evaluate("k => localStorage.getItem(k)", KEY)
        player.exit()

    run = play(build(tmp_path), learner)
    assert_clean(run)
    assert seen["stored"] == seen["again"] == OWN_TEXT
    assert seen["cleared"] is None
    assert "skickas inte till lärplattformen" in seen["described"]
    assert sent_anywhere(run, OWN_TEXT) == [] and sent_anywhere(run, "Mina egna") == []
    # the test's question is the only interaction of either launch
    assert [[r["id"] for r in interactions(launch.cmi)] for launch in run.launches] == [["vald-kan-vara-psykiskt"], []]
    assert all(OWN_TEXT not in json.dumps(launch.cmi) for launch in run.launches)
