"""The interactive blocks work from the keyboard as their WAI-ARIA Authoring Practices patterns say,
pass axe in every state at the desktop size and at 320 px, and print with everything open.

Tabs (APG tabs, automatic activation): one tab stop, arrows wrap, Home/End, aria-selected and the
panel follow. Accordion (`::: dragspel ett`, native <details name>): Enter opens a section and
closes the other. Glossary term (APG disclosure): Enter shows the definition, again hides it.
"""
from __future__ import annotations

import pytest

from a11y_walk import PHONE
from scorm_builder.runtime import a11y
from scorm_builder.runtime.browser import VIEWPORT
from scorm_builder.runtime.playback import play

pytestmark = pytest.mark.playback

ACTIVE = "() => [document.activeElement.getAttribute('role'), document.activeElement.textContent.trim()]"
TABS = """() => [...document.querySelectorAll('section.sb-page:not([hidden]) [role=tab]')].map(t =>
  [t.textContent, t.getAttribute('aria-selected'), t.tabIndex,
   !document.getElementById(t.getAttribute('aria-controls')).hidden])"""
OPEN = "() => [...document.querySelectorAll('section.sb-page:not([hidden]) .sb-accordion details')].map(d => d.open)"
# What shows on paper: the height of each part (0 = not printed).
PRINTED = """() => {
  const h = sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect().height);
  const page = 'section.sb-page:not([hidden]) ';
  return {shell: h('.sb-bar, .sb-pager, .sb-tablist').filter(x => x > 0).length,
          panels: h(page + '.sb-tabpanel'), headings: h(page + '.sb-tab-heading'),
          sections: h(page + '.sb-accordion details > p'), definitions: h(page + '.sb-term-def'),
          other_pages: h('section.sb-page[hidden]').filter(x => x > 0).length,
          link: getComputedStyle(document.querySelector('section.sb-page:not([hidden]) a[href^=http]') ||
                                 document.body, '::after').content};
}"""


def to_page(frame, title: str) -> None:
    for _ in range(20):
        if frame.get_by_role("heading", name=title, level=1).is_visible():
            return
        frame.get_by_role("button", name="Nästa", exact=True).click()
    raise AssertionError(f"no page {title!r}")


def test_tabs_accordion_and_glossary_terms_work_by_keyboard_and_pass_axe(every_type_packages, playback_browser):
    seen, found = {}, []

    def axe(frame, session, state):
        for size in (VIEWPORT, PHONE):
            session.page.set_viewport_size(size)
            found.extend(a11y.lines(a11y.audit(frame, f"{state} at {size['width']} px", whole=False)))
        session.page.set_viewport_size(VIEWPORT)

    def learner(session):
        frame = session.launch()
        keys = session.page.keyboard
        to_page(frame, "Block av alla slag")
        axe(frame, session, "blocks")
        seen["tabs"] = frame.evaluate(TABS)
        frame.get_by_role("tab", name="Chef").focus()
        keys.press("ArrowRight")
        seen["right"] = [frame.evaluate(ACTIVE), frame.evaluate(TABS)]
        axe(frame, session, "second tab")
        keys.press("End")
        seen["end"] = frame.evaluate(ACTIVE)
        keys.press("ArrowRight")
        seen["wrap"] = frame.evaluate(ACTIVE)
        keys.press("End")
        keys.press("Home")
        seen["home"] = frame.evaluate(ACTIVE)
        keys.press("ArrowLeft")
        seen["wrap back"] = frame.evaluate(ACTIVE)
        keys.press("Tab")   # one tab stop for the list: Tab goes on to the selected panel
        seen["after tab"] = frame.evaluate("() => document.activeElement.getAttribute('role')")

        frame.locator("summary", has_text="Vad är våld?").focus()
        keys.press("Enter")
        seen["first open"] = frame.evaluate(OPEN)
        frame.locator("summary", has_text="Vem kan utsättas?").focus()
        keys.press("Enter")
        seen["second open"] = frame.evaluate(OPEN)
        axe(frame, session, "accordion open")

        term = frame.get_by_role("button", name="lex Sarah")
        definition = frame.locator("section.sb-page:not([hidden]) .sb-term-def").first
        term.focus()
        keys.press("Enter")
        seen["term"] = [term.get_attribute("aria-expanded"),
                        definition.is_visible()]
        axe(frame, session, "definition shown")
        keys.press("Space")
        seen["term again"] = [term.get_attribute("aria-expanded"),
                              definition.is_visible()]

        session.page.emulate_media(media="print")
        seen["print"] = frame.evaluate(PRINTED)
        session.page.emulate_media(media="screen")

        to_page(frame, "Ordlista")
        seen["glossary"] = frame.locator("dl.sb-glossary dt").all_text_contents()
        axe(frame, session, "glossary page")

    run = play(every_type_packages["default"], learner, browser=playback_browser)
    assert run.errors == []
    assert found == []
    assert seen["tabs"] == [["Chef", "true", 0, True], ["Medarbetare", "false", -1, False],
                            ["Legitimerad personal", "false", -1, False]]
    assert seen["right"] == [["tab", "Medarbetare"], [["Chef", "false", -1, False], ["Medarbetare", "true", 0, True],
                                                      ["Legitimerad personal", "false", -1, False]]]
    assert seen["end"] == ["tab", "Legitimerad personal"]
    assert seen["wrap"] == ["tab", "Chef"]
    assert seen["home"] == ["tab", "Chef"]
    assert seen["wrap back"] == ["tab", "Legitimerad personal"]
    assert seen["after tab"] == "tabpanel"
    assert seen["first open"] == [True, False]
    assert seen["second open"] == [False, True]
    assert seen["term"] == ["true", True]
    assert seen["term again"] == ["false", False]
    printed = seen["print"]
    assert printed["shell"] == 0 and printed["other_pages"] == 0, printed
    assert all(x > 0 for x in printed["panels"] + printed["headings"] + printed["sections"] + printed["definitions"]), printed
    assert len(printed["panels"]) == 3 and len(printed["sections"]) == 2 and len(printed["definitions"]) == 2
    assert printed["link"] == '" (https://www.socialstyrelsen.se/)"', printed   # a web link prints its address
    assert seen["glossary"] == ["lex Sarah", "skyddat boende"]


def test_one_open_accordion_holds_where_the_browser_ignores_details_name(every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        to_page(frame, "Block av alla slag")
        # An older browser (Safari before 17.2, Firefox before 130): <details name> means nothing.
        frame.evaluate("() => document.querySelectorAll('.sb-accordion details').forEach(d => d.removeAttribute('name'))")
        frame.locator("summary", has_text="Vad är våld?").click()
        frame.locator("summary", has_text="Vem kan utsättas?").click()
        frame.wait_for_function("() => !document.querySelector('.sb-accordion details').open", timeout=3000)
        seen["open"] = frame.evaluate(OPEN)

    run = play(every_type_packages["default"], learner, browser=playback_browser)
    assert run.errors == []
    assert seen["open"] == [False, True]
