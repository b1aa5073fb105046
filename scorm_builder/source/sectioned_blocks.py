"""Blocks whose body is a run of headed sections: tabs, accordions, steps and timelines.

The author writes one heading (`##`, `###` …) per section, as they would on a page without the
block, so the content reads the same in the source, without the player's script and in print.
The first heading's level is the section level; deeper headings stay inside their section.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from scorm_builder.source.blocks import CLOSE, OPEN

HEADING = re.compile(r"^(#{2,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Section:
    level: int          # 2 for `##`
    title: str
    line: int           # file line of the heading
    body: str


def split_sections(body: str, line: int, md, name: str, minimum: int) -> list[Section] | None:
    """The body's sections; reports text before the first heading and too few sections (None then).
    Headings inside nested `:::` blocks and code fences belong to their section."""
    sb = md.sb
    sections: list[Section] = []
    before: list[str] = []
    depth, fenced, level = 0, False, None
    for n, text in enumerate(body.split("\n"), start=1):
        match = HEADING.match(text) if not depth and not fenced else None
        if match and (level is None or len(match.group(1)) == level):
            level = len(match.group(1))
            sections.append(Section(level, match.group(2), line + n, ""))
            continue
        if FENCE.match(text):
            fenced = not fenced
        elif not fenced and OPEN.match(text):
            depth += 1
        elif not fenced and CLOSE.match(text):
            depth = max(0, depth - 1)
        if sections:
            sections[-1].body += text + "\n"
        else:
            before.append(text)
    if any(t.strip() for t in before):
        first = next(i for i, t in enumerate(before, start=1) if t.strip())
        sb.reporter.error("block.sections_text_before", sb.path, line + first, name=name)
        return None
    if len(sections) < minimum:
        sb.reporter.error("block.sections_too_few", sb.path, line, name=name, minimum=minimum)
        return None
    return sections


def heading(parent: etree.Element, section: Section, attrs: dict | None = None) -> etree.Element:
    h = etree.SubElement(parent, f"h{section.level}", attrs or {})
    h.text = section.title   # inline Markdown is applied later, as on any heading
    return h


class TabsBlock:
    """APG tabs. The page holds the panels, each under its heading; the player's blocks.js adds
    the tab list and hides all panels but one, so without it (and in print) every panel shows."""

    names = ("flikar", "tabs")

    def run(self, parent, args, body, line, md):
        sections = split_sections(body, line, md, self.names[0] if md.sb.lang == "sv" else self.names[1], 2)
        if sections is None:
            return
        group = md.sb.next_id("tabs")
        tabs = etree.SubElement(parent, "div", {"class": "sb-tabs", "id": group})
        if args:
            tabs.set("data-label", args)   # blocks.js names the tab list with it
        for n, section in enumerate(sections, start=1):
            panel = etree.SubElement(tabs, "section", {"class": "sb-tabpanel", "id": f"{group}-{n}",
                                                       "aria-labelledby": f"{group}-{n}-h"})
            heading(panel, section, {"id": f"{group}-{n}-h", "class": "sb-tab-heading"})
            md.parser.parseChunk(panel, section.body.rstrip("\n"))


ACCORDION_MODES = {"ett": "one", "one": "one", "flera": "any", "any": "any"}


class AccordionBlock:
    """A group of native disclosures (<details>). `::: dragspel ett` lets one section be open at a
    time: the shared `name` makes the browser close the others (blocks.js does it where the
    browser cannot)."""

    names = ("dragspel", "accordion")

    def run(self, parent, args, body, line, md):
        sb = md.sb
        mode = ACCORDION_MODES.get(args.lower() or "flera")
        if mode is None:
            sb.reporter.error("block.accordion_mode", sb.path, line, mode=args)
        sections = split_sections(body, line, md, self.names[0] if sb.lang == "sv" else self.names[1], 2)
        if sections is None:
            return
        group = sb.next_id("acc")
        box = etree.SubElement(parent, "div", {"class": "sb-accordion", "id": group})
        if mode == "one":
            box.set("data-single", "")
        for section in sections:
            details = etree.SubElement(box, "details", {"class": "sb-expand"})
            if mode == "one":
                details.set("name", group)
            summary = etree.SubElement(details, "summary")
            summary.text = section.title
            md.parser.parseChunk(details, section.body.rstrip("\n"))


class StepsBlock:
    """Steps or a process (`steps`), or dates and events (`timeline`): an ordered list whose items
    start with the section's heading, so the order is in the markup and in the outline."""

    def __init__(self, kind: str, names: tuple[str, ...]):
        self.kind, self.names = kind, names

    def run(self, parent, args, body, line, md):
        sections = split_sections(body, line, md, self.names[0] if md.sb.lang == "sv" else self.names[1], 1)
        if sections is None:
            return
        ol = etree.SubElement(parent, "ol", {"class": f"sb-{self.kind}"})
        if args:
            ol.set("aria-label", args)
        for section in sections:
            item = etree.SubElement(ol, "li")
            heading(item, section, {"class": f"sb-{self.kind}-title"})
            md.parser.parseChunk(item, section.body.rstrip("\n"))


SECTIONED_BLOCKS = (
    TabsBlock(), AccordionBlock(),
    StepsBlock("steps", ("steg", "steps")),
    StepsBlock("timeline", ("tidslinje", "timeline")),
)
