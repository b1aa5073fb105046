"""suspend_data budget: 200 answered knowledge checks plus a 12-question attempt fit in 4096.

Played on the sample course (the largest we have): every page seen, a real attempt with all 12
answers given through the form, then 200 knowledge-check answers of every type in quiz.js's format
(the sample course has fewer checks than that), encoded by the player's own codec.
"""
from __future__ import annotations

import json

import pytest

from learning import DRAWN, answer, read_everything

pytestmark = pytest.mark.playback

ANSWERS = ["b", "a,c,d", "t", "arton år", "1.a,2.b,3.c,4.a", "2,1,4,3", "020-50 50 50", "f", "c", "a,b"]


def test_two_hundred_checks_and_an_attempt_fit(play, package):
    seen = {}

    def learner(session):
        frame = session.launch()
        data = session.course_data()
        seen["pages"] = len(data["pages"])
        read_everything(frame)
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        for qid in frame.evaluate(DRAWN):
            answer(frame, data["questions"][qid], True)
        seen["encoded"] = frame.evaluate("""answers => {
            const k = {};
            for (let i = 0; i < 200; i++) k[(i + 40).toString(36)] = answers[i % answers.length];
            SB.state.q.k = k;
            return SB.progress.encode(SB.state, SB.data);
        }""", ANSWERS)
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert run.errors == []
    encoded = seen["encoded"]
    assert encoded is not None and len(encoded) <= 3500, len(encoded or "")  # room for a larger course
    state = json.loads(encoded)
    assert len(state["q"]["k"]) == 200
    assert len(state["q"]["t"]["d"]) == 12 and all(state["q"]["t"]["r"])
    assert seen["pages"] > 20 and len(state["k"].split(",")) == seen["pages"]  # every page seen, by key
