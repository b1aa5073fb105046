"""Splits a lesson into pages: every level-1 heading starts one. A test is one page."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from scorm_builder.source.stash import resolved

# Written after every page but the last, and cut there by source/markdown.py: each page becomes a
# file of its own in the package (render/pages.py). Python-Markdown removes STX and ETX from the
# source text, so no lesson can contain it.
PAGE_BREAK = "\x02page\x03"


class PageTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> etree.Element:
        sb = self.md.sb
        children = list(root)
        for child in children:
            root.remove(child)
        if not sb.split_pages:
            self._page(root, sb.title, children, test=True)
            return root
        current = None
        for child in children:
            if child.tag == "h1":
                current = self._page(root, None, [], heading=child)
            elif current is None:
                if child.tag in ("p", "ul", "ol", "table", "div", "aside", "details", "figure", "blockquote",
                                 "form", "h2", "h3", "h4", "pre"):
                    sb.reporter.error("page.before_heading", sb.path, sb.locator.offset + 1)
                    current = self._page(root, sb.title, [])
                    current.append(child)
            else:
                current.append(child)
        if current is None:
            sb.reporter.error("page.none", sb.path, sb.locator.offset + 1)
        for section in list(root)[:-1]:
            section.tail = (section.tail or "") + PAGE_BREAK
        return root

    def _page(self, root, title, children, heading=None, test=False):
        sb = self.md.sb
        page_id = f"{sb.lesson_id}-{len(sb.pages) + 1}"
        attrs = {"class": "sb-page sb-test" if test else "sb-page", "id": f"p-{page_id}",
                 "data-page": page_id, "aria-labelledby": f"h-{page_id}"}   # the player hides all but one
        if test:
            attrs["data-test"] = sb.lesson_id
        section = etree.SubElement(root, "section", attrs)
        if heading is None:
            heading = etree.Element("h1")
            heading.text = title
        heading.set("id", f"h-{page_id}")
        heading.set("tabindex", "-1")
        section.append(heading)
        section.extend(children)
        sb.pages.append((page_id, resolved(self.md, "".join(heading.itertext()))))
        return section


class PageWordsTreeprocessor(Treeprocessor):
    """Counts the words a learner reads on each page (heading included) once the pages exist, for
    the long-page warning, so nobody has to parse the finished HTML again."""

    def run(self, root: etree.Element) -> None:
        self.md.sb.page_words.extend(len(" ".join(section.itertext()).split())
                                     for section in root if section.tag == "section")
