"""The `::: fråga` block: question source -> Question record + accessible form HTML.

The block body is read line by line (source, never HTML): the stem, then the answers (a checklist,
pairs or a numbered list, by type), then `key: value` lines (feedback, explanation, `svar:`).
Problems are reported at the line they are on, so one run lists all of them. Markdown inside the
stem, options and feedback is parsed with the page's own parser, so it renders like the rest of
the page; the answer key reaches the player through the course data, never the HTML.
"""
from __future__ import annotations

import copy
import difflib
import hashlib
import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.util import HTML_PLACEHOLDER_RE

from scorm_builder.i18n import t
from scorm_builder.model.question import (
    FILLIN, LETTERS, MATCHING, MAX_CHOICES, MAX_PAIRS, MULTIPLE, ORDERING, SINGLE, TRUEFALSE,
    Choice, Question)
from scorm_builder.source.content_blocks import report_unknown_audience

TYPE_NAMES = {
    "enval": SINGLE, "single": SINGLE, "flerval": MULTIPLE, "multiple": MULTIPLE,
    "santfalskt": TRUEFALSE, "truefalse": TRUEFALSE, "fritext": FILLIN, "fillin": FILLIN,
    "para": MATCHING, "matching": MATCHING, "ordning": ORDERING, "ordering": ORDERING,
}
KEYS = {
    "rätt": "correct", "correct": "correct", "fel": "incorrect", "incorrect": "incorrect",
    "förklaring": "explanation", "explanation": "explanation", "svar": "answer", "answer": "answer",
}
TRUE_WORDS, FALSE_WORDS = {"sant", "true"}, {"falskt", "false"}
AUDIENCE_ATTRS = {"målgrupp", "audience"}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")  # CMIIdentifier-safe, room for "-a12"

ARGS_RE = re.compile(r"^(?P<type>[^\s{]*)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
OPTION_RE = re.compile(r"^[-*+]\s+\[(?P<mark>[ xX])\]\s*(?P<text>.*)$")
BULLET_RE = re.compile(r"^[-*+]\s+(?P<text>.*)$")
NUMBERED_RE = re.compile(r"^\d+[.)]\s+(?P<text>.*)$")
KEY_RE = re.compile(r"^(?P<key>[^\W\d]+)\s*:\s?(?P<value>.*)$")
PIN_RE = re.compile(r"\s*\{(?:sist|last)\}\s*$")
ASCII_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O",
                            "æ": "ae", "ø": "o", "ß": "ss", "Æ": "AE", "Ø": "O"})


