"""A learner's hands on a page: check a box, choose in a list, type, press, by mouse or keyboard.

The question types' learner drivers (scorm_builder/questions/, `answer()`) act only through these
methods, so one driver per type serves the runtime's learners (runtime/our_player.py) and the
tests alike. With `keyboard=True` every action is done with Tab, Shift+Tab, Enter, Space, the
arrow keys and typing: no clicks.
"""
from __future__ import annotations

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
STRINGS = "() => { const d = document.getElementById('sb-data'); return d ? JSON.parse(d.textContent).strings : {}; }"


class Hands:
    """Acts in `frame` (a Playwright frame showing our player); `strings` are the course data's
    interface strings (read from the page when not given)."""

    def __init__(self, frame, strings: dict | None = None, keyboard: bool = False):
        self.frame, self.keyboard = frame, keyboard
        self.strings = strings if strings is not None else frame.evaluate(STRINGS)

    def text(self, key: str) -> str:
        return self.strings[key]

    @property
    def keys(self):
        return self.frame.page.keyboard

    def press(self, locator) -> None:
        """Activate a control: click, or reach it with Tab and press Enter."""
        if self.keyboard:
            self.focus(locator)
            self.keys.press("Enter")
        else:
            locator.click()

    def focus(self, locator) -> None:
        """Tab (or Shift+Tab) until `locator` has the focus."""
        distance = locator.evaluate(TAB_DISTANCE)
        if distance:
            for _ in range(abs(distance)):
                self.keys.press("Tab" if distance > 0 else "Shift+Tab")
        for key in ("Tab", "Shift+Tab"):  # the estimate was off (or null): one key at a time
            for _ in range(MAX_TABS):
                if locator.evaluate("el => el === document.activeElement"):
                    return
                self.keys.press(key)
        raise AssertionError(f"could not reach {locator} with the keyboard")

    def check(self, group, role: str, name: str) -> None:
        """Check the radio button or checkbox called `name` in `group`."""
        target = group.get_by_role(role, name=name, exact=True)
        if not self.keyboard:
            target.check()
            return
        if role == "checkbox":
            self.focus(target)
            self.keys.press("Space")
            return
        # radios: Tab reaches the group, arrow keys move (and check) within it
        self.focus(group.get_by_role("radio").first)
        for _ in range(group.get_by_role("radio").count() + 1):
            if target.evaluate("el => el === document.activeElement"):
                break
            self.keys.press("ArrowDown")
        self.keys.press("Space")

    def select(self, combobox, label: str) -> None:
        """Choose the option labelled `label` in a select."""
        if not self.keyboard:
            combobox.select_option(label=label)
            return
        self.focus(combobox)
        labels = combobox.evaluate("s => [...s.options].map(o => o.label)")
        want = labels.index(label)
        now = combobox.evaluate("s => s.selectedIndex")
        key = "ArrowDown" if want > now else "ArrowUp"
        for _ in range(abs(want - now)):
            self.keys.press(key)

    def fill(self, box, text: str) -> None:
        """Type `text` into a text box or text area."""
        if self.keyboard:
            self.focus(box)
            self.keys.type(text)
        else:
            box.fill(text)
