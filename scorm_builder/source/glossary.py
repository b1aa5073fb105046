"""The course's glossary (course.yml `glossary:`, term: definition): terms marked `[[term]]` or
`[[shown text|term]]` in the text, and the `::: ordlista` block that lists every term.

A marked term is a disclosure (APG): a button that shows its definition right after it, so the
definition is reached by keyboard and touch, never by hover only. blocks.js wires the button;
in print every definition shows.
"""
from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from scorm_builder.source.assets import where

TERM = r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]|\n]+?))?\]\]"
# Swedish alphabetical order ends … x y z å ä ö; code point order would put ä before å.
_SWEDISH_END = str.maketrans({"å": "z\x01", "ä": "z\x02", "æ": "z\x02", "ö": "z\x03", "ø": "z\x03"})


def term_key(term: str) -> str:
    """How a term is looked up: case and spacing do not matter."""
    return " ".join(term.split()).casefold()


def sort_key(term: str) -> str:
    return term_key(term).translate(_SWEDISH_END)


class TermPattern(InlineProcessor):
    """`[[term]]` -> button + hidden definition; an unknown term is an error with a did-you-mean."""

    def handleMatch(self, m, data):
        sb = self.md.sb
        shown, term = m.group(1).strip(), (m.group(2) or m.group(1)).strip()
        known = {term_key(k): k for k in sb.glossary}
        if term_key(term) not in known:
            at = where(sb, m.group(0))
            guess = difflib.get_close_matches(term_key(term), sorted(known), n=1)
            if guess:
                sb.reporter.error("glossary.unknown_term_guess", sb.path, *at, term=term, guess=known[guess[0]])
            elif known:
                sb.reporter.error("glossary.unknown_term", sb.path, *at, term=term)
            else:
                sb.reporter.error("glossary.none", sb.path, *at, term=term)
            return AtomicString(shown), m.start(0), m.end(0)
        box = etree.Element("span", {"class": "sb-term"})
        def_id = sb.next_id("term")
        button = etree.SubElement(box, "button", {"type": "button", "class": "sb-term-button",
                                                  "aria-expanded": "false", "aria-controls": def_id})
        button.text = AtomicString(shown)
        definition = etree.SubElement(box, "span", {"class": "sb-term-def", "id": def_id, "hidden": "hidden"})
        definition.text = AtomicString(sb.glossary[known[term_key(term)]])
        return box, m.start(0), m.end(0)


PLAIN_PLACES = {"h1", "h2", "h3", "h4", "h5", "h6", "summary", "a", "button", "legend", "label", "dt"}


class PlainTermsTreeprocessor(Treeprocessor):
    """A term in a heading, a link or a control stays plain text: a button there would nest
    controls, and a heading's text names its page, tab or section."""

    def run(self, root: etree.Element) -> None:
        for place in [el for el in root.iter() if el.tag in PLAIN_PLACES]:
            for parent in list(place.iter()):
                for term in [c for c in parent if c.get("class") == "sb-term"]:
                    _unwrap(parent, term)


def _unwrap(parent: etree.Element, term: etree.Element) -> None:
    """Puts the term's shown text where the term's box was."""
    text = (term[0].text or "") + (term.tail or "")
    index = list(parent).index(term)
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(term)


class GlossaryBlock:
    """`::: ordlista`: every term of the course with its definition, in alphabetical order."""

    names = ("ordlista", "glossary")

    def run(self, parent, args, body, line, md):
        sb = md.sb
        if not sb.glossary:
            sb.reporter.error("block.glossary_empty", sb.path, line)
            return
        if body.strip():
            sb.reporter.error("block.glossary_body", sb.path, line)
        dl = etree.SubElement(parent, "dl", {"class": "sb-glossary"})
        for term in sorted(sb.glossary, key=sort_key):
            etree.SubElement(dl, "dt").text = AtomicString(term)
            etree.SubElement(dl, "dd").text = AtomicString(sb.glossary[term])
