"""The launch pages run the player and nothing else.

Lessons are held to the raw-HTML allowlist as they are read (source/sanitize.py); everything else
on a launch page comes from the theme, and a course's `theme_overrides/` may change any template,
with Jinja able to assemble markup no source check would see. So each rendered page is read once
more, every tag as written (the standard library's HTMLParser): its only scripts are the player's
three, and no element has an event attribute, a script URL or a frame that could hold a page of its
own. The pages in `pages/` (render/chunks.py) are lesson HTML that no template touches: checked
when read, they are not read again.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from scorm_builder.render.chunks import course_file
from scorm_builder.source.asset_files import CSS_LOADS
from scorm_builder.source.sanitize import url_scheme

PLAYER_SCRIPTS = ({"src": "player.js"}, {"type": "application/json", "id": "sb-data"})   # and the course file
FRAMES = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "data"})

Finding = tuple[str, int, dict]   # (catalogue code, line in the page, parameters)


class _Page(HTMLParser):
    def __init__(self, scripts: tuple[dict, ...]):
        super().__init__(convert_charrefs=True)
        self.scripts = scripts
        self.found: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "script" and values not in self.scripts:
            self.found.append(("theme.script", line, {"tag": self.get_starttag_text()}))
        elif tag in FRAMES:
            self.found.append(("theme.frame", line, {"tag": tag}))
        for name, value in values.items():
            if name.startswith("on") or name == "srcdoc":
                self.found.append(("theme.event_handler", line, {"attribute": name, "tag": tag}))
            elif name in URL_ATTRIBUTES:
                scheme = url_scheme(value)
                if scheme and scheme not in URL_SCHEMES:
                    self.found.append(("theme.script_url", line, {"attribute": name, "tag": tag, "scheme": scheme}))


def page_findings(html: str, name: str = "index.html") -> list[Finding]:
    """`name`: the launch page's file name, which names its course file."""
    page = _Page(PLAYER_SCRIPTS + ({"src": course_file(name), "defer": ""},))
    try:
        page.feed(html)
        page.close()
    except AssertionError:   # HTMLParser gives up on some broken `<![…` declarations
        page.found.append(("theme.unreadable", page.getpos()[0], {}))
    return page.found


def css_findings(css: str) -> list[Finding]:
    """A stylesheet that fetches from elsewhere (@import, url() with an address) breaks the promise
    that a package loads nothing from outside, and tells a third party who opened the course."""
    return [("theme.css_loads", n, {}) for n, text in enumerate(css.split("\n"), start=1) if CSS_LOADS.search(text)]


def check_launch_pages(files: dict[str, bytes | Path]) -> list[tuple[str, str, int, dict]]:
    """(code, file name, line, parameters) for every launch page and stylesheet at the top of the
    package (`files` as render/pages.py gives them: bytes, or the path of a file taken as it is)."""
    def text(name: str) -> str:
        value = files[name]
        return (value if isinstance(value, bytes) else value.read_bytes()).decode("utf-8", errors="replace")

    top = sorted(name for name in files if "/" not in name)
    found = [(code, name, line, params) for name in top if name.endswith(".html")
             for code, line, params in page_findings(text(name), name)]
    return found + [(code, name, line, params) for name in top if name.endswith(".css")
                    for code, line, params in css_findings(text(name))]
