"""What every question type module builds on: the parsed source of a question block, the
`QuestionType` a module subclasses and registers, the question's frame around the type's controls,
and the form pieces several types share.

source/quiz.py reads the block (opening line, stem, keyed parts) and hands the type its answer
lines; the type checks them and fills its record; `render_question` draws the frame and has the
type render its controls inside the fieldset.
"""
from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from scorm_builder.i18n import t
from scorm_builder.model.question import LETTERS, Question
from scorm_builder.source.stash import resolved


@dataclass
class Answer:
    """One answer line of the source: an option, a pair side or a sequence item."""
    text: str
    line: int
    correct: bool = False
    pinned: bool = False
    feedback: list[str] = field(default_factory=list)


@dataclass
class Source:
    """A question block split into its parts, still as Markdown source."""
    stem: list[str] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    keys: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, text) from the type's body_start on

    def key_text(self, key: str) -> str:
        """A keyed part's text on one line ("" when absent)."""
        return " ".join(self.keys.get(key, (0, [""]))[1])


class QuestionType:
    """One question type as the build sees it. A type module subclasses this, sets the class
    attributes, overrides what its type needs and calls `register()` on an instance.

    The learner driver `answer()` gets `hands` (runtime/hands.py: check, select, fill, text) and
    the question's course data; it never imports Playwright, so the runtime stays optional."""

    id: str                                   # the record's `type`, e.g. "single"
    names: tuple[str, ...]                    # words after `::: fråga`, Swedish and English
    record: type[Question]
    answer_item: re.Pattern | None = None     # the list item that opens an answer line
    body_start: re.Pattern | None = None      # a line that ends the stem; the type reads all after it
    pinnable = False                          # an option may end in {sist} (kept last when shuffled)
    option_feedback = False                   # "  > …" under an option: feedback for that option
    answer_key = False                        # reads an `svar:` line
    button: str | None = "player.quiz_check"  # a knowledge check's button (catalogue key), or none
    scored = True                             # may be in the final test

    def fill(self, q: Question, src: Source, md, report) -> None:
        """Checks the answers (report(code, line, **params) per problem) and puts them on `q`."""

    def render(self, group: etree.Element, q: Question, src: Source, md, ids: tuple[str, str]) -> None:
        """The controls inside the question's fieldset; `ids` = (input name, control id prefix)."""
        raise NotImplementedError

    def answer(self, hands, group, q: dict, right: bool) -> None:
        """Answers the question (course data `q`) in its `group`, right or wrong."""
        raise NotImplementedError


# --- pieces of forms ----------------------------------------------------------------------------

def inline(text: str) -> etree.Element:
    """A span whose Markdown the page's inline processors render later."""
    span = etree.Element("span")
    span.text = text
    return span


def plain_text(md, element: etree.Element) -> str:
    """The text a screen reader reads for an element whose Markdown is not yet inline-parsed:
    inline patterns (and smarty's quotes, when on) run on a copy, escapes and stashed text resolved."""
    box = etree.Element("div")
    box.append(copy.deepcopy(element))
    for name in ("inline", "smarty", "unescape"):
        if name in md.treeprocessors:
            md.treeprocessors[name].run(box)
    return resolved(md, "".join(box.itertext()))


def option_rows(group: etree.Element, kind: str, ids: tuple[str, str], options) -> None:
    """Radio buttons or checkboxes, one labelled row per (value, label element)."""
    name, ctl = ids
    box = etree.SubElement(group, "div", {"class": "sb-options"})
    for value, label in options:
        row = etree.SubElement(box, "div", {"class": "sb-option", "data-option": value})
        etree.SubElement(row, "input", {"type": kind, "id": f"{ctl}-{value}", "name": name, "value": value})
        label.tag = "label"
        label.set("for", f"{ctl}-{value}")
        row.append(label)


def select_row(group: etree.Element, ident: str, item: str, label: etree.Element, options, choose: str) -> None:
    """A labelled select (matching, ordering) whose first option is "Choose …"."""
    row = etree.SubElement(group, "div", {"class": "sb-select", "data-item": item})
    label.tag = "label"
    label.set("for", ident)
    row.append(label)
    select = etree.SubElement(row, "select", {"id": ident, "name": ident})
    etree.SubElement(select, "option", {"value": ""}).text = choose
    for value, text in options:
        etree.SubElement(select, "option", {"value": value}).text = text


def check_count(answers: list[Answer], most: int, line: int, report) -> None:
    """Matching and ordering need 2 to `most` items."""
    if len(answers) < 2:
        report("quiz.too_few", line, count=len(answers))
    elif len(answers) > most:
        report("quiz.too_many", answers[most].line, count=len(answers), max=most)


# --- the question's frame -----------------------------------------------------------------------

def legend_of(stem_box: etree.Element) -> etree.Element:
    """The group's name: the stem's last paragraph (earlier blocks stay above the group)."""
    last = stem_box[-1] if len(stem_box) else None
    legend = etree.Element("legend", {"class": "sb-stem"})
    if last is not None and last.tag == "p":
        stem_box.remove(last)
        legend.text, legend[:] = last.text, list(last)
    else:
        legend.text = " ".join("".join(stem_box.itertext()).split())
    return legend


def render_question(parent, qtype: QuestionType, q: Question, src: Source, stem_box, legend, md) -> None:
    """The question's frame (stem, fieldset, check button, live region); the type fills the fieldset."""
    # Controls get their own prefix: "q-x-a" could be question x's option a or question x-a.
    base, ctl = f"q-{q.id}", f"qc-{q.id}"
    attrs = {"class": f"sb-question sb-q-{q.type}", "id": base, "data-question": q.id}
    if q.audiences:
        attrs["data-sb-audiences"] = " ".join(q.audiences)
    if q.levels:
        attrs["data-sb-levels"] = " ".join(q.levels)
    root = etree.SubElement(parent, "div", attrs)
    if len(stem_box):
        stem_box.set("class", "sb-stem-context")
        root.append(stem_box)
    group = etree.SubElement(root, "fieldset", {"class": "sb-group"})
    group.append(legend)
    qtype.render(group, q, src, md, (base, ctl))
    if not q.graded and qtype.button:
        etree.SubElement(root, "button", {"type": "button", "class": "sb-check"}).text = t(qtype.button, md.sb.lang)
    _feedback(root, qtype, q, src, md)


def _feedback(root, qtype: QuestionType, q: Question, src: Source, md) -> None:
    """The live region: a verdict line plus hidden feedback the player reveals after a check.
    Feedback under an option belongs to the option with that answer's SCORM letter; an unscored
    answer that is sent gets a thank-you instead of a verdict."""
    live = etree.SubElement(root, "div", {"class": "sb-feedback", "role": "status", "aria-live": "polite"})
    etree.SubElement(live, "p", {"class": "sb-verdict"})
    if not qtype.scored and qtype.button and not q.graded:
        etree.SubElement(live, "p", {"class": "sb-fb sb-fb-sent", "hidden": "hidden"}).text = t("form.sent", md.sb.lang)
    for letter, a in zip(LETTERS, src.answers):
        if a.feedback:
            box = etree.SubElement(live, "div", {"class": "sb-fb sb-fb-option", "data-option": letter,
                                                 "hidden": "hidden"})
            md.parser.parseChunk(box, "\n".join(a.feedback))
    for key in ("correct", "incorrect", "explanation"):
        if key in src.keys:
            box = etree.SubElement(live, "div", {"class": f"sb-fb sb-fb-{key}", "hidden": "hidden"})
            md.parser.parseChunk(box, "\n".join(src.keys[key][1]).strip("\n"))
