"""Scenario (`::: fråga scenario`): a situation, then steps the learner walks through by choosing.

A step is a `## id Title` heading, its text, and choices `- Choice -> next-id`, each with an
indented `konsekvens:` line the learner reads after choosing. A step with `slut: bra`,
`slut: dåligt` or `slut: neutral` instead of choices is an ending; its text is the debrief.
The build proves the graph before a learner meets it: every target exists, every step reached
from the first can still reach an ending (no trap), no step is left unreachable.

It is a knowledge check, never in the final test. Reaching an ending sends one SCORM 1.2
`performance` interaction (free text, at most 255 characters) whose response is the path taken,
as step ids, and whose result is correct or wrong for a good or bad ending (neutral otherwise).
"""
from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from scorm_builder.i18n import t
from scorm_builder.model.question import LETTERS, MAX_CHOICES, Question
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType, inline, plain_text

STEP_RE = re.compile(r"^##\s+(?P<id>\S+)\s*(?P<title>.*?)\s*$")
STEP_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
CHOICE_RE = re.compile(r"^[-*+]\s+(?P<text>.*?)\s*(?:->|→)\s*(?P<to>\S*)\s*$")
ITEM_RE = re.compile(r"^[-*+]\s+")
CONSEQUENCE_RE = re.compile(r"^\s+(?:konsekvens|consequence)\s*:\s?(?P<text>.*)$", re.IGNORECASE)
END_RE = re.compile(r"^(?:slut|end)\s*:\s*(?P<kind>\S*)\s*$", re.IGNORECASE)
ENDINGS = {"bra": "good", "good": "good", "dåligt": "bad", "dålig": "bad", "bad": "bad", "neutral": "neutral"}
MAX_RESPONSE = 255  # a performance response is CMIFeedback


@dataclass
class Choice:
    text: str
    to: str
    line: int
    consequence: list[str] = field(default_factory=list)


@dataclass
class Step:
    id: str
    title: str
    line: int
    text: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    end: str | None = None  # "good", "bad" or "neutral" for an ending


@dataclass
class ScenarioRecord(Question):
    steps: list[Step] = field(default_factory=list)

    type = "scenario"
    interaction = "performance"
    response_format = re.compile(r"^[a-z0-9_,-]{1,255}$")

    def pattern(self) -> str:
        return ""  # many paths may be good: the result says whether this one was

    def is_correct(self, response: str) -> bool:
        """Right when the path (step ids) ends in a good ending."""
        ends = {s.id: s.end for s in self.steps}
        return ends.get(response.split(",")[-1]) == "good"

    def details(self) -> dict:
        return {"steps": [{"id": s.id, **({"end": s.end} if s.end else {}),
                           **({"choices": [{"text": c.text, "to": c.to} for c in s.choices]} if s.choices else {})}
                          for s in self.steps]}

    @classmethod
    def from_details(cls, data: dict) -> dict:
        return {"steps": [Step(s["id"], "", 0, end=s.get("end"),
                               choices=[Choice(c["text"], c["to"], 0) for c in s.get("choices", [])])
                          for s in data["steps"]]}


def read_steps(body: list[tuple[int, str]], report) -> list[Step]:
    """The steps of the block's body, each problem reported at its line."""
    steps: list[Step] = []
    for n, ln in body:
        if m := STEP_RE.match(ln):
            steps.append(Step(m["id"], m["title"], n))
            if not STEP_ID_RE.match(m["id"]):
                report("scenario.bad_step_id", n, id=m["id"])
            elif m["id"] in [s.id for s in steps[:-1]]:
                report("scenario.duplicate_step", n, id=m["id"])
            continue
        step = steps[-1]
        if (m := CONSEQUENCE_RE.match(ln)) and step.choices:
            step.choices[-1].consequence.append(m["text"])
        elif ln[:1].isspace() and ln.strip() and step.choices and step.choices[-1].consequence:
            step.choices[-1].consequence.append(ln.strip())
        elif m := CHOICE_RE.match(ln):
            step.choices.append(Choice(m["text"], m["to"], n))
        elif ITEM_RE.match(ln):
            report("scenario.no_target", n, text=ln.strip()[:40])
        elif m := END_RE.match(ln):
            step.end = ENDINGS.get(m["kind"].lower())
            if step.end is None:
                report("scenario.bad_end", n, kind=m["kind"])
        elif not ln.strip():
            step.text.append(ln)
        elif step.choices:
            report("scenario.text_after_choices", n, text=ln.strip()[:40])
        else:
            step.text.append(ln)
    return steps


