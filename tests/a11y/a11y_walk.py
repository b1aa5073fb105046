"""A learner who shows every state of every page once and checks each: axe-core (WCAG 2.2 AA and
best practice, `a11y.OUR_TAGS`)
at the desktop size and at 320 px, and reflow (no horizontal scrolling) at 640 px (a 1280 px
window at 200 % zoom) and 320 px (400 %, or a phone).

One launch per package: pages are reached with the player's own Nästa button, never by reloading.
A state whose visible DOM was already audited in the same theme (an identical page in another
audience's package) is not run through axe again; its reflow is still measured. The first page of
each package is audited with the whole document (every page's ids), the rest page by page.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from scorm_builder import questions
from scorm_builder.runtime import a11y
from scorm_builder.runtime.hands import Hands
from scorm_builder.runtime.browser import VIEWPORT

THEMES = ("ostersund", "default")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}
ZOOMED = {"width": 640, "height": 384}   # a 1280 x 768 window at 200 % zoom
# The visible DOM, without the course title (the audience's name is all that differs there).
SIGNATURE = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('[hidden], script').forEach(e => e.remove());
  body.querySelectorAll('.sb-course-title').forEach(e => { e.textContent = ''; });
  return body.innerHTML;
}"""
DRAWN = "() => [...document.querySelectorAll('.sb-test-attempt .sb-question')].map(e => e.dataset.question)"
CHECKS = """() => [...document.querySelectorAll('section.sb-page:not([hidden]):not(.sb-test) .sb-question')]
                 .map(e => e.dataset.question)"""


@dataclass
class Audit:
    """What one theme's walk found: axe lines and reflow overflows, each naming package and page."""
    theme: str
    seen: set = field(default_factory=set)
    axe: list = field(default_factory=list)
    reflow: list = field(default_factory=list)
    states: list = field(default_factory=list)
    audited: int = 0

    def check(self, session, package: str, label: str = "", whole: bool = False) -> None:
        """axe on this state unless seen (with `whole`, also the other pages' ids), at 1280 px
        and again at 320 px (where tables may scroll and the contents become a dialog); and
        reflow at 640 px (200 % zoom) and 320 px."""
        frame = session.frame
        name = a11y.current_page(frame, "closed") + (f" ({label})" if label else "")
        self.states.append(f"{package}: {name}")
        try:
            session.page.set_viewport_size(DESKTOP)
            self._axe(frame, package, name, whole)
            session.page.set_viewport_size(ZOOMED)
            self._reflow(frame, package, name, ZOOMED)
            session.page.set_viewport_size(PHONE)
            self._axe(frame, package, f"{name} at {PHONE['width']} px", False)
            self._reflow(frame, package, name, PHONE)
        finally:
            session.page.set_viewport_size(VIEWPORT)

    def _reflow(self, frame, package: str, name: str, size: dict) -> None:
        width = frame.evaluate("() => document.documentElement.scrollWidth")
        if width > size["width"]:
            self.reflow.append(f"{package}: {name}: scrollWidth {width} > {size['width']}")

    def _axe(self, frame, package: str, name: str, whole: bool) -> None:
        key = hashlib.sha1(f"{frame.evaluate('() => innerWidth')}:{frame.evaluate(SIGNATURE)}".encode()).hexdigest()
        if whole or key not in self.seen:
            self.seen.add(key)
            self.audited += 1
            self.axe += [f"{package}: {line}" for line in a11y.lines(a11y.audit(frame, name, whole, tags=a11y.OUR_TAGS))]

    def every_page(self, session, package: str) -> None:
        """axe over the whole document once the walk has loaded every page (they load on demand),
        so ids are checked across all pages."""
        name = a11y.current_page(session.frame) + " (every page loaded)"
        self.states.append(f"{package}: {name}")
        session.page.set_viewport_size(DESKTOP)
        try:
            self._axe(session.frame, package, name, True)
        finally:
            session.page.set_viewport_size(VIEWPORT)

    def check_phone_contents(self, session, package: str) -> None:
        """The contents as a dialog at 320 px: axe and reflow."""
        frame = session.frame
        session.page.set_viewport_size(PHONE)
        try:
            frame.get_by_role("button", name="Innehåll", exact=True).click()
            frame.get_by_role("dialog").wait_for()
            name = a11y.current_page(frame) + f" (contents dialog at {PHONE['width']} px)"
            self.states.append(f"{package}: {name}")
            # whole: the contents' links are in-page links, and axe's skip-link rule wants their targets
            self._axe(frame, package, name, True)
            self._reflow(frame, package, name, PHONE)
            session.page.keyboard.press("Escape")
        finally:
            session.page.set_viewport_size(VIEWPORT)


def answer(frame, q: dict, right: bool) -> None:
    """Answer one question through its accessible names only, right or wrong (its type's driver)."""
    questions.answer(Hands(frame), q, right)


def walk(session, audit: Audit, package: str, right: bool = False) -> None:
    """Every page; knowledge checks answered (feedback shown); the test started and submitted
    (`right` decides pass or fail); the contents open, and as a dialog on a phone; and the closed
    page after Avsluta."""
    frame = session.launch()
    data = session.course_data()
    audit.check(session, package, whole=True)
    toggle = frame.get_by_role("button", name="Innehåll", exact=True)
    toggle.click()
    audit.check(session, package, "contents open")
    toggle.click()
    audit.check_phone_contents(session, package)
    nxt = frame.get_by_role("button", name="Nästa", exact=True)
    while True:
        checks = frame.evaluate(CHECKS)
        if checks:
            for qid in checks:
                answer(frame, data["questions"][qid], right)
                button = frame.locator(f".sb-question[data-question='{qid}'] .sb-check")  # none: a reflection
                if button.count():
                    button.click()
            audit.check(session, package, "feedback shown")
        start = frame.get_by_role("button", name="Starta provet", exact=True)
        if start.count():
            start.click()
            audit.check(session, package, "test started")
            for qid in frame.evaluate(DRAWN):
                answer(frame, data["questions"][qid], right)
            frame.get_by_role("button", name="Lämna in provet", exact=True).click()
            audit.check(session, package, "results")
        if not nxt.is_enabled():
            break
        nxt.click()
        frame.locator("#sb-main:not([aria-busy])").wait_for()   # the next page is here
        audit.check(session, package)
    audit.every_page(session, package)
    frame.get_by_role("button", name="Avsluta", exact=True).click()
    audit.check(session, package, "closed")