def slugify(text: str) -> str:
    """Stable ASCII id from a question's text (å→a, ä→a, ö→o); a hash when nothing is left."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text).translate(ASCII_FOLD))
    slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode().lower()).strip("-")
    if len(slug) > 48:
        slug = slug[:48].rsplit("-", 1)[0]
    return slug or "q" + hashlib.sha1(text.encode()).hexdigest()[:8]


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


class Problems:
    """One block's errors: forwarded to the page's Reporter and counted here, because the Reporter
    shows a repeated problem once and each audience variant converts the page again."""

    def __init__(self, sb):
        self.sb, self.count = sb, 0

    def __call__(self, code: str, line: int | None, **params) -> None:
        self.count += 1
        self.sb.reporter.error(code, self.sb.path, line, **params)


class QuestionBlock:
    """Handler for `::: fråga TYPE {#id målgrupp=a,b}` (see docs/quizzes.md)."""

    names = ("fråga", "question")

    def run(self, parent, args, body, line, md) -> None:
        sb, report = md.sb, Problems(md.sb)
        qtype, qid, audiences = self._parse_args(args, line, sb, report)
        if qtype is None:
            return
        src = _split(body.split("\n"), qtype, line + 1, report)
        if not "".join(src.stem).strip():
            report("quiz.no_stem", line)
            return
        stem_box = etree.Element("div")
        md.parser.parseChunk(stem_box, "\n".join(src.stem).strip("\n"))
        legend = _legend(stem_box)
        stem_text = plain_text(md, legend)
        question = Question(id=qid or slugify(stem_text), type=qtype, stem=stem_text, path=sb.path,
                            line=line, audiences=tuple(audiences), graded=sb.graded)
        _fill_answers(question, src, md, report)
        if audiences and sb.audience is not None and sb.audience not in audiences:
            return  # another variant's question (checked all the same, so every build reports it)
        first = next((q for q in sb.questions if q.id == question.id), None)
        if first:
            report("quiz.duplicate_id", line, id=question.id, first=f"{first.path}:{first.line}")
        if report.count:
            return
        sb.questions.append(question)
        _render(parent, question, src, stem_box, legend, md)

    def _parse_args(self, args, line, sb, report):
        m = ARGS_RE.match(args)
        if not m or not m["type"]:
            report("quiz.no_type", line, types=", ".join(sorted(TYPE_NAMES)))
            return None, None, []
        word = m["type"].lower()
        if word not in TYPE_NAMES:
            guess = difflib.get_close_matches(word, sorted(TYPE_NAMES), n=1)
            code = "quiz.unknown_type_guess" if guess else "quiz.unknown_type"
            report(code, line, type=m["type"], guess=guess[0] if guess else "",
                              types=", ".join(sorted(TYPE_NAMES)))
            return None, None, []
        qid, audiences = None, []
        for token in (m["attrs"] or "").split():
            name, eq, value = token.partition("=")
            if token.startswith("#") and ID_RE.match(token[1:]):
                qid = token[1:]
            elif token.startswith("#"):
                report("quiz.bad_id", line, id=token[1:])
            elif eq and name.lower() in AUDIENCE_ATTRS:
                audiences = [a for a in value.split(",") if a]
                for audience in audiences:
                    if audience not in sb.audience_ids:
                        report_unknown_audience(sb, line, audience)
                        report.count += 1
            else:
                report("quiz.bad_attribute", line, attribute=token)
        return TYPE_NAMES[word], qid, audiences


def _starts_answer(ln: str, qtype: str):
    """The answer-list item a source line opens for this type, or None."""
    if ln[:1].isspace():
        return None
    if qtype in (SINGLE, MULTIPLE):
        return OPTION_RE.match(ln)
    if qtype == MATCHING:
        return BULLET_RE.match(ln)
    if qtype == ORDERING:
        return NUMBERED_RE.match(ln)
    return None


def _split(lines: list[str], qtype: str, first_line: int, report: Problems) -> Source:
    """Stem lines, answer items and keyed parts, by a small line-wise state machine."""
    src, phase, key = Source(), "stem", None
    for n, ln in enumerate(lines, start=first_line):
        item = _starts_answer(ln, qtype) if phase != "keys" else None
        keyed = KEY_RE.match(ln) if not ln[:1].isspace() else None
        if item and phase in ("stem", "answers"):
            phase, text = "answers", item["text"]
            pinned = bool(PIN_RE.search(text)) and qtype in (SINGLE, MULTIPLE)
            src.answers.append(Answer(PIN_RE.sub("", text).strip() if pinned else text.strip(), n,
                                      correct=item.groupdict().get("mark", " ") in "xX", pinned=pinned))
        elif keyed and keyed["key"].lower() in KEYS:
            phase, key = "keys", KEYS[keyed["key"].lower()]
            if key in src.keys:
                report("quiz.duplicate_key", n, name=keyed["key"])
            src.keys[key] = (n, [keyed["value"]])
        elif phase == "stem":
            src.stem.append(ln)
        elif phase == "keys":
            src.keys[key][1].append(ln)
        elif not ln.strip():
            continue
        elif ln[:1].isspace() and ln.strip().startswith(">") and qtype in (SINGLE, MULTIPLE):
            src.answers[-1].feedback.append(ln.strip()[1:].removeprefix(" "))
        elif ln[:1].isspace() and not src.answers[-1].feedback:
            src.answers[-1].text += " " + ln.strip()
        else:
            report("quiz.unexpected_text", n, text=ln.strip()[:40])
    return src


def _fill_answers(q: Question, src: Source, md, report: Problems) -> None:
    """Checks the answers for the question's type and puts them on the record."""
    answers = src.answers
    if "answer" in src.keys and q.type not in (TRUEFALSE, FILLIN):
        report("quiz.unexpected_text", src.keys["answer"][0], text=src.keys["answer"][1][0][:40])
    if q.type in (SINGLE, MULTIPLE):
        if len(answers) > MAX_CHOICES:
            report("quiz.too_many", answers[MAX_CHOICES].line, count=len(answers), max=MAX_CHOICES)
            return
        q.choices = [Choice(LETTERS[i], plain_text(md, _inline(a.text)), a.correct, a.pinned)
                     for i, a in enumerate(answers)]
        correct = [a for a in answers if a.correct]
        if not correct:
            report("quiz.no_correct", q.line)
        elif q.type == SINGLE and len(correct) > 1:
            report("quiz.single_many_correct", correct[1].line, count=len(correct))
    elif q.type == TRUEFALSE:
        value = " ".join(src.keys.get("answer", (0, [""]))[1]).strip().lower()
        if not value:
            report("quiz.no_truefalse", q.line)
        elif value not in TRUE_WORDS | FALSE_WORDS:
            report("quiz.bad_truefalse", src.keys["answer"][0], value=value)
        q.answer = value in TRUE_WORDS
    elif q.type == FILLIN:
        value = " ".join(src.keys.get("answer", (0, [""]))[1])
        q.accepted = [a.strip() for a in value.split("|") if a.strip()]
        if not q.accepted:
            report("quiz.no_accepted", q.line)
    elif q.type == MATCHING:
        for a in answers:
            left, eq, right = a.text.partition("=")
            if not (eq and left.strip() and right.strip()):
                report("quiz.unpaired", a.line, text=a.text[:40])
            else:
                q.pairs.append((plain_text(md, _inline(left.strip())), plain_text(md, _inline(right.strip()))))
        _check_count(answers, MAX_PAIRS, q.line, report)
    else:
        q.sequence = [plain_text(md, _inline(a.text)) for a in answers]
        _check_count(answers, MAX_CHOICES, q.line, report)


