"""The report's photographs of a page: full length, at desktop width and at a 360 px phone width.

The SCO lives in the LMS page's frame (or in a popup) and scrolls inside it, so a plain screenshot
shows only the first screenful. The viewport is made as tall as the SCO's document for the shot
(the LMS page's frame fills the viewport), then narrowed to phone width for the second shot, and
finally put back, so the learner script goes on exactly where it was. A hostile page cannot make
a shot unbounded: the height is capped.
"""
from __future__ import annotations

from pathlib import Path

PHONE_WIDTH = 360
MAX_HEIGHT = 12_000   # px; a longer page is cut off (Chromium's texture limit is 16 384)
CONTENT_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
                                    document.body ? document.body.scrollHeight : 0)"""


def photograph(page, frame, stem: Path) -> tuple[str, str]:
    """Write `<stem>.png` (desktop) and `<stem>-phone.png`; returns their file names."""
    size = dict(page.viewport_size)
    names = (stem.name + ".png", stem.name + "-phone.png")
    try:
        for name, width in zip(names, (size["width"], PHONE_WIDTH)):
            page.set_viewport_size({"width": width, "height": size["height"]})
            top = 0 if frame == page.main_frame else (frame.frame_element().bounding_box() or {"y": 0})["y"]
            height = int(top + frame.evaluate(CONTENT_HEIGHT))
            page.set_viewport_size({"width": width, "height": min(max(size["height"], height), MAX_HEIGHT)})
            page.screenshot(path=str(stem.with_name(name)))
    finally:
        page.set_viewport_size(size)
    return names
