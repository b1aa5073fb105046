"""Pages on demand (render/chunks.py, player/pages.js): the launch page holds its first page only,
the rest load when the learner goes there (and the next one ahead of time), from an LMS and from
disk (file://), and a page whose file cannot be loaded says so and can be retried."""
from __future__ import annotations

import zipfile

import pytest

from player_steps import COURSE, arrived, go_to, page_number, read_to_end
from scorm_builder.build import build_course
from scorm_builder.render.chunks import page_file
from support import launch_data, write_course

pytestmark = pytest.mark.playback


def course_of(lessons: int) -> dict[str, str]:
    """`lessons` lessons of three pages, each page with a paragraph of its own."""
    files = {"course.yml": "id: stor\ntitle: Stor kurs\nversion: \"1.0\"\ndescription: Många sidor.\nlessons:\n"
                           + "".join(f"  - l{n:03d}\n" for n in range(lessons))}
    for n in range(lessons):
        files[f"lessons/l{n:03d}.md"] = (f"---\ntitle: Lektion {n}\n---\n"
                                         + "".join(f"# Sida {n}-{p}\n\nText {n}-{p}.\n\n" for p in range(3)))
    return files


def sections(frame) -> list[str]:
    return frame.evaluate("() => [...document.querySelectorAll('section.sb-page')].map(s => s.dataset.page)")


def test_the_launch_page_weighs_the_same_for_10_and_200_lessons(tmp_path):
    sizes = {}
    for n in (10, 200):
        (zip_path,) = build_course(write_course(tmp_path / f"c{n}", course_of(n)), tmp_path / f"d{n}")
        with zipfile.ZipFile(zip_path) as zf:
            page = zf.read("index.html").decode()
            names = set(zf.namelist())
        sizes[n] = len(page.encode())
        assert "Text 0-0." in page and "Text 0-1." not in page   # the first page only
        ids = [p["id"] for p in launch_data(zip_path)["pages"]]
        assert len(ids) == 3 * n and {page_file(i) for i in ids[1:]} <= names and page_file(ids[0]) not in names
    assert sizes[200] <= sizes[10] * 1.05, sizes


def test_pages_load_as_the_learner_goes_with_the_next_one_ahead(play, build):
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        arrived(frame)
        frame.locator("section.sb-page[data-page='l01-forsta-2']").wait_for(state="attached")   # fetched ahead
        seen["launch"] = sections(frame)
        go_to(frame, "Sida fyra")
        seen["toc"] = (page_number(frame), sections(frame))
        read_to_end(frame)
        seen["end"] = page_number(frame)
        session.unload()

    run = play(zip_path, learner)
    assert run.errors == [] and run.violations == [], (run.errors, run.violations)
    assert seen["launch"] == ["l01-forsta-1", "l01-forsta-2"]
    # in course order, whatever order they came in; the test page is fetched ahead of Sida fyra
    page, here = seen["toc"]
    assert page == "Sida 4 av 5" and here[:2] == ["l01-forsta-1", "l01-forsta-2"] and here[-2:] == ["l02-andra-2", "slutprov-1"]
    assert seen["end"] == "Sida 5 av 5"


def test_resume_lands_on_the_bookmark_without_loading_the_pages_before_it(play, tmp_path):
    (zip_path,) = build_course(write_course(tmp_path / "c", course_of(20)), tmp_path / "d")
    seen = {}

    def learner(session):
        frame = session.launch()
        go_to(frame, "Sida 12-1")
        session.page.wait_for_timeout(300)
        session.close_abruptly()
        frame = session.launch()
        frame.get_by_role("button", name="Fortsätt där jag var").click()
        seen["page"] = page_number(frame)
        seen["here"] = sections(frame)
        frame.get_by_role("button", name="Innehåll").click()
        seen["toc"] = frame.locator("#sb-toc a[data-page]").count()
        seen["current"] = frame.locator("#sb-toc a[aria-current=page]").inner_text()
        session.unload()

    run = play(zip_path, learner)
    assert run.errors == [], run.errors
    assert seen["page"] == "Sida 38 av 60"
    assert set(seen["here"]) <= {"l000-1", "l000-2", "l012-2", "l012-3"} and "l012-2" in seen["here"]
    assert seen["toc"] == 60 and seen["current"] == "Sida 12-1"   # the contents list the whole course


