"""`scorm-builder preview`: rebuilds on save, shows build errors in the page and the terminal,
keeps its reload script out of packages, drives the runtime's LMS from its SCORM panel, and
stops cleanly on Ctrl-C."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main
from scorm_builder.preview.server import Preview

LESSON = "---\ntitle: Första lektionen\n---\n# Välkommen\n\n{text}\n\n# Andra sidan\n\nMer text.\n"


def fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def fetch(url: str) -> str:
    return fetch_bytes(url).decode("utf-8")


def wait_for_build(preview: Preview, number: int, timeout: float = 15) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = json.loads(fetch(preview.url + "preview/state"))
        if state["build"] >= number:
            return state
        time.sleep(0.1)
    raise AssertionError(f"no build {number} within {timeout} s")


@pytest.fixture
def course(make_course):
    return make_course({"lessons/01-forsta.md": LESSON.format(text="Första versionen.")})


def test_rebuilds_after_a_file_changes(course):
    builds = []
    with Preview(course, "chefer", 0, on_build=lambda state, changed: builds.append(changed)) as preview:
        state = wait_for_build(preview, 1)
        assert state["ok"] and state["scos"][0]["href"] == "index.html"
        assert "Första versionen." in fetch(preview.url + "pkg/index.html")
        (course / "lessons" / "01-forsta.md").write_text(LESSON.format(text="Andra versionen."), encoding="utf-8")
        state = wait_for_build(preview, 2)
        assert state["ok"], state["report"]
        page = fetch(preview.url + "pkg/index.html")
        assert "Andra versionen." in page and "Första versionen." not in page
    assert builds[0] == [] and "lessons/01-forsta.md" in builds[1]


def test_the_reload_script_stays_out_of_the_package(course):
    with Preview(course, None, 0) as preview:
        wait_for_build(preview, 1)
        outer = fetch(preview.url)
        assert "/preview/preview.js" in outer and "/lms/conformance.js" in outer
        package_page = fetch(preview.url + "pkg/index.html")
        assert "preview" not in package_page and "/lms/" not in package_page


def test_build_errors_show_in_page_state_and_terminal_and_keep_the_last_good_build(course):
    reports = []
    with Preview(course, "chefer", 0, on_build=lambda state, changed: reports.append(state.report)) as preview:
        wait_for_build(preview, 1)
        (course / "lessons" / "01-forsta.md").write_text(
            LESSON.format(text="![Karta](../assets/karta.png)"), encoding="utf-8")
        state = wait_for_build(preview, 2)
        assert not state["ok"]
        assert 'lessons/01-forsta.md:6:10: error: filen "../assets/karta.png" finns inte' in state["report"]
        assert reports[-1] == state["report"]
        assert "Första versionen." in fetch(preview.url + "pkg/index.html")   # the last good build stays


def test_launch_presets_come_from_the_runtime_profile(course):
    with Preview(course, "chefer", 0) as preview:
        sco = wait_for_build(preview, 1)["scos"][0]["id"]
        fresh = preview.launch(sco, None, False)
        assert fresh["entry"] == "ab-initio"
        assert fresh["preset"]["student_data"]["mastery_score"] == "80"
        left = {"cmi.core.exit": "suspend", "cmi.core.lesson_location": "l01-forsta-2",
                "cmi.core.lesson_status": "incomplete", "cmi.suspend_data": "x"}
        resumed = preview.launch(sco, left, True)
        assert resumed["entry"] == "resume"
        assert resumed["preset"]["core"]["lesson_location"] == "l01-forsta-2"


def test_unknown_audience_is_a_usage_error(course):
    result = CliRunner().invoke(main, ["preview", str(course), "--audience", "chefr", "--port", "0", "--no-open"])
    assert result.exit_code == 2
    assert "chefer" in result.output and "Traceback" not in result.output


def test_a_busy_port_is_a_clear_error(course):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["preview", str(course), "--port", str(port), "--no-open"],
                                    env={"SCORM_BUILDER_LANG": None})
    assert result.exit_code == 1
    assert f"porten {port} används redan" in result.output and "Traceback" not in result.output


def test_ctrl_c_stops_cleanly(course):
    env = {**os.environ, "SCORM_BUILDER_LANG": "en", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "scorm_builder", "preview", str(course), "--port", "0",
                                "--no-open"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        lines = []
        while not any("http://127.0.0.1:" in ln for ln in lines):
            line = process.stdout.readline()
            assert line, process.stderr.read()
            lines.append(line)
        url = next(ln for ln in lines if "http://" in ln).split("): ")[1].strip()
        assert "<html" in fetch(url)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Preview stopped." in out
    assert "Traceback" not in err


@pytest.mark.playback
def test_scorm_panel_shows_calls_resets_and_resumes(course, playback_browser):
    with Preview(course, "chefer", 0) as preview:
        wait_for_build(preview, 1)
        page = playback_browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            page.goto(preview.url)
            calls = page.locator("#sbp-calls")
            calls.get_by_text("LMSInitialize").wait_for()
            page.wait_for_function("document.querySelector('#sbp-cmi').innerText.includes('ab-initio')")
            sco = page.frame_locator("#sco")
            sco.get_by_role("button", name="Nästa").click()
            page.wait_for_function("document.querySelector('#sbp-cmi').innerText.includes('l01-forsta-2')")

            page.get_by_role("button", name="Starta om som återupptagning").click()
            page.wait_for_function("document.querySelector('#sbp-cmi').innerText.includes('resume')")
            assert "återupptagen" in page.locator("#sbp-status").inner_text()
            sco.get_by_role("button", name="Fortsätt där jag var").wait_for()

            page.get_by_role("button", name="Ny deltagare (nollställ)").click()
            page.wait_for_function("document.querySelector('#sbp-status').innerText.includes('ny deltagare')")
            page.wait_for_function("(t => t.includes('cmi.core.entry\\tab-initio') && t.includes('l01-forsta-1'))"
                                   "(document.querySelector('#sbp-cmi').innerText)")   # back on the first page

            sco.get_by_role("button", name="Nästa").click()   # on page 2 when the author saves
            (course / "lessons" / "01-forsta.md").write_text(
                LESSON.replace("Mer text.", "Ny text efter sparning."), encoding="utf-8")
            sco.get_by_text("Ny text efter sparning.").wait_for()
            assert sco.locator("section.sb-page:not([hidden]) h1").inner_text() == "Andra sidan"

            (course / "lessons" / "01-forsta.md").write_text("# Ingen front matter\n", encoding="utf-8")
            page.locator("#sbp-errors").get_by_text("lektionen saknar inledning").wait_for()
            assert page.get_by_role("alert").is_visible()
            assert errors == []
        finally:
            page.close()


def test_multi_sco_courses_list_every_sco(make_course):
    course = make_course({"course.yml": "id: mini\ntitle: Minikurs\ndescription: Test.\npackaging: multi-sco\n"
                                        "lessons: [01-forsta, slutprov]\naudiences:\n  - id: chefer\n    title: Chefer\n"
                                        "  - id: omsorg\n    title: Omsorg\n"})
    with Preview(course, "omsorg", 0) as preview:
        state = wait_for_build(preview, 1)
        assert state["ok"], state["report"]
        assert [s["href"] for s in state["scos"]] == ["sco-l01-forsta.html", "sco-slutprov.html"]
        test_sco = state["scos"][1]["id"]
        assert preview.launch(test_sco, None, False)["preset"]["student_data"]["mastery_score"] == "80"
        assert "<html" in fetch(preview.url + "pkg/sco-slutprov.html")


def test_a_course_broken_at_start_is_served_once_fixed(course):
    good = (course / "course.yml").read_text(encoding="utf-8")
    (course / "course.yml").write_text(good.replace("title: Minikurs", "title: [Minikurs"), encoding="utf-8")
    with Preview(course, None, 0) as preview:
        state = wait_for_build(preview, 1)
        assert not state["ok"] and state["scos"] == []
        assert "kurs/course.yml:" in state["report"] and "YAML" in state["report"]
        (course / "course.yml").write_text(good, encoding="utf-8")
        state = wait_for_build(preview, 2)
        assert state["ok"], state["report"]
        assert "Första versionen." in fetch(preview.url + "pkg/index.html")


def test_a_save_reconverts_only_the_saved_lesson(course, tmp_path):
    """Preview shares the builds' conversion cache (docs/commands.md): one lesson saved, one converted."""
    from scorm_builder.build import build_course

    build_course(course, tmp_path / "dist", ["chefer"])   # a build before: preview starts from its cache
    with Preview(course, "chefer", 0) as preview:
        first = preview.rebuilder.rebuild()
        assert first.ok and first.converted == 0
        (course / "lessons" / "01-forsta.md").write_text(LESSON.format(text="Ändrad."), encoding="utf-8")
        second = preview.rebuilder.rebuild()
        assert second.ok and second.converted == 1
        assert "Ändrad." in fetch(preview.url + "pkg/index.html")


