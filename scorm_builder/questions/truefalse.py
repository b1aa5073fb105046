"""True/false (`::: fråga santfalskt`): a statement and `svar: sant|falskt`; two radio buttons."""
from __future__ import annotations

import re
from dataclasses import dataclass

from scorm_builder.i18n import t
from scorm_builder.model.question import Question
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType, inline, option_rows

TRUE_WORDS, FALSE_WORDS = {"sant", "true"}, {"falskt", "false"}


@dataclass
class TrueFalse(Question):
    answer: bool | None = None

    type = "truefalse"
    interaction = "true-false"
    response_format = re.compile(r"^[tf]$")

    def pattern(self) -> str:
        return "t" if self.answer else "f"

    def details(self) -> dict:
        return {"answer": bool(self.answer)}

    @classmethod
    def from_details(cls, data: dict) -> dict:
        return {"answer": data["answer"]}


class TrueFalseType(QuestionType):
    id, names, record = "truefalse", ("santfalskt", "truefalse"), TrueFalse
    answer_key = True

    def fill(self, q, src, md, report) -> None:
        value = src.key_text("answer").strip().lower()
        if not value:
            report("quiz.no_truefalse", q.line)
        elif value not in TRUE_WORDS | FALSE_WORDS:
            report("quiz.bad_truefalse", src.keys["answer"][0], value=value)
        q.answer = value in TRUE_WORDS

    def render(self, group, q, src, md, ids) -> None:
        lang = md.sb.lang
        option_rows(group, "radio", ids, [("t", inline(t("player.quiz_true", lang))),
                                          ("f", inline(t("player.quiz_false", lang)))])

    def answer(self, hands, group, q, right) -> None:
        hands.check(group, "radio", hands.text("quiz_true" if q["answer"] == right else "quiz_false"))


register(TrueFalseType())
