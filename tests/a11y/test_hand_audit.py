"""What an audit by hand found and axe cannot see (issue 13): target sizes at 360 px, the phone
header, focus that keeps the top bar in view, the contents dialog at 400 % zoom, confirmation
before a test with unanswered questions is submitted, the skip link as the first Tab stop after
every kind of launch, reflow under text-spacing overrides, and the window title per page."""
from __future__ import annotations

import pytest

from scorm_builder.runtime.playback import play
from scorm_builder.runtime.session import LAUNCH_MODES

pytestmark = pytest.mark.playback

PHONE_360 = {"width": 360, "height": 640}
ZOOM_400 = {"width": 320, "height": 200}      # a 1280 x 800 window at 400 % zoom
STARTED = "() => !!(window.SB && SB.nav && SB.nav.current())"
# Every visible control the learner can operate, with its box, font size and (for a radio or
# checkbox) the box of the row that its label makes clickable.
CONTROLS = """() => [...document.querySelectorAll('button, select, input, textarea, summary, #sb-toc a')]
  .filter(e => e.getClientRects().length && !e.closest('[inert]'))
  .map(e => { const r = e.getBoundingClientRect(), row = e.closest('.sb-option');
    return {name: (e.id || e.textContent.trim() || e.name || e.type).slice(0, 40), tag: e.tagName.toLowerCase(),
            type: e.type || '', w: r.width, h: r.height, font: parseFloat(getComputedStyle(e).fontSize),
            row: row ? row.getBoundingClientRect().height : null}; })"""
TEXT_SPACING = """() => { const s = document.createElement('style');
  s.textContent = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important }'
                + ' p { margin-bottom: 2em !important }';
  document.head.appendChild(s); }"""

# An author's long answer option in every matching and ordering select.
LONG_OPTIONS = """() => document.querySelectorAll('select').forEach(s =>
  s.options[s.options.length - 1].textContent += ' och en lång förklaring som inte ryms på en telefon')"""


def too_small(controls: list[dict]) -> list[dict]:
    """Controls under the sizes in docs/accessibility.md: a radio or checkbox 24 x 24 in a row
    44 px high; every other control 44 x 44 with text of 16 px or more."""
    bad = []
    for c in controls:
        if c["type"] in ("radio", "checkbox"):
            ok = c["w"] >= 24 and c["h"] >= 24 and c["row"] >= 44
        else:
            ok = c["w"] >= 44 and c["h"] >= 44
            ok = ok and (c["tag"] not in ("input", "select", "textarea") or c["font"] >= 16)
        if not ok:
            bad.append(c)
    return bad


def start_test(frame) -> None:
    frame.get_by_role("button", name="Nästa", exact=True).click()
    frame.get_by_role("button", name="Starta provet", exact=True).click()


