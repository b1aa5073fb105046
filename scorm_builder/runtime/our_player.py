"""A scripted learner's hands for our own player, by accessible roles and names only.

The names come from the course data's `strings` (the accessible-names contract at the end of
docs/architecture.md); the right answers from its `questions`. With `keyboard=True` every action
is done with Tab, Shift+Tab, Enter, Space, the arrow keys and typing: no clicks.
"""
from __future__ import annotations

from scorm_builder.runtime.session import Session

MAX_TABS = 150
# How many Tab presses from the focused element to `target`, in the browser's sequential focus
# order (one stop per radio group); lets a keyboard learner press Tab n times, then check once.
TAB_DISTANCE = """target => {
  const sel = 'a[href], button, input, select, textarea, [tabindex]';
  const ok = el => !el.disabled && el.tabIndex >= 0 && el.type !== 'hidden' && !el.closest('[hidden], [inert]')
                   && el.getClientRects().length > 0;
  const seen = new Set();
  const stops = [...document.querySelectorAll(sel)].filter(ok).filter(el => {
    if (el.type !== 'radio' || !el.name) return true;
    const group = el.form ? el.form.elements[el.name] : document.getElementsByName(el.name);
    const members = [...(group.length === undefined ? [group] : group)].filter(ok);
    const stop = members.find(r => r.checked) || members[0];
    if (seen.has(el.name)) return false;
    seen.add(el.name);
    return el === stop || members.includes(target) && el === target;
  });
  const want = stops.indexOf(target);
  if (want < 0) return null;
  const active = document.activeElement;
  let from = stops.indexOf(active);
  if (from < 0) {  // focus is on a non-stop (a heading): count from the next stop after it
    from = stops.findIndex(el => active && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) - 1;
    if (from < -1) from = stops.length - 1;
  }
  return want - from;
}"""


class OurPlayer:
    def __init__(self, session: Session, keyboard: bool = False):
        self.session = session
        self.frame = session.frame
        self.keyboard = keyboard
        self.data = session.course_data()
        if self.data is None:
            raise ValueError(f"{session.sco.href} is not a scorm-builder page (no #sb-data)")
        self.strings = self.data["strings"]
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
        """Activate a control: click, or reach it with Tab and press Enter."""
        if self.keyboard:
            self.focus(locator)
            self.session.page.keyboard.press("Enter")
        else:
            locator.click()

    def focus(self, locator) -> None:
        """Tab (or Shift+Tab) until `locator` has the focus."""
        keyboard = self.session.page.keyboard
        distance = locator.evaluate(TAB_DISTANCE)
        if distance:
            for _ in range(abs(distance)):
                keyboard.press("Tab" if distance > 0 else "Shift+Tab")
        for key in ("Tab", "Shift+Tab"):  # the estimate was off (or null): one key at a time
            for _ in range(MAX_TABS):
                if locator.evaluate("el => el === document.activeElement"):
                    return
                keyboard.press(key)
        raise AssertionError(f"could not reach {locator} with the keyboard")

    def next(self) -> None:
        self.press(self.button("next"))
        self.screenshot()

    def exit(self) -> None:
        self.press(self.button("exit"))
        self.session.screenshot("exit")

    def resume(self) -> None:
        self.press(self.button("resume"))
        self.screenshot()

    def start_over(self) -> None:
        self.press(self.button("restart"))
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
        self.session.expect(len(drawn) == expected, f"found {len(drawn)} of the {expected} drawn questions by their names")
        for qid in drawn:
            self.answer(self.data["questions"][qid], right, region)
        self.press(self.button("quiz_submit", region))
        self.frame.get_by_role("heading", name=self.text("quiz_results"), exact=True).wait_for()
        self.session.screenshot("results")
        return drawn

    def answer(self, q: dict, right: bool, within=None) -> None:
        group = (within or self.frame).get_by_role("group", name=q["stem"], exact=True)
        kind = q["type"]
        if kind in ("single", "multiple"):
            wrong = [o["text"] for o in q["options"] if not o["correct"]]
            picks = [o["text"] for o in q["options"] if o["correct"]] if right else wrong[:1]
            role = "radio" if kind == "single" else "checkbox"
            for text in picks:
                self._check(group, role, text)
        elif kind == "truefalse":
            self._check(group, "radio", self.text("quiz_true" if q["answer"] == right else "quiz_false"))
        elif kind == "fillin":
            box = group.get_by_role("textbox", name=self.text("quiz_your_answer"))
            text = q["accepted"][0] if right else "vet inte"
            if self.keyboard:
                self.focus(box)
                self.session.page.keyboard.type(text)
            else:
                box.fill(text)
        elif kind == "matching":
            targets = q.get("targets") or [p[1] for p in q["pairs"]]
            for left, target in q["pairs"]:
                if not right:  # the next target over is wrong for every pair
                    target = targets[(targets.index(target) + 1) % len(targets)]
                self._select(group.get_by_role("combobox", name=left, exact=True), target)
        elif kind == "ordering":
            n = len(q["sequence"])
            for i, text in enumerate(q["sequence"]):
                self._select(group.get_by_role("combobox", name=text, exact=True), str(i + 1 if right else n - i))
        else:
            raise ValueError(f"unknown question type {kind}")

    def _check(self, group, role: str, name: str) -> None:
        target = group.get_by_role(role, name=name, exact=True)
        if not self.keyboard:
            target.check()
            return
        if role == "checkbox":
            self.focus(target)
            self.session.page.keyboard.press("Space")
            return
        # radios: Tab reaches the group, arrow keys move (and check) within it
        self.focus(group.get_by_role("radio").first)
        for _ in range(group.get_by_role("radio").count() + 1):
            if target.evaluate("el => el === document.activeElement"):
                break
            self.session.page.keyboard.press("ArrowDown")
        self.session.page.keyboard.press("Space")

    def _select(self, combobox, label: str) -> None:
        if not self.keyboard:
            combobox.select_option(label=label)
            return
        self.focus(combobox)
        labels = combobox.evaluate("s => [...s.options].map(o => o.label)")
        want = labels.index(label)
        now = combobox.evaluate("s => s.selectedIndex")
        key = "ArrowDown" if want > now else "ArrowUp"
        for _ in range(abs(want - now)):
            self.session.page.keyboard.press(key)
