"""The page shell in a browser: one page at a time, focus, contents dialog, hash links, phone
widths and reduced motion. Standalone launch: the launch page is the top window."""
from __future__ import annotations

import pytest

from player_steps import page_number
from support import SAMPLE_COURSE, launch_data

pytestmark = pytest.mark.playback


def shell(play, zip_path, steps):
    """Run `steps(frame, page)` in a standalone launch; fails on any console error."""
    def learner(session):
        frame = session.launch()
        steps(frame, session.page)
        session.unload()
    run = play(zip_path, learner, launch="standalone")
    assert run.errors == [], run.errors


def test_pages_progress_and_focus(play, build):
    seen = {}

    def steps(frame, page):
        seen["visible"] = frame.locator("section.sb-page:not([hidden])").count()
        seen["start"] = (page_number(frame), frame.get_by_role("button", name="Föregående").is_disabled())
        page.keyboard.press("Tab")  # skip link
        frame.get_by_role("button", name="Nästa").focus()
        page.keyboard.press("Enter")
        seen["focus"] = frame.evaluate("document.activeElement.textContent")
        seen["progress"] = frame.get_by_role("progressbar").get_attribute("aria-valuenow")
        seen["valuetext"] = frame.get_by_role("progressbar").get_attribute("aria-valuetext")
        frame.evaluate("location.hash = '#p-l02-andra-2'")
        frame.get_by_role("heading", name="Sida fyra").wait_for()
        seen["hash"] = page_number(frame)
        seen["last"] = frame.get_by_role("button", name="Nästa").is_disabled()

    shell(play, build(), steps)
    assert seen == {"visible": 1, "start": ("Sida 1 av 5", True), "focus": "Sida två", "progress": "40",
                    "valuetext": "2 av 5 sidor lästa", "hash": "Sida 4 av 5", "last": False}


def test_contents_is_a_focus_trapping_dialog_on_a_phone(play, build):
    seen = {}

    def steps(frame, page):
        page.set_viewport_size({"width": 320, "height": 640})
        toggle = frame.get_by_role("button", name="Innehåll")
        toggle.click()
        seen["expanded"] = toggle.get_attribute("aria-expanded")
        seen["dialog"] = frame.get_by_role("dialog", name="Innehåll").count()
        seen["first_focus"] = frame.evaluate("document.activeElement.textContent")
        ring = []
        for _ in range(7):
            page.keyboard.press("Tab")
            ring.append(frame.evaluate("document.activeElement.textContent"))
        seen["ring"] = ring
        seen["main_inert"] = frame.evaluate("document.getElementById('sb-main').inert")
        page.keyboard.press("Escape")
        seen["closed"] = (toggle.get_attribute("aria-expanded"), frame.evaluate("document.activeElement.id"),
                          frame.evaluate("document.getElementById('sb-main').inert"))
        toggle.click()
        frame.get_by_role("link", name="Sida tre").click()
        seen["chosen"] = (page_number(frame), frame.evaluate("document.activeElement.textContent"),
                          frame.get_by_role("dialog").count())

    shell(play, build(), steps)
    assert seen["expanded"] == "true" and seen["dialog"] == 1 and seen["first_focus"] == "Sida ett"
    assert seen["ring"] == ["Sida två", "Sida tre", "Sida fyra", "Slutprov", "Stäng", "Sida ett", "Sida två"]
    assert seen["main_inert"] is True
    assert seen["closed"] == ("false", "sb-toc-toggle", False)
    assert seen["chosen"] == ("Sida 3 av 5", "Sida tre", 0)


def test_no_page_of_the_sample_course_scrolls_sideways_at_320_px(play, tmp_path):
    from scorm_builder.build import build_course
    zip_path = build_course(SAMPLE_COURSE, tmp_path, audiences=["omsorg"])[0]
    wide, visited = [], []

    def steps(frame, page):
        page.set_viewport_size({"width": 320, "height": 640})
        nxt = frame.get_by_role("button", name="Nästa")
        while True:
            visited.append(page_number(frame))
            over = frame.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if over > 0:
                wide.append((page_number(frame), over))
            if not nxt.is_enabled():
                break
            nxt.click()

    shell(play, zip_path, steps)
    total = len(launch_data(zip_path)["pages"])
    assert len(visited) == total > 10 and visited[-1] == f"Sida {total} av {total}"
    assert wide == []


def test_reduced_motion_and_visible_focus(play, build):
    seen = {}

    def steps(frame, page):
        page.emulate_media(reduced_motion="reduce")
        seen["transition"] = frame.evaluate(
            "getComputedStyle(document.querySelector('.sb-progress-bar')).transitionDuration")
        frame.get_by_role("button", name="Nästa").focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        seen["outline"] = frame.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")

    shell(play, build(), steps)
    assert seen == {"transition": "0s", "outline": ["solid", "3px"]}