def test_the_scorm_panel_docks_beside_or_below_the_course_collapses_and_passes_axe(course, playback_browser):
    from scorm_builder.runtime import a11y
    box = "id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.top, r.bottom, r.width]; }"
    with Preview(course, "chefer", 0) as preview:
        wait_for_build(preview, 1)
        page = playback_browser.new_page(viewport={"width": 360, "height": 640})
        try:
            page.goto(preview.url)
            page.locator("#sbp-calls").get_by_text("LMSInitialize").wait_for()
            stage, panel = page.evaluate(box, "sbp-stage"), page.evaluate(box, "sbp-panel")
            assert stage[2] == 360 and panel[2] == 360 and stage[1] <= panel[0]   # below the course, not over it
            page.frame_locator("#sco").get_by_role("button", name="Nästa").click()   # still reachable
            heights = page.evaluate("() => [...document.querySelectorAll('#sbp-panel button, #sbp-panel select')]"
                                    ".filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().height)")
            assert heights and min(heights) >= 44, heights
            violations = a11y.audit(page.main_frame, "preview", tags=a11y.OUR_TAGS)["violations"]
            assert violations == [], [(v["rule"], v["nodes"][0]["target"]) for v in violations]
            toggle = page.get_by_role("button", name="Detaljer", exact=True)
            toggle.click()
            assert toggle.get_attribute("aria-expanded") == "false"
            assert page.evaluate(box, "sbp-panel")[1] - page.evaluate(box, "sbp-panel")[0] < 150
            assert page.evaluate(box, "sbp-stage")[1] > stage[1]                   # the course got the room
            page.set_viewport_size({"width": 1280, "height": 800})
            toggle.click()
            stage, panel = page.evaluate(box, "sbp-stage"), page.evaluate(box, "sbp-panel")
            assert stage[2] + panel[2] <= 1280 and stage[2] > 800                     # beside the course
            violations = a11y.audit(page.main_frame, "preview", tags=a11y.OUR_TAGS)["violations"]
            assert violations == [], [(v["rule"], v["nodes"][0]["target"]) for v in violations]
        finally:
            page.close()


