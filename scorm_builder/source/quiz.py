"""The `::: fråga` block: question source -> the type's record + accessible form HTML.

The block body is read line by line (source, never HTML): the stem, then the answers (the list
items the question's type reads), then `key: value` lines (feedback, explanation, `svar:`). This
module reads what every type shares (the opening line, stem, keys); the type's module
(scorm_builder/questions/) checks the answers and fills its record, and questions/base.py draws
the form.
Problems are reported at the line they are on, so one run lists all of them. Markdown inside the
stem, options and feedback is parsed with the page's own parser, so it renders like the rest of
the page; the answer key reaches the player through the course data, never the HTML.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import xml.etree.ElementTree as etree

from scorm_builder import questions as question_types
from scorm_builder.questions.base import Answer, Source, legend_of, plain_text, render_question
from scorm_builder.source import files
from scorm_builder.source.content_blocks import unknown_id

KEYS = {
    "rätt": "correct", "correct": "correct", "fel": "incorrect", "incorrect": "incorrect",
    "förklaring": "explanation", "explanation": "explanation", "svar": "answer", "answer": "answer",
}
VARIANT_ATTRS = {"målgrupp": "audience", "audience": "audience", "nivå": "level", "level": "level"}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")  # CMIIdentifier-safe, room for "-a12"

ARGS_RE = re.compile(r"^(?P<type>[^\s{]*)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
KEY_RE = re.compile(r"^(?P<key>[^\W\d]+)\s*:\s?(?P<value>.*)$")
PIN_RE = re.compile(r"\s*\{(?:sist|last)\}\s*$")
FLAG_RE = re.compile(r"\s*\{(?P<flag>[^\W\d_]+)\}\s*$")  # {word} closing an option: meant as a flag


def slugify(text: str) -> str:
    """Stable ASCII id from a question's text (the one slug, at most 48 characters); a hash when
    nothing is left."""
    slug = files.slug(text)
    if len(slug) > 48:
        slug = slug[:48].rsplit("-", 1)[0]
    return slug or "q" + hashlib.sha1(text.encode()).hexdigest()[:8]


class Problems:
    """One block's errors: forwarded to the page's Reporter and counted here, because the Reporter
    shows a repeated problem once and each audience variant converts the page again."""

    def __init__(self, sb):
        self.sb, self.count = sb, 0

    def __call__(self, code: str, line: int | None, col: int | None = None, **params) -> None:
        self.count += 1
        self.sb.reporter.error(code, self.sb.path, line, col, **params)

    def warning(self, code: str, line: int | None, **params) -> None:
        """A likely mistake that still builds (counted nowhere: the question is kept)."""
        self.sb.reporter.warning(code, self.sb.path, line, **params)


class QuestionBlock:
    """Handler for `::: fråga TYPE {#id målgrupp=a,b}` (see docs/quizzes.md)."""

    names = ("fråga", "question")

    def run(self, parent, args, body, line, md) -> None:
        sb, report = md.sb, Problems(md.sb)
        qtype, qid, limits = self._parse_args(args, line, sb, report)
        if qtype is None:
            return
        src = _split(body.split("\n"), qtype, line + 1, report)
        if not "".join(src.stem).strip():
            report("quiz.no_stem", line)
            return
        stem_box = etree.Element("div")
        md.parser.parseChunk(stem_box, "\n".join(src.stem).strip("\n"))
        legend = legend_of(stem_box)
        stem_text = plain_text(md, legend)
        question = qtype.record(id=qid or slugify(stem_text), stem=stem_text, path=sb.path, line=line,
                                audiences=tuple(limits["audience"]), levels=tuple(limits["level"]),
                                graded=sb.graded)
        if "answer" in src.keys and not qtype.answer_key:
            report("quiz.unexpected_text", src.keys["answer"][0], text=src.keys["answer"][1][0][:40])
        if sb.graded and not qtype.scored:
            report("quiz.unscored_in_test", line, type=args.split()[0])
        qtype.fill(question, src, md, report)
        variants = {"audiences": question.audiences, "levels": question.levels}
        if not report.count and not sb.narrowed(**variants):
            sb.reporter.warning("variant.unreachable", sb.path, line, what=f"::: {self.names[0]} {args}",
                                reach=sb.reach())
        if not sb.sees(**variants):
            return  # another variant's question (checked all the same, so every build reports it)
        first = next((q for q in sb.questions if q.id == question.id), None)
        if first:
            report("quiz.duplicate_id", line, id=question.id, first=f"{first.path}:{first.line}")
        if report.count:
            return
        sb.questions.append(question)
        render_question(parent, qtype, question, src, stem_box, legend, md)

    def _parse_args(self, args, line, sb, report):
        m = ARGS_RE.match(args)
        if not m or not m["type"]:
            report("quiz.no_type", line, types=", ".join(question_types.names()))
            return None, None, []
        qtype = question_types.by_name(m["type"])
        if qtype is None:
            guess = difflib.get_close_matches(m["type"].lower(), question_types.names(), n=1)
            code = "quiz.unknown_type_guess" if guess else "quiz.unknown_type"
            report(code, line, type=m["type"], guess=guess[0] if guess else "", types=", ".join(question_types.names()))
            return None, None, []
        qid, limits = None, {"audience": [], "level": []}
        for token in (m["attrs"] or "").split():
            name, eq, value = token.partition("=")
            if token.startswith("#") and ID_RE.match(token[1:]):
                qid = token[1:]
            elif token.startswith("#"):
                report("quiz.bad_id", line, id=token[1:])
            elif eq and name.lower() in VARIANT_ATTRS:
                dimension = VARIANT_ATTRS[name.lower()]
                limits[dimension] = [a for a in value.split(",") if a]
                for wanted in limits[dimension]:
                    if wanted not in sb.ids()[dimension]:
                        unknown_id(sb.reporter, dimension, sb.path, line, wanted, sb.ids())
                        report.count += 1
            else:
                report("quiz.bad_attribute", line, attribute=token)
        return qtype, qid, limits


def _split(lines: list[str], qtype, first_line: int, report: Problems) -> Source:
    """Stem lines, answer items and keyed parts, by a small line-wise state machine."""
    src, phase, key, first_key = Source(), "stem", None, None
    for n, ln in enumerate(lines, start=first_line):
        if phase == "body" or (phase == "stem" and qtype.body_start and qtype.body_start.match(ln)):
            phase = "body"  # the type reads the rest itself (a scenario's steps)
            src.body.append((n, ln))
            continue
        item = qtype.answer_item.match(ln) if qtype.answer_item and not ln[:1].isspace() else None
        keyed = KEY_RE.match(ln) if not ln[:1].isspace() else None
        if item and phase == "keys" and not src.answers:  # "rätt: …" above the answers would swallow them
            report("quiz.key_before_answers", first_key[0], name=first_key[1])
            phase = "answers"
        if item and phase in ("stem", "answers"):
            phase = "answers"
            src.answers.append(_answer(item, n, qtype, report))
        elif keyed and keyed["key"].lower() in KEYS:
            phase, key = "keys", KEYS[keyed["key"].lower()]
            first_key = first_key or (n, keyed["key"])
            if key in src.keys:
                report("quiz.duplicate_key", n, name=keyed["key"])
            src.keys[key] = (n, [keyed["value"]])
        elif phase == "stem":
            src.stem.append(ln)
        elif phase == "keys":
            src.keys[key][1].append(ln)
        elif not ln.strip():
            continue
        elif ln[:1].isspace() and ln.strip().startswith(">") and qtype.option_feedback:
            src.answers[-1].feedback.append(ln.strip()[1:].removeprefix(" "))
        elif ln[:1].isspace() and not src.answers[-1].feedback:
            src.answers[-1].text += " " + ln.strip()
        else:
            report("quiz.unexpected_text", n, text=ln.strip()[:40])
    return src


def _answer(item: re.Match, n: int, qtype, report: Problems) -> Answer:
    """An answer line; for types whose options may be pinned, `{sist}` is read and any other
    `{word}` at the end is reported (the learner would see it as part of the option)."""
    text = item["text"]
    pinned = qtype.pinnable and bool(PIN_RE.search(text))
    if pinned:
        text = PIN_RE.sub("", text)
    elif qtype.pinnable and (flag := FLAG_RE.search(text)):
        report("quiz.unknown_flag", n, item.start("text") + flag.start("flag"), flag=flag["flag"])  # col of "{"
    return Answer(text.strip(), n, correct=item.groupdict().get("mark", " ") in "xX", pinned=pinned)


def check_unique_ids(questions, reporter) -> None:
    """Question ids are interaction ids in the LMS: two questions of a course may not share one."""
    seen = {}
    for q in questions:
        first = seen.setdefault(q.id, q)
        if first is not q:
            reporter.error("quiz.duplicate_id", q.path, q.line, id=q.id, first=f"{first.path}:{first.line}")
