"""Keyboard and focus (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7): the keyboard-only learner completes the
sample course and passes; the focus is always visible; a page change moves it to the new page's
heading; the contents dialog on a phone keeps it inside and gives it back to its button."""
from __future__ import annotations

import pytest

from a11y_walk import PHONE
from scorm_builder.runtime.browser import VIEWPORT
from scorm_builder.runtime.playback import play

pytestmark = pytest.mark.playback

# How the focused element shows it: a drawn outline at least 2 px wide, or nothing (a failure).
FOCUS_RING = """() => {
  const el = document.activeElement, s = getComputedStyle(el);
  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const label = el.id || el.textContent.trim().slice(0, 40) || el.getAttribute('aria-label') || el.tagName;
  return [el === document.body ? null : el.tagName.toLowerCase() + ': ' + label, ring, el.matches(':focus-visible'),
          [...document.querySelectorAll('*')].indexOf(el)];
}"""
ACTIVE = "() => [document.activeElement.tagName, document.activeElement.id, document.activeElement.textContent.trim()]"


def test_the_keyboard_only_learner_completes_the_sample_course_and_passes(theme_packages, playback_browser):
    run = play(theme_packages["ostersund"][1], "keyboard-only", browser=playback_browser)
    assert run.errors == [] and run.violations == []
    assert run.cmi["cmi.core.lesson_status"] == "passed"
    assert run.cmi["cmi.core.score.raw"] == "100"


def test_focus_is_visible_on_every_stop_and_page_changes_focus_the_heading(every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        keys = session.page.keyboard
        stops = []
        frame.locator("body").focus()
        for _ in range(60):                      # the whole tab order of the first page, shell included
            keys.press("Tab")
            stop = frame.evaluate(FOCUS_RING)
            if stop[0] is None or stop[3] in [s[3] for s in stops]:
                break
            stops.append(stop)
        seen["stops"] = stops
        frame.get_by_role("button", name="Nästa", exact=True).focus()
        keys.press("Enter")
        seen["after next"] = frame.evaluate(ACTIVE)
        seen["heading ring"] = frame.evaluate(FOCUS_RING)
        frame.get_by_role("button", name="Föregående", exact=True).focus()
        keys.press("Space")
        seen["after previous"] = frame.evaluate(ACTIVE)
        frame.get_by_role("button", name="Avsluta", exact=True).focus()
        keys.press("Enter")
        seen["after exit"] = frame.evaluate(ACTIVE)

    run = play(every_type_packages["ostersund"], learner, browser=playback_browser)
    assert run.errors == []
    names = [s[0] for s in seen["stops"]]
    assert names[0] == "a: Hoppa till innehållet"
    assert {"button: sb-toc-toggle", "button: sb-exit", "button: sb-next"} <= set(names), names
    assert sum(n.startswith("select: ") for n in names) == 6 and "input: qc-kontroll-fritext-in" in names
    assert [s for s in seen["stops"] if not (s[1] and s[2])] == []   # every stop draws a visible ring
    assert seen["after next"] == ["H1", "h-slutprov-1", "Slutprov"]
    assert seen["heading ring"][1:3] == [True, True]
    assert seen["after previous"] == ["H1", "h-l01-kontroller-1", "Frågor av alla slag"]
    assert seen["after exit"][0] == "H1" and seen["after exit"][2] == "Du kan stänga fönstret nu"


def test_the_contents_dialog_on_a_phone_traps_and_restores_focus(theme_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        session.page.set_viewport_size(PHONE)
        keys = session.page.keyboard
        toggle = frame.get_by_role("button", name="Innehåll", exact=True)
        toggle.focus()
        keys.press("Enter")
        dialog = frame.get_by_role("dialog", name="Innehåll", exact=True)
        seen["modal"] = dialog.get_attribute("aria-modal")
        seen["first focus"] = frame.evaluate(ACTIVE)
        seen["inert"] = frame.evaluate("() => [document.getElementById('sb-main').inert, "
                                       "document.querySelector('.sb-pager').inert]")
        links = dialog.get_by_role("link").count()
        ring = []
        for _ in range(links + 2):                  # twice round the ring: never leaves the dialog
            keys.press("Tab")
            ring.append(frame.evaluate("() => !!document.activeElement.closest('[role=dialog]')"))
        seen["ring"] = ring
        keys.press("Shift+Tab")
        seen["ring back"] = frame.evaluate("() => !!document.activeElement.closest('[role=dialog]')")
        keys.press("Escape")
        seen["after escape"] = frame.evaluate(ACTIVE)
        seen["closed"] = [frame.locator("#sb-toc").is_hidden(), toggle.get_attribute("aria-expanded"),
                          frame.evaluate("() => document.getElementById('sb-main').inert")]
        keys.press("Enter")                         # open again, choose the third page
        target = dialog.get_by_role("link").nth(2)
        seen["target"] = target.text_content()
        target.focus()
        keys.press("Enter")
        frame.locator("#sb-main:not([aria-busy])").wait_for()   # the page is loaded on demand
        seen["after choice"] = frame.evaluate(ACTIVE)
        seen["closed after choice"] = frame.locator("#sb-toc").is_hidden()
        session.page.set_viewport_size(VIEWPORT)
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(theme_packages["ostersund"][0], learner, browser=playback_browser)
    assert run.errors == []
    assert seen["modal"] == "true"
    assert seen["first focus"][0] == "A"
    assert seen["inert"] == [True, True]
    assert all(seen["ring"]) and seen["ring back"]
    assert seen["after escape"][:2] == ["BUTTON", "sb-toc-toggle"]
    assert seen["closed"] == [True, "false", False]
    assert seen["after choice"][0] == "H1" and seen["after choice"][2] == seen["target"]
    assert seen["closed after choice"]