@pytest.fixture
def from_disk(tmp_path, build, playback_browser):
    """The package unzipped, and its launch page opened by file:// as an author would double-click it."""
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(build()) as zf:
        zf.extractall(folder)
    context = playback_browser.new_context()
    page = context.new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto((folder / "index.html").as_uri())
    yield folder, page, asked
    context.close()


def test_from_disk_every_page_loads_and_nothing_leaves_the_folder(from_disk):
    folder, page, asked = from_disk
    read_to_end(page)
    assert page_number(page) == "Sida 5 av 5"
    go_to(page, "Sida tre")
    assert page.get_by_role("region", name="Sida tre").get_by_text("Text på sida tre.").is_visible()
    assert asked and all(url.startswith(folder.as_uri() + "/") for url in asked), asked


def test_a_page_that_cannot_be_loaded_says_so_and_can_be_tried_again(from_disk):
    folder, page, _ = from_disk
    chunk = folder / page_file("l02-andra-1")
    kept = chunk.read_bytes()
    chunk.unlink()
    go_to(page, "Sida tre")
    notice = page.get_by_role("group", name="Sidan kunde inte hämtas. Kontrollera anslutningen och försök igen.")
    notice.wait_for()
    assert page_number(page) == "Sida 1 av 5"
    # the contents closed as the page was chosen: the focus goes to the way on
    assert page.evaluate("() => document.activeElement.textContent") == "Försök igen"
    chunk.write_bytes(kept)
    notice.get_by_role("button", name="Försök igen").click()
    assert page_number(page) == "Sida 3 av 5"
    assert page.get_by_role("heading", name="Sida tre").evaluate("h => h === document.activeElement")


def test_without_its_course_file_the_first_page_shows_and_says_the_rest_could_not_load(tmp_path, build,
                                                                                     playback_browser):
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(build()) as zf:
        zf.extractall(folder)
    (folder / "index.course.js").unlink()
    context = playback_browser.new_context()
    try:
        page = context.new_page()
        page.goto((folder / "index.html").as_uri())
        page.get_by_text("Sidan kunde inte hämtas. Kontrollera anslutningen och försök igen.").wait_for()
        assert page.get_by_text("Text på sida ett.").is_visible()
    finally:
        context.close()


def test_a_page_that_arrives_after_avsluta_stays_hidden(play, build):
    """The learner chose a page and pressed Avsluta before its file had come: the closing screen
    stays alone on screen."""
    zip_path = build()
    seen = {}

    def learner(session):
        frame = session.launch()
        arrived(frame)
        held = []
        session.page.context.route("**/pages/l02-andra-1.js", lambda route: held.append(route))   # its file waits
        frame.get_by_role("button", name="Innehåll").click()
        frame.get_by_role("link", name="Sida tre", exact=True).click()
        frame.get_by_role("button", name="Avsluta").click()
        frame.get_by_role("heading", name="Du kan stänga fönstret nu").wait_for()
        seen["busy"] = frame.locator("#sb-main").get_attribute("aria-busy")   # the closing screen is read out
        for route in held:
            route.fallback()
        frame.locator("section.sb-page[data-page='l02-andra-1']").wait_for(state="attached")
        seen["held"] = len(held)
        seen["shown"] = frame.evaluate("() => [...document.querySelectorAll('section.sb-page:not([hidden])')].length")
        session.unload()

    run = play(zip_path, learner)
    assert run.errors == [], run.errors
    assert seen == {"held": 1, "busy": None, "shown": 0}
