"""Likert (`::: fråga skala`): a course-evaluation statement rated on a 5-point scale from
"strongly disagree" to "strongly agree". Never right or wrong and never in the final test; when
the learner sends it, the LMS gets a SCORM 1.2 `likert` interaction with the point (1-5) as the
response, the result "neutral" and weighting 0 (NOTES section 7)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from scorm_builder.i18n import t
from scorm_builder.model.question import Question
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType, inline, option_rows

POINTS = "12345"


@dataclass
class Likert(Question):
    type = "likert"
    interaction = "likert"
    response_format = re.compile(r"^[1-5]$")
    weighting = 0

    def pattern(self) -> str:
        return ""  # there is no right answer

    def is_correct(self, response: str) -> bool:
        return False


class LikertType(QuestionType):
    id, names, record = "likert", ("skala", "likert"), Likert
    button, scored = "form.send", False

    def render(self, group, q, src, md, ids) -> None:
        lang = md.sb.lang
        option_rows(group, "radio", ids, [(p, inline(t(f"form.likert_{p}", lang))) for p in POINTS])

    def answer(self, hands, group, q, right) -> None:
        """"Right" is the top of the scale, "wrong" the bottom."""
        labels = group.get_by_role("radio").evaluate_all("els => els.map(e => e.labels[0].textContent.trim())")
        hands.check(group, "radio", labels[-1] if right else labels[0])


register(LikertType())
