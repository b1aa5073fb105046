"""Every state of every page of every package, in both themes: zero axe-core violations of the
WCAG 2.2 A and AA rules and axe's best practices at 1280 and 320 px, and no horizontal scrolling at 640 px (a 1280 px
window at 200 % zoom) or 320 px (400 %, or a phone) (WCAG 1.4.4, 1.4.10).

One walk per theme covers every audience package of the sample course and the every-question-type
course; the walk's findings are asserted by two tests so each failure says what kind it is.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from a11y_walk import THEMES, Audit, walk
from scorm_builder.runtime.playback import play

pytestmark = pytest.mark.playback


@pytest.fixture(scope="module", params=THEMES)
def audit(request, playback_browser, theme_packages, every_type_packages) -> Audit:
    theme = request.param
    audit = Audit(theme)
    packages = [(p, False) for p in theme_packages[theme]] + [(every_type_packages[theme], True)]
    for package, right in packages:
        run = play(package, lambda s, p=package, r=right: walk(s, audit, Path(p).name, right=r),
                   browser=playback_browser)
        assert run.errors == [], run.errors
    return audit


def test_every_page_has_no_axe_violations(audit):
    assert audit.audited >= 30, audit.states  # each distinct page state really went through axe
    assert audit.axe == [], f"{len(audit.axe)} axe violations (WCAG 2.2 AA, best practice; {audit.theme} theme):\n" + "\n".join(audit.axe)


def test_every_page_reflows_at_640_and_320_px(audit):
    # the sample's pages in every audience package, plus the state each walk adds: contents, feedback, test, results, closed
    assert len(audit.states) > 100
    assert audit.reflow == [], "\n".join(audit.reflow)
