"""The raw-HTML allowlist (source/sanitize.py) applied during a conversion: stashed raw HTML, and
attributes set through Markdown's attr_list (`# Rubrik {onclick=…}`): event handlers and inline
style are refused there too."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from scorm_builder.source.sanitize import findings, locate, reserved


class RawHtmlCheck(Postprocessor):
    """Checks every piece of raw HTML against the allowlist (registered before raw HTML is put back)."""

    def run(self, text: str) -> str:
        sb = self.md.sb
        seen: dict[str, int] = {}   # pieces are stashed in page order: the second alike is the next one
        for raw in self.md.htmlStash.rawHtmlBlocks:
            raw = str(raw)
            if "<" not in raw:   # an entity such as &amp;
                continue
            occurrence = seen[raw] = seen.get(raw, -1) + 1
            for code, needle, params in findings(raw):
                sb.reporter.error(code, sb.path, *locate(sb, raw, needle, occurrence), **params)
        return text


class AttributeTreeprocessor(Treeprocessor):
    """Markdown's attr_list sets any attribute an author writes in `{…}`: no event handlers, no
    style, and no id or class the player finds its own parts by. The tool's own blocks give their
    elements `sb-` classes too, so a name counts as the author's only if attr_list added it:
    `snapshot` (run just before attr_list) records what each element had."""

    def __init__(self, md):
        super().__init__(md)
        self.before: dict[int, tuple[str | None, set[str]]] = {}

    def snapshot(self, root: etree.Element) -> None:
        self.before = {id(el): (el.get("id"), set((el.get("class") or "").split())) for el in root.iter()}

    def run(self, root: etree.Element) -> None:
        sb = self.md.sb
        for el in root.iter():
            for name in list(el.attrib):
                lowered = name.lower()
                if lowered.startswith("on"):
                    sb.reporter.error("html.event_handler", sb.path, *_where_attr(sb, name + r"\s*="),
                                      attribute=lowered, tag=el.tag)
                elif lowered == "style":
                    sb.reporter.error("html.style", sb.path, *_where_attr(sb, name + r"\s*="), tag=el.tag)
            old_id, old_classes = self.before.get(id(el), (None, set()))
            added = [("id", el.get("id"))] if el.get("id") != old_id else []
            added += [("class", c) for c in sorted(set((el.get("class") or "").split()) - old_classes)]
            for name, value in added:
                if value and reserved(name, value):
                    sb.reporter.error("html.reserved_name", sb.path, *_where_attr(sb, re.escape(value)),
                                      attribute=name, value=value, tag=el.tag)


class AttributeSnapshot(Treeprocessor):
    """Runs just before attr_list, for AttributeTreeprocessor."""

    def __init__(self, md, checker: AttributeTreeprocessor):
        super().__init__(md)
        self.checker = checker

    def run(self, root: etree.Element) -> None:
        self.checker.snapshot(root)


def _where_attr(sb, pattern: str) -> tuple[int | None, int | None]:
    """The first `{…}` attribute list in the source where `pattern` matches."""
    found = re.compile(r"\{[^}]*?(" + pattern + ")", re.IGNORECASE)
    for i, text in enumerate(sb.locator.lines):
        m = found.search(text)
        if m:
            return i + 1 + sb.locator.offset, m.start(1) + 1
    return None, None
