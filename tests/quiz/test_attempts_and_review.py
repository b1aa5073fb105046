"""Test settings in the browser, on a three-question course: attempt limits that survive resume,
review modes, pinned options, unshuffled options, and the LMS's mastery score winning."""
from __future__ import annotations

import re
import textwrap
import zipfile
from pathlib import Path

import pytest
from learning import DRAWN, answer, assert_clean, interactions, take_test

from scorm_builder.build import build_course

pytestmark = pytest.mark.playback

QUESTIONS = "\n".join(f"""
::: fråga enval {{#{x}}}
Fråga {x.upper()}?

- [ ] Fel {x} 1
- [x] Rätt {x}
- [ ] Fel {x} 2
- [ ] Inget av ovanstående {{sist}}

förklaring: Förklaring {x}.
:::
""" for x in "abc")


def make_package(tmp_path: Path, settings: str) -> Path:
    course = tmp_path / "miniprov"
    (course / "lessons").mkdir(parents=True)
    (course / "course.yml").write_text(textwrap.dedent("""\
        id: miniprov
        title: Miniprov
        version: "1.0"
        lessons:
          - slutprov
        """), encoding="utf-8")
    (course / "lessons" / "slutprov.md").write_text(
        "---\ntitle: Slutprov\ntype: test\n" + textwrap.dedent(settings) + "---\nInledning.\n" + QUESTIONS,
        encoding="utf-8")
    return build_course(course, tmp_path / "dist")[0]


def options_shown(frame) -> list[list[str]]:
    return frame.evaluate("""() => [...document.querySelectorAll('.sb-test-attempt .sb-question')].map(q =>
        [...q.querySelectorAll('label')].map(l => l.textContent))""")


def test_attempts_run_out_and_stay_used_after_resume(play, tmp_path):
    package = make_package(tmp_path, """\
        pass_mark: 100
        draw: 2
        attempts: 2
        review: responses
        """)
    seen = {"orders": []}

    def learner(session):
        frame = session.launch()
        data = session.course_data()
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        seen["orders"].append(options_shown(frame))
        seen["drawn1"] = take_test(frame, data, lambda i: False)
        seen["results1"] = frame.locator(".sb-test-results").inner_text()
        frame.get_by_role("button", name="Gör om provet", exact=True).click()
        seen["orders"].append(options_shown(frame))
        drawn2 = frame.evaluate(DRAWN)
        answer(frame, data["questions"][drawn2[0]], False)
        session.unload()  # leaves during the second attempt

        frame = session.launch()
        seen["resumed"] = frame.evaluate(DRAWN)
        answer(frame, data["questions"][drawn2[1]], False)
        frame.get_by_role("button", name="Lämna in provet", exact=True).click()
        seen["results2"] = frame.locator(".sb-test-results").inner_text()
        seen["retake2"] = frame.get_by_role("button", name="Gör om provet").count()
        session.unload()

        frame = session.launch()
        seen["third"] = frame.locator("section.sb-test").inner_text()
        seen["buttons3"] = [frame.get_by_role("button", name=n).count() for n in ("Starta provet", "Gör om provet")]
        seen["drawn2"] = drawn2
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    assert "Försök kvar: 1." in seen["results1"]
    assert seen["resumed"] == seen["drawn2"]
    assert "Du har inga försök kvar." in seen["results2"] and seen["retake2"] == 0
    assert "Resultat" in seen["third"] and "Du har inga försök kvar." in seen["third"]
    assert seen["buttons3"] == [0, 0]
    # review: responses tells right or wrong, never the right answer or the explanation
    assert "Ditt svar: Fel" in seen["results1"] and "\nFel\n" in seen["results1"]
    assert "Rätt svar" not in seen["results1"] and "Förklaring" not in seen["results1"]
    # shuffled options, the pinned one always last
    for order in seen["orders"]:
        for labels in order:
            assert labels[-1] == "Inget av ovanstående" and len(labels) == 4
    # the runtime's LMS keeps no interactions across launches: each launch shows what it wrote
    assert [r["id"] for r in interactions(run.launches[0].cmi)] == seen["drawn1"]
    assert [r["id"] for r in interactions(run.launches[1].cmi)] == [f"{q}-a2" for q in seen["drawn2"]]
    assert interactions(run.launches[2].cmi) == []
    assert run.cmi["cmi.core.lesson_status"] == "failed" and run.cmi["cmi.core.score.raw"] == "0"


def test_no_review_and_unshuffled_options(play, tmp_path):
    package = make_package(tmp_path, """\
        pass_mark: 50
        shuffle: false
        review: none
        """)
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        seen["orders"] = options_shown(frame)
        take_test(frame, session.course_data(), lambda i: i < 2)
        seen["results"] = frame.locator(".sb-test-results").inner_text()
        seen["review"] = frame.locator(".sb-review").count()
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    assert len(seen["orders"]) == 3
    for labels in seen["orders"]:
        x = re.search(r"Rätt (\w)", " ".join(labels))[1]
        assert labels == [f"Fel {x} 1", f"Rätt {x}", f"Fel {x} 2", "Inget av ovanstående"]
    assert seen["review"] == 0
    assert "Ditt resultat: 67 % rätt." in seen["results"] and "Du är godkänd." in seen["results"]
    assert run.cmi["cmi.core.lesson_status"] == "passed" and run.cmi["cmi.core.score.raw"] == "67"


def test_the_lms_mastery_score_wins(play, tmp_path):
    built = make_package(tmp_path, "pass_mark: 80\n")
    package = tmp_path / "lms-mastery.zip"
    with zipfile.ZipFile(built) as src, zipfile.ZipFile(package, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "imsmanifest.xml":
                assert b"<adlcp:masteryscore>80</adlcp:masteryscore>" in body
                body = body.replace(b"<adlcp:masteryscore>80<", b"<adlcp:masteryscore>60<")
            dst.writestr(item, body)
    seen = {}

    def learner(session):
        frame = session.launch()
        frame.get_by_role("button", name="Starta provet", exact=True).click()
        take_test(frame, session.course_data(), lambda i: i < 2)
        seen["results"] = frame.locator(".sb-test-results").inner_text()
        frame.get_by_role("button", name="Avsluta", exact=True).click()

    run = play(package, learner)
    assert_clean(run)
    assert "Ditt resultat: 67 % rätt." in seen["results"] and "Du är godkänd." in seen["results"]
    assert run.cmi["cmi.core.lesson_status"] == "passed"