def _check_count(answers: list[Answer], most: int, line: int, report: Problems) -> None:
    if len(answers) < 2:
        report("quiz.too_few", line, count=len(answers))
    elif len(answers) > most:
        report("quiz.too_many", answers[most].line, count=len(answers), max=most)


def check_unique_ids(questions, reporter) -> None:
    """Question ids are interaction ids in the LMS: two questions of a course may not share one."""
    seen = {}
    for q in questions:
        first = seen.setdefault(q.id, q)
        if first is not q:
            reporter.error("quiz.duplicate_id", q.path, q.line, id=q.id, first=f"{first.path}:{first.line}")


def check_test(settings, questions, reporter, path, line) -> None:
    """Test settings that need the questions: the pass mark, and a draw the pool can supply."""
    get = settings.get if isinstance(settings, dict) else lambda k, d=None: getattr(settings, k, d)
    pass_mark = get("pass_mark", None)
    if pass_mark is not None and (isinstance(pass_mark, bool) or not isinstance(pass_mark, (int, float))
                                  or not 0 <= pass_mark <= 100):
        reporter.error("quiz.pass_mark", path, line, value=pass_mark)
    draw = get("draw", None)
    if draw is None:
        return
    if isinstance(draw, bool) or not isinstance(draw, int) or draw < 1:
        reporter.error("quiz.draw_invalid", path, line, value=draw)
    elif draw > len(questions):
        reporter.error("quiz.draw_too_large", path, line, draw=draw, count=len(questions))


# --- HTML ------------------------------------------------------------------------------------

def _inline(text: str) -> etree.Element:
    span = etree.Element("span")
    span.text = text
    return span


def plain_text(md, element: etree.Element) -> str:
    """The text a screen reader reads for an element whose Markdown is not yet inline-parsed:
    inline patterns run on a copy, escapes and stashed inline HTML resolved to text."""
    box = etree.Element("div")
    box.append(copy.deepcopy(element))
    md.treeprocessors["inline"].run(box)
    if "unescape" in md.treeprocessors:
        md.treeprocessors["unescape"].run(box)

    def stashed(m):
        raw = str(md.htmlStash.rawHtmlBlocks[int(m[1])])
        return "" if raw.startswith("<") else html.unescape(raw)

    text = HTML_PLACEHOLDER_RE.sub(stashed, "".join(box.itertext()))
    return " ".join(text.replace("\x02", "").replace("\x03", "").split())


def _legend(stem_box: etree.Element) -> etree.Element:
    """The group's name: the stem's last paragraph (earlier blocks stay above the group)."""
    last = stem_box[-1] if len(stem_box) else None
    legend = etree.Element("legend", {"class": "sb-stem"})
    if last is not None and last.tag == "p":
        stem_box.remove(last)
        legend.text, legend[:] = last.text, list(last)
    else:
        legend.text = " ".join("".join(stem_box.itertext()).split())
    return legend


