"""Multi-SCO packages, and the suspend_data bound on the largest course we support:
500 pages and 200 answered questions, plus a test attempt in progress, in at most 4096 characters."""
from __future__ import annotations

import json

import pytest

from player_steps import COURSE, exit_course, go_to, page_number, read_to_end, sets, take_test
from support import launch_data

pytestmark = pytest.mark.playback


def test_multi_sco_each_lesson_its_own_sco_with_only_its_pages(play, build):
    zip_path = build({"course.yml": COURSE["course.yml"].replace("completion: pages-and-test", "packaging: multi-sco")})
    seen = []

    def learner(session):
        frame = session.launch()
        data = session.course_data()
        seen.append((data["sco"], page_number(frame), frame.locator("section.sb-page").count()))
        read_to_end(frame)
        if data["test"]:
            take_test(frame, data, right=True)
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner)
    assert run.errors == [] and run.violations == [], (run.errors, run.violations)
    assert seen == [("sco-l01-forsta", "Sida 1 av 2", 2), ("sco-l02-andra", "Sida 1 av 2", 2),
                    ("sco-slutprov", "Sida 1 av 1", 1)]
    statuses = [launch.cmi["cmi.core.lesson_status"] for launch in run.launches]
    assert statuses == ["completed", "completed", "passed"]
    assert [launch.cmi["cmi.core.score.raw"] for launch in run.launches] == ["", "", "100"]


def big_course() -> dict[str, str]:
    """10 lessons of 50 pages; 200 knowledge checks on the first 200 pages; a 20-question test drawing 12."""
    files = {"course.yml": "id: stor\ntitle: Stor kurs\nversion: \"1.0\"\ndescription: Störst.\n"
                           "lessons:\n" + "".join(f"  - l{n:02d}\n" for n in range(10)) + "  - slutprov\n"}
    for n in range(10):
        pages = []
        for p in range(50):
            body = f"# Sida {n}-{p}\n\nText {n}-{p}.\n"
            if n < 4:
                body += (f"\n::: fråga flerval {{#k{n}-{p}}}\nFråga {n}-{p}?\n\n"
                         "- [x] ett\n- [ ] två\n- [x] tre\n- [ ] fyra\n:::\n")
            pages.append(body)
        files[f"lessons/l{n:02d}.md"] = f"---\ntitle: Lektion {n}\n---\n" + "\n".join(pages)
    questions = "".join(f"\n::: fråga enval {{#p{i}}}\nProvfråga {i}?\n\n- [ ] a{i}\n- [x] b{i}\n- [ ] c{i}\n- [ ] d{i}\n:::\n"
                        for i in range(20))
    files["lessons/slutprov.md"] = "---\ntitle: Slutprov\ntype: test\npass_mark: 80\ndraw: 12\n---\nSvara.\n" + questions
    return files


def test_suspend_data_of_the_largest_course_fits_and_restores(play, tmp_path):
    from scorm_builder.build import build_course
    from support import write_course
    zip_path = build_course(write_course(tmp_path / "stor", big_course()), tmp_path / "dist")[0]
    data = launch_data(zip_path)
    assert len(data["pages"]) == 501 and len(data["questions"]) == 220
    seen = {}

    def learner(session):
        frame = session.launch()
        # Every page visited and every knowledge check on it answered through its form (pages
        # load on demand: #sb-main is aria-busy until the next one is shown).
        frame.evaluate("""async () => {
            const main = document.getElementById('sb-main'), next = document.getElementById('sb-next');
            const shown = () => new Promise(done => {
                const wait = () => main.hasAttribute('aria-busy') ? setTimeout(wait, 1) : done();
                wait();
            });
            for (;;) {
                document.querySelectorAll('section.sb-page:not([hidden]) .sb-question').forEach(q => {
                    const check = q.querySelector('.sb-check');
                    if (!check) return;
                    q.querySelectorAll('input[type=checkbox]').forEach((box, i) => { box.checked = i % 2 === 0; });
                    check.click();
                });
                if (next.disabled) break;
                next.click();
                await shown();
            }
        }""")
        take_test(frame, data, right=True, submit=False)  # all 12 answered, not submitted
        session.page.wait_for_timeout(800)
        seen["answers"] = frame.evaluate("() => [...document.querySelectorAll('section.sb-test input:checked')].map(i => i.id)")
        session.close_abruptly()
        frame = session.launch()
        frame.get_by_role("button", name="Fortsätt där jag var").click()
        seen["page"] = page_number(frame)
        seen["progress"] = frame.get_by_role("progressbar").get_attribute("aria-valuenow")
        seen["answers_after"] = frame.evaluate("() => [...document.querySelectorAll('section.sb-test input:checked')].map(i => i.id)")
        frame.get_by_role("button", name="Lämna in provet").click()
        # knowledge checks come back as their pages load again
        seen["checks_after"] = []
        for title in ("Sida 0-0", "Sida 1-25", "Sida 3-49"):
            go_to(frame, title)
            seen["checks_after"].append(frame.locator("section.sb-page:not([hidden]) input:checked").count())
        exit_course(frame)
        session.unload()

    run = play(zip_path, learner)
    assert run.errors == [] and run.violations == [], (run.errors, run.violations)
    sizes = [len(s) for s in sets(run, "cmi.suspend_data")]
    assert max(sizes) <= 4096, max(sizes)
    stored = json.loads(run.launches[0].cmi["cmi.suspend_data"])
    assert len(stored["q"]["k"]) == 200 and len(stored["q"]["t"]["d"]) == 12
    assert seen["page"] == "Sida 501 av 501" and seen["progress"] == "100"
    assert len(seen["answers"]) == 12 and seen["answers_after"] == seen["answers"]
    assert seen["checks_after"] == [2, 2, 2]
    assert run.cmi["cmi.core.lesson_status"] == "passed" and run.cmi["cmi.interactions._count"] == "12"