def check_steps(steps: list[Step], report) -> None:
    """Targets exist, every step has a way on, and every path can still end."""
    ids = [s.id for s in steps]
    for s in steps:
        if s.end and s.choices:
            report("scenario.end_with_choices", s.choices[0].line, id=s.id)
        elif not s.end and not s.choices:
            report("scenario.dead_end", s.line, id=s.id)
        if len(s.choices) > MAX_CHOICES:
            report("quiz.too_many", s.choices[MAX_CHOICES].line, count=len(s.choices), max=MAX_CHOICES)
        for c in s.choices:
            if c.to not in ids:
                guess = difflib.get_close_matches(c.to, ids, n=1)
                report("scenario.unknown_target_guess" if guess else "scenario.unknown_target", c.line,
                       target=c.to, guess=guess[0] if guess else "", steps=", ".join(ids))
    if report.count:
        return
    by_id = {s.id: s for s in steps}
    reached = _closure([steps[0].id], lambda i: [c.to for c in by_id[i].choices])
    ending = _closure([s.id for s in steps if s.end], lambda i: [s.id for s in steps if i in [c.to for c in s.choices]])
    for s in steps:
        if s.id not in reached:
            report.warning("scenario.unreachable", s.line, id=s.id)
        elif s.id not in ending:
            trap = [i for i in ids if i in _closure([s.id], lambda i: [c.to for c in by_id[i].choices])]
            report("scenario.no_way_out", s.line, id=s.id, steps=", ".join(trap))


def _closure(start: list[str], nexts) -> set[str]:
    seen, todo = set(start), list(start)
    while todo:
        for n in nexts(todo.pop()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


class ScenarioType(QuestionType):
    id, names, record = "scenario", ("scenario",), ScenarioRecord
    body_start = re.compile(r"^##\s")
    button, scored = None, False

    def fill(self, q, src, md, report) -> None:
        steps = read_steps(src.body, report)
        if not steps:
            report("scenario.no_steps", q.line)
            return
        for s in steps:
            for c in s.choices:
                c.text = plain_text(md, inline(c.text))
        check_steps(steps, report)
        q.steps = steps

    def render(self, group, q, src, md, ids) -> None:
        lang, ctl = md.sb.lang, ids[1]
        for n, s in enumerate(q.steps):
            box = etree.SubElement(group, "div", {"class": "sb-step" + (" sb-ending" if s.end else ""),
                                                  "data-step": s.id})
            if n:
                box.set("hidden", "hidden")
            title = s.title or t("form.scenario_end" if s.end else "form.scenario_step", lang)
            heading = etree.SubElement(box, "h3", {"class": "sb-step-title", "id": f"{ctl}-{s.id}", "tabindex": "-1"})
            heading.text = title  # Markdown: the page's inline processors render it
            if "".join(s.text).strip():
                md.parser.parseChunk(box, "\n".join(s.text).strip("\n"))
            if s.end:
                etree.SubElement(box, "button", {"type": "button", "class": "sb-restart"}).text = \
                    t("form.scenario_restart", lang)
                continue
            row = etree.SubElement(box, "div", {"class": "sb-choices"})
            for letter, c in zip(LETTERS, s.choices):
                etree.SubElement(row, "button", {"type": "button", "class": "sb-choice", "data-choice": letter}).text = c.text
                if c.consequence:
                    fb = etree.SubElement(box, "div", {"class": "sb-consequence", "data-choice": letter, "hidden": "hidden"})
                    md.parser.parseChunk(fb, "\n".join(c.consequence))

    def answer(self, hands, group, q, right) -> None:
        """Walks the shortest path to a good ending (`right`) or to another ending."""
        goal = (lambda s: s.get("end") == "good") if right else (lambda s: s.get("end") not in (None, "good"))
        for choice in shortest_path(q["steps"], goal):
            hands.press(group.get_by_role("button", name=choice, exact=True))


def shortest_path(steps: list[dict], goal) -> list[str]:
    """The choices' texts along a shortest path from the first step to a step `goal` accepts."""
    by_id = {s["id"]: s for s in steps}
    paths, todo = {steps[0]["id"]: []}, [steps[0]["id"]]
    while todo:
        here = todo.pop(0)
        if goal(by_id[here]):
            return paths[here]
        for c in by_id[here].get("choices", []):
            if c["to"] not in paths:
                paths[c["to"]] = paths[here] + [c["text"]]
                todo.append(c["to"])
    raise AssertionError("no path to the ending the learner wants")


register(ScenarioType())