def _render(parent, q: Question, src: Source, stem_box, legend, md) -> None:
    # Controls get their own prefix: "q-x-a" could be question x's option a or question x-a.
    lang, base, ctl = md.sb.lang, f"q-{q.id}", f"qc-{q.id}"
    attrs = {"class": f"sb-question sb-q-{q.type}", "id": base, "data-question": q.id}
    if q.audiences:
        attrs["data-sb-audiences"] = " ".join(q.audiences)
    root = etree.SubElement(parent, "div", attrs)
    if len(stem_box):
        stem_box.set("class", "sb-stem-context")
        root.append(stem_box)
    group = etree.SubElement(root, "fieldset", {"class": "sb-group"})
    group.append(legend)
    if q.type in (SINGLE, MULTIPLE, TRUEFALSE):
        kind = "checkbox" if q.type == MULTIPLE else "radio"
        options = ([(c.id, _inline(a.text)) for c, a in zip(q.choices, src.answers)] if q.type != TRUEFALSE
                   else [("t", _inline(t("player.quiz_true", lang))), ("f", _inline(t("player.quiz_false", lang)))])
        box = etree.SubElement(group, "div", {"class": "sb-options"})
        for value, label in options:
            row = etree.SubElement(box, "div", {"class": "sb-option", "data-option": value})
            etree.SubElement(row, "input", {"type": kind, "id": f"{ctl}-{value}", "name": base, "value": value})
            label.tag = "label"
            label.set("for", f"{ctl}-{value}")
            row.append(label)
    elif q.type == FILLIN:
        row = etree.SubElement(group, "div", {"class": "sb-fillin"})
        etree.SubElement(row, "label", {"for": f"{ctl}-in"}).text = t("player.quiz_your_answer", lang)
        etree.SubElement(row, "input", {"type": "text", "id": f"{ctl}-in", "name": base, "autocomplete": "off",
                                        "spellcheck": "false", "maxlength": "255"})
    elif q.type == MATCHING:
        targets = q.targets()
        for i, a in enumerate(src.answers):
            _select(group, f"{ctl}-{i + 1}", str(i + 1), _inline(a.text.partition("=")[0].strip()),
                    [(LETTERS[j], target) for j, target in enumerate(targets)], lang)
    else:
        for i, a in enumerate(src.answers):
            _select(group, f"{ctl}-{LETTERS[i]}", LETTERS[i], _inline(a.text),
                    [(str(n), str(n)) for n in range(1, len(src.answers) + 1)], lang)
    if not q.graded:
        etree.SubElement(root, "button", {"type": "button", "class": "sb-check"}).text = t("player.quiz_check", lang)
    _feedback(root, q, src, md)


def _select(group, ident, item, label, options, lang) -> None:
    row = etree.SubElement(group, "div", {"class": "sb-select", "data-item": item})
    label.tag = "label"
    label.set("for", ident)
    row.append(label)
    select = etree.SubElement(row, "select", {"id": ident, "name": ident})
    etree.SubElement(select, "option", {"value": ""}).text = t("player.quiz_choose", lang)
    for value, text in options:
        etree.SubElement(select, "option", {"value": value}).text = text


def _feedback(root, q: Question, src: Source, md) -> None:
    """The live region: a verdict line plus hidden feedback the player reveals after a check."""
    live = etree.SubElement(root, "div", {"class": "sb-feedback", "role": "status", "aria-live": "polite"})
    etree.SubElement(live, "p", {"class": "sb-verdict"})
    if q.type in (SINGLE, MULTIPLE):
        for choice, a in zip(q.choices, src.answers):
            if a.feedback:
                box = etree.SubElement(live, "div", {"class": "sb-fb sb-fb-option", "data-option": choice.id,
                                                     "hidden": "hidden"})
                md.parser.parseChunk(box, "\n".join(a.feedback))
    for key in ("correct", "incorrect", "explanation"):
        if key in src.keys:
            box = etree.SubElement(live, "div", {"class": f"sb-fb sb-fb-{key}", "hidden": "hidden"})
            md.parser.parseChunk(box, "\n".join(src.keys[key][1]).strip("\n"))
