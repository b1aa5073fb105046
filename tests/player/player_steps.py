"""What the player tests share: a small course, and learner steps that drive the player by roles
and names only (docs/architecture.md, the accessible-names contract)."""
from __future__ import annotations

import re

from scorm_builder import questions
from scorm_builder.runtime.hands import Hands
from support import MINIMAL

COURSE = {
    "course.yml": """\
        id: spelare
        title: Spelarkurs
        version: "1.0"
        description: Kurs för spelarens tester.
        completion: pages-and-test
        lessons:
          - 01-forsta
          - 02-andra
          - slutprov
        """,
    "lessons/01-forsta.md": """\
        ---
        title: Första lektionen
        ---
        # Sida ett

        Text på sida ett.

        # Sida två

        ::: fråga enval {#kontroll-1}
        Vilket nummer har Kvinnofridslinjen?

        - [x] 020-50 50 50
        - [ ] 116 006
        :::
        """,
    "lessons/02-andra.md": """\
        ---
        title: Andra lektionen
        ---
        # Sida tre

        Text på sida tre.

        # Sida fyra

        Text på sida fyra.
        """,
    # the minimal course's test, with three attempts and every question drawn
    "lessons/slutprov.md": MINIMAL["lessons/slutprov.md"].replace("draw: 2", "attempts: 3"),
}


def arrived(frame) -> None:
    """Wait for the page asked for: pages load on demand, and #sb-main is aria-busy till it is shown."""
    frame.locator("#sb-main:not([aria-busy])").wait_for()


def page_number(frame) -> str:
    arrived(frame)
    return frame.locator("#sb-pageno").inner_text()


def go_to(frame, title: str) -> None:
    """Open the table of contents and follow the link to the page called `title`."""
    frame.get_by_role("button", name="Innehåll").click()
    frame.get_by_role("link", name=title, exact=True).click()
    arrived(frame)


def read_to_end(frame) -> None:
    """Press Nästa until the last page."""
    nxt = frame.get_by_role("button", name="Nästa")
    while nxt.is_enabled():
        nxt.click()
        arrived(frame)


def answer(frame, group, q: dict, right: bool) -> None:
    """Answer question `q` (course data) inside its group, right or wrong (its type's driver)."""
    questions.of(q["type"]).answer(Hands(frame), group, q, right)


def take_test(frame, data: dict, right: bool = True, submit: bool = True, only: int | None = None) -> None:
    """On the test page: start (or retake) the test and answer the drawn questions."""
    go_to(frame, next(p["title"] for p in data["pages"] if p["id"] == data["test"]["page"]))
    start = frame.get_by_role("button", name="Starta provet")
    (start if start.count() else frame.get_by_role("button", name="Gör om provet")).click()
    by_stem = {q["stem"]: q for q in data["questions"].values()}
    groups = frame.locator("section.sb-test").get_by_role("group")
    for i in range(groups.count() if only is None else only):
        group = groups.nth(i)
        answer(frame, group, by_stem[group.locator("legend").inner_text().strip()], right)
    if submit:
        frame.get_by_role("button", name="Lämna in provet").click()
        frame.get_by_role("heading", name="Resultat").wait_for()


def exit_course(frame) -> None:
    """Press Avsluta and wait until the closing screen says whether the LMS kept the progress."""
    frame.get_by_role("button", name="Avsluta").click()
    frame.get_by_role("heading", name="Du kan stänga fönstret nu").wait_for()
    frame.locator(".sb-done p", has_text=re.compile(r"är sparade|kunde inte sparas")).wait_for()


def sets(run_or_launch, element: str) -> list[str]:
    """The values the player sent for `element`, in order."""
    return [c["args"][1] for c in run_or_launch.calls if c["fn"] == "LMSSetValue" and c["args"][0] == element]
