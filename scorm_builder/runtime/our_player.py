"""A scripted learner's hands for our own player, by accessible roles and names only.

The names come from the course data's `strings` (the accessible-names contract at the end of
docs/architecture.md); the right answers from its `questions`, answered by each question type's
learner driver. With `keyboard=True` every action is done with the keyboard (runtime/hands.py).
"""
from __future__ import annotations

from scorm_builder import questions
from scorm_builder.errors import CatalogueError
from scorm_builder.i18n import t
from scorm_builder.runtime.hands import Hands
from scorm_builder.runtime.session import Session


class NotOurPackage(CatalogueError):
    """A learner made for our player met a page without our course data (a third-party package)."""

    def __init__(self, learner: str, href: str):
        super().__init__("play.not_our_package", learner=learner, href=href)


def is_our_page(path) -> bool:
    """Whether a launch page on disk is one of ours: it carries the course data (#sb-data)."""
    return path.is_file() and b'id="sb-data"' in path.read_bytes()


class OurPlayer:
    def __init__(self, session: Session, keyboard: bool = False):
        self.session = session
        self.frame = session.frame
        self.keyboard = keyboard
        self.data = session.course_data()
        if self.data is None:
            raise NotOurPackage(session.learner_name, session.sco.href)
        self.strings = self.data["strings"]
        self.hands = Hands(self.frame, self.strings, keyboard)
        self.titles = {p["id"]: p["title"] for p in self.data["pages"]}

    # ---- looking ---------------------------------------------------------------------------

    def text(self, key: str) -> str:
        return self.strings[key]

    def button(self, key: str, within=None):
        return (within or self.frame).get_by_role("button", name=self.text(key), exact=True)

    def current_page(self) -> str | None:
        """The id of the page on screen (the one page section without `hidden`)."""
        shown = self.frame.locator("section.sb-page:not([hidden])")
        return shown.first.get_attribute("data-page") if shown.count() else None

    def page_region(self, page_id: str):
        return self.frame.get_by_role("region", name=self.titles[page_id], exact=True)

    def screenshot(self) -> None:
        self.session.screenshot(self.current_page() or "page")

    # ---- acting ----------------------------------------------------------------------------

    def press(self, locator) -> None:
        self.hands.press(locator)

    def arrived(self) -> None:
        """Wait for the page asked for: pages load on demand (player/pages.js), and #sb-main is
        aria-busy until the page is shown."""
        self.frame.locator("#sb-main:not([aria-busy])").wait_for()

    def next(self) -> None:
        self.press(self.button("next"))
        self.arrived()
        self.screenshot()

    def exit(self) -> None:
        self.press(self.button("exit"))
        self.session.screenshot("exit")

    def resume(self) -> None:
        self.press(self.button("resume"))
        self.arrived()
        self.screenshot()

    def start_over(self) -> None:
        self.press(self.button("restart"))
        self.arrived()
        self.screenshot()

    def read_pages(self, count: int | None = None) -> None:
        """Turn `count` pages (default: up to the last page, or the test page when there is one)."""
        stop = self.data["test"]["page"] if self.data.get("test") else None
        turned = 0
        while count is None or turned < count:
            page, can_go_on = self.frame.evaluate(
                "name => [(document.querySelector('section.sb-page:not([hidden])') || {dataset: {}}).dataset.page || null,"
                " [...document.querySelectorAll('button')].some(b => b.textContent.trim() === name && !b.disabled)]",
                self.text("next"))
            if page == stop or not can_go_on:
                return
            self.next()
            turned += 1

    # ---- the test --------------------------------------------------------------------------

    def take_test(self, right: bool) -> list[str]:
        """Start the test, answer every drawn question right or wrong, submit; the drawn ids."""
        test = self.data["test"]
        region = self.page_region(test["page"])
        self.press(self.button("quiz_start", region))
        # the drawn questions are the groups the learner can now see on the test page (a group's
        # name is its legend, the stem); get_by_role leaves out hidden ones
        legends = set(region.get_by_role("group").evaluate_all(
            "els => els.map(e => ((e.querySelector('legend') || {}).textContent || '').replace(/\\s+/g, ' ').trim())"))
        drawn = [qid for qid in test["pool"] if " ".join(self.data["questions"][qid]["stem"].split()) in legends]
        expected = test.get("draw") or len(test["pool"])
        self.session.expect(len(drawn) == expected, t("play.outcome.drawn", found=len(drawn), expected=expected))
        for qid in drawn:
            self.answer(self.data["questions"][qid], right, region)
        self.session.screenshot("test")  # the questions, answered, before they are submitted
        self.press(self.button("quiz_submit", region))
        self.frame.get_by_role("heading", name=self.text("quiz_results"), exact=True).wait_for()
        self.session.screenshot("results")
        return drawn

    def answer(self, q: dict, right: bool, within=None) -> None:
        questions.answer(self.hands, q, right, within)
