"""The files a launch page loads besides the player: its course data and every page but the first.

A launch page holds the shell and its first page only, so it weighs the same whatever the size of
the course. The rest comes as script files, because a `<script src>` is the one way to load a file
that works in every launch: in an LMS frame or popup, and opened from disk (file://), where the
browser refuses fetch and XMLHttpRequest. Each file is one statement around one JSON value:
- `<launch page>.course.js` sets SB.course: the pages, lessons, questions and test. The launch page
  loads it before player.js, so the tracker knows every page from its first call;
- `pages/<page id>.js` hands SB.page({id, html}) to the player when it asks for that page
  (player/pages.js), to show it or, ahead of time, the one after the page on screen.
"""
from __future__ import annotations

import json

COURSE_PREFIX, COURSE_SUFFIX = "window.SB=window.SB||{};SB.course=", ";\n"
PAGE_PREFIX, PAGE_SUFFIX = "SB.page(", ");\n"
PAGES_DIR = "pages"


def course_file(launch_href: str) -> str:
    """`index.html` -> `index.course.js`."""
    return launch_href.rsplit(".", 1)[0] + ".course.js"


def page_file(page_id: str) -> str:
    """Page ids are slugs (`<lesson id>-<n>`), so they are file names as they are."""
    return f"{PAGES_DIR}/{page_id}.js"


def course_chunk(data: dict) -> str:
    return COURSE_PREFIX + _json(data) + COURSE_SUFFIX


def page_chunk(page_id: str, html: str) -> str:
    return PAGE_PREFIX + _json({"html": html, "id": page_id}) + PAGE_SUFFIX


def read_chunk(text: str) -> dict:
    """The JSON value of a course or page file: how tests and benches read a built package."""
    for prefix, suffix in ((COURSE_PREFIX, COURSE_SUFFIX), (PAGE_PREFIX, PAGE_SUFFIX)):
        if text.startswith(prefix) and text.endswith(suffix):
            return json.loads(text[len(prefix):-len(suffix)])
    raise ValueError("not a scorm-builder course or page file")


def _json(value: dict) -> str:
    """JSON as a JavaScript expression: U+2028 and U+2029 are line ends to older engines."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
