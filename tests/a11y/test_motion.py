"""`prefers-reduced-motion: reduce` stops every transition and animation in the player and theme."""
from __future__ import annotations

import pytest

from scorm_builder.runtime.playback import play

pytestmark = pytest.mark.playback
# Elements that would move: a transition or animation longer than zero.
MOVING = """() => [...document.querySelectorAll('*')].filter(e => {
  const s = getComputedStyle(e);
  const long = v => v.split(',').some(t => parseFloat(t) > 0);
  return long(s.transitionDuration) || (s.animationName !== 'none' && long(s.animationDuration));
}).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""


@pytest.mark.parametrize("theme", ["default", "ostersund"])
def test_reduced_motion_is_honoured(theme, every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        seen["normal"] = frame.evaluate(MOVING)
        session.page.emulate_media(reduced_motion="reduce")
        seen["reduced"] = frame.evaluate(MOVING)

    play(every_type_packages[theme], learner, browser=playback_browser)
    assert "span.sb-progress-bar" in seen["normal"]   # the progress bar slides without the preference
    assert seen["reduced"] == []