def test_every_control_is_big_enough_to_touch_at_360_px(every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        session.page.set_viewport_size(PHONE_360)
        frame.wait_for_function(STARTED)
        seen["checks"] = frame.evaluate(CONTROLS)
        seen["places"] = frame.locator("#qc-kontroll-ordning-a option").all_text_contents()
        frame.get_by_role("button", name="Innehåll", exact=True).click()
        seen["dialog"] = frame.evaluate(CONTROLS)
        session.page.keyboard.press("Escape")
        start_test(frame)
        seen["test"] = frame.evaluate(CONTROLS)
        frame.get_by_role("button", name="Lämna in provet", exact=True).click()
        seen["confirm"] = frame.evaluate(CONTROLS)
        frame.get_by_role("button", name="Lämna in ändå", exact=True).click()
        seen["results"] = frame.evaluate(CONTROLS)

    run = play(every_type_packages["ostersund"], learner, browser=playback_browser)
    assert run.errors == []
    assert seen.pop("places") == ["Välj …", "Plats 1 av 3", "Plats 2 av 3", "Plats 3 av 3"]
    for state, controls in seen.items():
        assert len(controls) >= 3, (state, controls)
        assert too_small(controls) == [], (state, too_small(controls))
    assert {"radio", "checkbox", "select-one", "text", "textarea", "button"} <= {c["type"] for c in seen["checks"]}
    assert sum(c["tag"] == "a" for c in seen["dialog"]) >= 2
    assert any(c["name"] == "Gör om provet" for c in seen["results"]), seen["results"]


def test_the_phone_header_is_one_short_row_and_keeps_the_whole_title(theme_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        session.page.set_viewport_size(PHONE_360)
        frame.wait_for_function(STARTED)
        seen["height"] = frame.evaluate("() => document.querySelector('.sb-bar').getBoundingClientRect().height")
        title = frame.locator(".sb-course-title")
        seen["title"] = (title.text_content(), title.get_attribute("title"))
        frame.get_by_role("button", name="Innehåll", exact=True).click()
        seen["contents"] = frame.get_by_role("dialog").text_content()

    run = play(theme_packages["ostersund"][0], learner, browser=playback_browser)
    assert run.errors == []
    assert seen["height"] <= 0.15 * 640, seen["height"]
    text, full = seen["title"]
    assert full == text and len(text) > 20
    assert text in seen["contents"]


def test_a_new_page_takes_the_focus_and_the_top_bar_stays_in_view(theme_packages, playback_browser):
    """Read each page to its end, then Nästa: the focus is on the new heading, the bar at the top."""
    seen = []

    def learner(session):
        frame = session.launch()
        session.page.set_viewport_size(PHONE_360)
        frame.wait_for_function(STARTED)
        nxt = frame.get_by_role("button", name="Nästa", exact=True)
        for _ in range(6):
            nxt.scroll_into_view_if_needed()
            scrolled = frame.evaluate("() => scrollY")
            nxt.click()
            seen.append((scrolled, frame.evaluate("() => [document.activeElement.tagName, "
                                                  "document.querySelector('.sb-bar').getBoundingClientRect().top]")))

    run = play(theme_packages["default"][0], learner, launch="standalone", browser=playback_browser)
    assert run.errors == []
    assert max(scrolled for scrolled, _ in seen) > 400
    assert [after for _, after in seen] == [["H1", 0]] * len(seen)


def test_the_contents_dialog_is_usable_at_400_percent_zoom(theme_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        session.page.set_viewport_size(ZOOM_400)
        frame.wait_for_function(STARTED)
        frame.get_by_role("button", name="Innehåll", exact=True).click()
        dialog = frame.get_by_role("dialog", name="Innehåll", exact=True)
        seen["tag"] = dialog.evaluate("e => e.tagName")
        seen["box"] = dialog.evaluate("e => { const r = e.getBoundingClientRect(); "
                                      "return [r.top, r.bottom, e.scrollHeight > e.clientHeight, getComputedStyle(e).overflowY]; }")
        seen["outside"] = frame.evaluate("""d => [...document.body.children].filter(e => !e.contains(document.querySelector('[role=dialog]')))
                                            .filter(e => !e.inert).map(e => e.className || e.tagName)""")
        link = dialog.get_by_role("link").last
        link.focus()
        seen["focused"] = link.evaluate("e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; }")

    run = play(theme_packages["ostersund"][0], learner, browser=playback_browser)
    assert run.errors == []
    assert seen["tag"] != "NAV"
    top, bottom, scrolls, overflow = seen["box"]
    assert top <= 200 / 2 and bottom == 200, seen["box"]   # at least half the screen is the dialog
    assert scrolls and overflow == "auto"
    assert seen["outside"] == []                            # header, skip link, footer: all inert
    top, bottom, height = seen["focused"]
    assert 0 <= top and bottom <= height


def test_submitting_with_unanswered_questions_asks_first_and_names_them(every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.wait_for_function(STARTED)
        start_test(frame)
        frame.get_by_role("button", name="Lämna in provet", exact=True).click()
        ask = frame.get_by_role("group", name="Du har inte svarat", exact=False)
        seen["ask"] = ask.text_content()
        seen["focus"] = frame.evaluate("() => document.activeElement.textContent")
        seen["results"] = frame.get_by_role("heading", name="Resultat").count()
        ask.get_by_role("link").first.click()
        seen["link"] = frame.evaluate("() => document.activeElement.textContent")
        frame.get_by_role("button", name="Lämna in ändå", exact=True).click()
        seen["after"] = frame.get_by_role("heading", name="Resultat").count()
        seen["verdict"] = frame.locator(".sb-failed").evaluate(
            "e => [e.textContent, getComputedStyle(e, '::before').content]")

    run = play(every_type_packages["ostersund"], learner, browser=playback_browser)
    assert run.errors == []
    assert seen["results"] == 0 and seen["after"] == 1
    assert "Fråga 1 av" in seen["ask"] and seen["focus"].startswith("Du har inte svarat på")
    assert seen["link"].startswith("Fråga 1 av")
    text, icon = seen["verdict"]
    assert "inte godkänd" in text and "%" in text and icon not in ("none", "normal", "")


@pytest.mark.parametrize("mode", LAUNCH_MODES)
def test_the_skip_link_is_the_first_tab_stop_after_every_launch(every_type_packages, playback_browser, mode):
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.wait_for_function(STARTED)
        if mode in ("iframe", "frames"):
            frame.evaluate("() => window.focus()")  # the learner tabs into the course's frame
        session.page.keyboard.press("Tab")
        seen["first"] = frame.evaluate("() => document.activeElement.textContent")

    run = play(every_type_packages["default"], learner, launch=mode, browser=playback_browser)
    assert run.errors == []
    assert seen["first"] == "Hoppa till innehållet"


def test_text_spacing_overrides_at_320_px_never_scroll_sideways(every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        session.page.set_viewport_size({"width": 320, "height": 640})
        frame.wait_for_function(STARTED)
        frame.evaluate(TEXT_SPACING)
        frame.evaluate(LONG_OPTIONS)
        seen["checks"] = frame.evaluate("() => document.documentElement.scrollWidth")
        start_test(frame)
        seen["test"] = frame.evaluate("() => document.documentElement.scrollWidth")

    run = play(every_type_packages["ostersund"], learner, browser=playback_browser)
    assert run.errors == []
    assert seen == {"checks": 320, "test": 320}


def test_the_window_title_names_the_page_and_new_tab_links_say_so(every_type_packages, playback_browser):
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.wait_for_function(STARTED)
        seen["first"] = frame.evaluate("() => document.title")
        seen["link"] = frame.locator("a[target=_blank]").first.text_content()
        frame.get_by_role("button", name="Nästa", exact=True).click()
        seen["second"] = frame.evaluate("() => document.title")

    run = play(every_type_packages["default"], learner, browser=playback_browser)
    assert run.errors == []
    assert seen["first"].startswith("Frågor av alla slag – ")
    assert seen["second"].startswith("Slutprov – ")
    assert seen["link"].endswith("(öppnas i en ny flik)")


def test_notices_and_verdicts_are_tied_to_what_they_are_about(theme_packages, every_type_packages, playback_browser):
    seen = {}

    def resumes(session):
        frame = session.launch()
        frame.get_by_role("button", name="Nästa", exact=True).click()
        session.unload()
        frame = session.launch()
        group = frame.get_by_role("group", name="Välkommen tillbaka! Vill du fortsätta där du var?", exact=True)
        seen["offer"] = group.get_by_role("button").all_text_contents()

    def checks(session):
        frame = session.launch()
        frame.wait_for_function(STARTED)
        frame.get_by_role("radio", name="116 006").check()
        frame.locator("#q-kontroll-enval .sb-check").click()
        seen["verdict"] = frame.evaluate("""() => { const g = document.querySelector('#q-kontroll-enval fieldset');
            return document.getElementById(g.getAttribute('aria-describedby')).textContent; }""")

    assert play(theme_packages["default"][0], resumes, browser=playback_browser).errors == []
    assert play(every_type_packages["default"], checks, browser=playback_browser).errors == []
    assert seen["offer"] == ["Fortsätt där jag var", "Börja om"]
    assert seen["verdict"] == "Fel svar."
