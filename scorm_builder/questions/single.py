"""Single choice (`::: fråga enval`): a checklist with exactly one `[x]`; radio buttons."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from scorm_builder.model.question import LETTERS, MAX_CHOICES, Question
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType, inline, option_rows, plain_text

OPTION_RE = re.compile(r"^[-*+]\s+\[(?P<mark>[ xX])\]\s*(?P<text>.*)$")


@dataclass
class Choice:
    """One option; `id` is its SCORM letter."""
    id: str
    text: str
    correct: bool
    pinned: bool = False


@dataclass
class SingleChoice(Question):
    choices: list[Choice] = field(default_factory=list)

    type = "single"
    interaction = "choice"
    response_format = re.compile(r"^[a-z](,[a-z])*$")

    def pattern(self) -> str:
        return ",".join(c.id for c in self.choices if c.correct)

    def details(self) -> dict:
        return {"options": [{"id": c.id, "text": c.text, "correct": c.correct, **({"pinned": True} if c.pinned else {})}
                            for c in self.choices]}

    @classmethod
    def from_details(cls, data: dict) -> dict:
        return {"choices": [Choice(o["id"], o["text"], o["correct"], o.get("pinned", False)) for o in data["options"]]}


class Single(QuestionType):
    id, names, record = "single", ("enval", "single"), SingleChoice
    answer_item, pinnable, option_feedback = OPTION_RE, True, True
    control = "radio"

    def fill(self, q, src, md, report) -> None:
        answers = src.answers
        if len(answers) > MAX_CHOICES:
            report("quiz.too_many", answers[MAX_CHOICES].line, count=len(answers), max=MAX_CHOICES)
            return
        q.choices = [Choice(LETTERS[i], plain_text(md, inline(a.text)), a.correct, a.pinned)
                     for i, a in enumerate(answers)]
        correct = [a for a in answers if a.correct]
        if not correct:
            report("quiz.no_correct", q.line)
        else:
            self.check_correct(correct, report)

    def check_correct(self, correct, report) -> None:
        if len(correct) > 1:
            report("quiz.single_many_correct", correct[1].line, count=len(correct))

    def render(self, group, q, src, md, ids) -> None:
        option_rows(group, self.control, ids, [(c.id, inline(a.text)) for c, a in zip(q.choices, src.answers)])

    def answer(self, hands, group, q, right) -> None:
        wrong = [o["text"] for o in q["options"] if not o["correct"]]
        for text in [o["text"] for o in q["options"] if o["correct"]] if right else wrong[:1]:
            hands.check(group, self.control, text)


register(Single())
