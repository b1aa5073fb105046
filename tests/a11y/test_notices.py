"""The player's notices in both themes: the resume offer at a relaunch, the standalone note (no
LMS), and the warning when saving fails. Each is audited by axe and measured at 320 px; the resume
offer takes the focus, and choosing from it moves the focus to the page's heading."""
from __future__ import annotations

from pathlib import Path

import pytest

from a11y_walk import THEMES, Audit
from scorm_builder.runtime.playback import play

pytestmark = pytest.mark.playback
ACTIVE = "() => [document.activeElement.tagName, document.activeElement.textContent.trim()]"


@pytest.mark.parametrize("theme", THEMES)
def test_notices_have_no_violations(theme, theme_packages, playback_browser):
    package = theme_packages[theme][0]
    name = Path(package).name
    audit = Audit(theme)
    seen = {}

    def resumes(session):
        frame = session.launch()
        for _ in range(3):
            frame.get_by_role("button", name="Nästa", exact=True).click()
        session.unload()                            # the learner closes the window mid-course
        frame = session.launch()
        seen["offer focus"] = frame.evaluate(ACTIVE)
        audit.check(session, name, "resume offer", whole=True)
        frame.get_by_role("button", name="Fortsätt där jag var", exact=True).click()
        seen["after resume"] = frame.evaluate(ACTIVE)
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    def standalone(session):
        session.launch()
        audit.check(session, name, "standalone note")

    def save_fails(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa", exact=True).click()
        frame.locator(".sb-note-warn").wait_for()
        audit.check(session, name, "save warning")

    assert play(package, resumes, browser=playback_browser).errors == []
    assert play(package, standalone, launch="standalone", browser=playback_browser).errors == []
    play(package, save_fails, faults=["commit-false"], browser=playback_browser)
    assert [s.split(" (")[1] for s in audit.states] == ["resume offer)", "standalone note)", "save warning)"]
    assert audit.audited == 6   # each notice at desktop width and at 320 px
    assert seen["offer focus"] == ["BUTTON", "Fortsätt där jag var"]
    assert seen["after resume"][0] == "H1"
    assert audit.axe == [], "\n".join(audit.axe)
    assert audit.reflow == [], "\n".join(audit.reflow)
