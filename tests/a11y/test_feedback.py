"""Feedback and results are words in live regions, not colour (WCAG 1.4.1, 3.3.1, 4.1.3): what a
screen reader gets after "Kontrollera svar", and on the results page."""
from __future__ import annotations

import pytest

from a11y_walk import DRAWN, answer
from scorm_builder.runtime.playback import play

pytestmark = pytest.mark.playback
LIVE = "[data-question='kontroll-enval'] [role=status]"


def test_feedback_and_results_are_announced_as_text(every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        data = session.course_data()
        q = data["questions"]["kontroll-enval"]
        question = frame.locator("[data-question='kontroll-enval']")
        check = question.get_by_role("button", name="Kontrollera svar", exact=True)
        live = frame.locator(LIVE)
        seen["live before"] = live.get_attribute("aria-live")
        check.click()
        seen["unanswered"] = live.inner_text()
        answer(frame, q, right=False)
        check.click()
        seen["wrong"] = live.inner_text()
        answer(frame, q, right=True)
        check.click()
        seen["right"] = live.inner_text()
        frame.get_by_role("button", name="Nästa", exact=True).click()
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        for qid in frame.evaluate(DRAWN):
            answer(frame, data["questions"][qid], right=False)
        frame.get_by_role("button", name="Lämna in provet", exact=True).click()
        seen["focus"] = frame.evaluate("() => document.activeElement.textContent")
        seen["results"] = frame.locator(".sb-test-results").inner_text()
        seen["review"] = frame.locator(".sb-review > li .sb-verdict").all_inner_texts()

    run = play(every_type_packages["default"], learner, browser=playback_browser)
    assert run.errors == []
    assert seen["live before"] == "polite"       # the region exists before it changes
    assert seen["unanswered"] == "Du har inte svarat än."
    assert seen["wrong"].split("\n")[0] == "Fel svar."
    assert "Nej, det är Brottsofferjouren." in seen["wrong"] and "Inte riktigt." in seen["wrong"]
    assert seen["right"].split("\n")[0] == "Rätt svar." and "Ja." in seen["right"]
    assert "Nej, det är Brottsofferjouren." not in seen["right"]
    assert seen["focus"] == "Resultat"
    assert "Ditt resultat: 0 % rätt." in seen["results"]
    assert "Du är inte godkänd. Det krävs 80 % rätt." in seen["results"]
    assert seen["review"] == ["Fel"] * 6


def test_pages_read_are_marked_in_words_in_the_contents(every_type_packages, playback_browser):
    from playwright.sync_api import expect

    def learner(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa", exact=True).click()
        frame.get_by_role("button", name="Innehåll", exact=True).click()
        toc = frame.get_by_role("navigation", name="Innehåll", exact=True)
        # the name stays the page title (learners find pages by it); "read" is the description
        expect(toc.get_by_role("link", name="Frågor av alla slag", exact=True)).to_have_accessible_description("Läst")
        expect(toc.get_by_role("link", name="Slutprov", exact=True)).to_have_accessible_description("Läst")

    run = play(every_type_packages["ostersund"], learner, browser=playback_browser)
    assert run.errors == []