def test_the_page_hears_of_a_build_as_soon_as_it_is_served(course, monkeypatch):
    """`/preview/state?after=N` answers at once when a build newer than N is served, waits for the
    next one otherwise, and answers with the current build when none comes (LONG_POLL)."""
    import threading

    from scorm_builder.preview import server as server_module

    with Preview(course, "chefer", 0) as preview:
        assert json.loads(fetch(preview.url + "preview/state?after=0"))["build"] == 1
        answered = {}

        def ask():
            started = time.monotonic()
            answered["state"] = json.loads(fetch(preview.url + "preview/state?after=1"))
            answered["waited"] = time.monotonic() - started

        asking = threading.Thread(target=ask)
        asking.start()
        time.sleep(0.5)
        assert "state" not in answered   # still waiting: no build since 1
        (course / "lessons" / "01-forsta.md").write_text(LESSON.format(text="Tredje versionen."), encoding="utf-8")
        asking.join(10)
        assert answered["state"]["build"] == 2 and answered["state"]["ok"]
        assert answered["waited"] >= 0.5
        assert "Tredje versionen." in fetch(preview.url + "pkg/index.html")
        monkeypatch.setattr(server_module, "LONG_POLL", 0.2)
        assert json.loads(fetch(preview.url + "preview/state?after=2"))["build"] == 2


def test_preview_serves_exactly_the_built_package(course, tmp_path):
    """Preview serves the package's files from memory (build.build_files), unzipped: the same names
    and bytes as the zip `build` makes of the same variant, and nothing else."""
    import zipfile

    from scorm_builder.build import build_course

    [zip_path] = build_course(course, tmp_path / "dist", ["chefer"])
    with zipfile.ZipFile(zip_path) as zf, Preview(course, "chefer", 0) as preview:
        names = zf.namelist()
        assert set(preview.rebuilder.files) == set(names)
        for name in names:
            assert fetch_bytes(preview.url + "pkg/" + name) == zf.read(name), name
        for outside in ("../course.yml", "lessons/01-forsta.md", "%2e%2e/course.yml"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                fetch_bytes(preview.url + "pkg/" + outside)
            assert refused.value.code == 404
