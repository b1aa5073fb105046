"""`report.html` opened from disk in a real browser: the verdict, the launches, each page's desktop
and phone photographs side by side (the test in progress included), a call log that filters, and
the final cmi."""
from __future__ import annotations

import pytest

from runtime_test_packages import FIXTURES, make_package
from scorm_builder.build import build_course
from support import GOLF

pytestmark = pytest.mark.playback


@pytest.fixture
def open_report(playback_browser):
    pages = []

    def open_report(folder):
        page = playback_browser.new_page(viewport={"width": 1280, "height": 900})
        pages.append(page)
        page.goto((folder / "report.html").as_uri())
        page.wait_for_load_state("load")
        return page
    yield open_report
    for page in pages:
        page.close()


def loaded_images(page) -> list[dict]:
    """Every screenshot in the report, scrolled into view so lazy images load: src, size, position."""
    images = page.locator(".shots img")
    out = []
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        img.evaluate("i => i.complete || new Promise(r => i.onload = r)")
        out.append(img.evaluate("i => ({src: i.getAttribute('src'), w: i.naturalWidth, h: i.naturalHeight,"
                                " top: i.getBoundingClientRect().top + window.scrollY, shown: i.offsetWidth})"))
    return out


def test_report_of_our_course_shows_verdict_pages_and_the_test_in_progress(play, make_course, tmp_path, open_report):
    package = build_course(make_course(), tmp_path / "dist", audiences=["omsorg"])[0]
    report = tmp_path / "report"
    run = play(package, "passes", report_dir=report)
    assert run.ok, run.errors
    page = open_report(report)
    verdict = page.locator("#verdict")
    assert verdict.is_visible() and "pass" in verdict.get_attribute("class")
    assert verdict.inner_text().startswith("GODKÄND")
    row = page.locator("#launches tbody tr").first.locator("td").all_inner_texts()
    assert row[2:8] == ["passes", "iframe", "strict", "ab-initio", "passed", "100"]

    headings = page.locator("section.page h3").all_inner_texts()
    assert "Start 1: slutprov-1 (test)" in headings   # the questions, answered, before submitting
    images = loaded_images(page)
    assert len(images) == 2 * len(headings)
    for desktop, phone in zip(images[::2], images[1::2]):
        assert desktop["src"].replace(".png", "-phone.png") == phone["src"]
        assert (desktop["w"], phone["w"]) == (1024, 360) and phone["h"] > phone["w"]  # full page, not a viewport
        assert desktop["shown"] > 0 and phone["shown"] > 0 and abs(desktop["top"] - phone["top"]) < 2  # side by side
    test_on_phone = images[2 * headings.index("Start 1: slutprov-1 (test)") + 1]
    assert test_on_phone["h"] > 768   # the whole test, taller than the 768 px screen it was shown on

    cmi = dict(tuple(r.locator("td").all_inner_texts()) for r in page.locator("#cmi tr").all())
    assert cmi["cmi.core.lesson_status"] == "passed" and cmi["cmi.core.score.raw"] == "100"


def test_call_log_filters_and_a_failing_package_says_so_at_the_top(play, tmp_path, open_report):
    report = tmp_path / "report"
    run = play(GOLF / "singlesco_scorm12.zip", "launch-and-exit", report_dir=report)
    assert not run.ok
    page = open_report(report)
    verdict = page.locator("#verdict")
    assert "fail" in verdict.get_attribute("class") and verdict.inner_text().startswith("UNDERKÄND")
    assert verdict.bounding_box()["y"] < 200
    assert "LMSInitialize" in page.locator(".problems").inner_text()


def test_call_log_filter_in_the_browser(play, test_sco, tmp_path, open_report):
    report = tmp_path / "report"
    play(test_sco("?on=clean"), "launch-and-exit", report_dir=report)
    page = open_report(report)
    rows = page.locator("#calls tbody tr")
    total = rows.count()
    assert total > 3
    page.select_option("#fn", "LMSSetValue")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total and all("LMSSetValue" in r.inner_text() for r in visible)
    page.select_option("#fn", "")
    page.fill("#filter", "cmi.core.lesson_status")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total and all("cmi.core.lesson_status" in r.inner_text() for r in visible)


def test_accessibility_findings_alone_give_a_warning_verdict_and_sit_on_their_page(play, tmp_path, open_report):
    """A SCO that tracks cleanly but whose page has no lang: the run passes, axe does not."""
    html = (FIXTURES / "sco.html").read_text(encoding="utf-8").replace('<html lang="en">', "<html>")
    report = tmp_path / "report"
    run = play(make_package(tmp_path / "utan-lang.zip", (("item_1", "?on=clean", ""),), html=html),
               "launch-and-exit", report_dir=report)
    assert run.ok, run.errors
    page = open_report(report)
    verdict = page.locator("#verdict")
    assert "warn" in verdict.get_attribute("class") and verdict.inner_text().startswith("GODKÄND")
    assert "tillgänglighetsfel" in verdict.inner_text()
    assert "html-has-lang" in page.locator("section.page .findings").first.inner_text()
