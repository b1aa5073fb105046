"""Tables in a box of their own: a wide table scrolls sideways inside it on a phone instead of the
page (WCAG 1.4.10), so the box must be reachable by keyboard and named (2.1.1, 4.1.2)."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from scorm_builder.i18n import t


class TableTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table":
                    parent.remove(child)
                    parent.insert(index, self._box(child))

    def _box(self, table: etree.Element) -> etree.Element:
        headers = [" ".join("".join(th.itertext()).split()) for th in table.iter("th")]
        label = t("player.table", self.md.sb.lang)
        if any(headers):
            label += ": " + ", ".join(h for h in headers if h)
        box = etree.Element("div", {"class": "sb-table", "role": "region", "tabindex": "0", "aria-label": label})
        box.append(table)
        return box
