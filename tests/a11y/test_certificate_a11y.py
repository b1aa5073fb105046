"""The certificate page (course.yml `certificate`) in both themes: axe at the desktop size and at
320 px, no sideways scrolling at 200 % and 400 % zoom, on the results view and after Avsluta."""
from __future__ import annotations

import pytest

from a11y_walk import DRAWN, THEMES, Audit, answer
from scorm_builder.build import build_course
from scorm_builder.runtime.playback import play
from support import MINIMAL, write_course

pytestmark = pytest.mark.playback


@pytest.mark.parametrize("theme", THEMES)
def test_the_certificate_has_no_violations(theme, tmp_path, playback_browser):
    yml = MINIMAL["course.yml"].replace('version: "1.0"', f'version: "1.0"\n        theme: {theme}\n'
                                        '        certificate: ja')
    (package,) = build_course(write_course(tmp_path / "kurs", {**MINIMAL, "course.yml": yml}), tmp_path / "dist",
                              ["omsorg"])
    audit = Audit(theme)

    def passes(session):
        frame = session.launch()
        data = session.course_data()
        nxt = frame.get_by_role("button", name="Nästa", exact=True)
        while nxt.is_enabled():
            nxt.click()
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        for qid in frame.evaluate(DRAWN):
            answer(frame, data["questions"][qid], True)
        frame.get_by_role("button", name="Lämna in provet", exact=True).click()
        frame.get_by_role("button", name="Visa intyg", exact=True).click()
        audit.check(session, package.name, "certificate from the results", whole=True)
        frame.get_by_role("button", name="Tillbaka", exact=True).click()
        frame.get_by_role("button", name="Avsluta", exact=True).click()
        frame.get_by_role("button", name="Visa intyg", exact=True).click()
        audit.check(session, package.name, "certificate after Avsluta")

    run = play(package, passes, browser=playback_browser)
    assert run.errors == [], run.errors
    assert len(audit.states) == 2 and audit.audited >= 3
    assert audit.axe == [], "\n".join(audit.axe)
    assert audit.reflow == [], "\n".join(audit.reflow)
