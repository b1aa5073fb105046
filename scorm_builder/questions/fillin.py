"""Fill-in (`::: fråga fritext`): `svar: arton | 18` lists the accepted answers; one text box.
Compared as normalize_answer() does: case, spacing, Unicode forms and quote styles do not count."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from scorm_builder.i18n import t
from scorm_builder.model.question import FILLIN_MAX, Question, normalize_answer
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType

QUOTED_RE = re.compile(r"""^["'“”‘’„«»].*["'“”‘’«»]$""")
# A comma between words (not a decimal comma as in "1,5") in the only accepted answer: likely a
# list of answers written as one.
LIST_COMMA_RE = re.compile(r"\S,\s+\S|[^\d\s],\S|\S,[^\d\s]")


@dataclass
class FillIn(Question):
    accepted: list[str] = field(default_factory=list)

    type = "fillin"
    interaction = "fill-in"
    response_format = re.compile(r"^.{1,255}$", re.S)

    def pattern(self) -> str:
        return self.accepted[0][:FILLIN_MAX]

    def is_correct(self, response: str) -> bool:
        return normalize_answer(response) in {normalize_answer(a) for a in self.accepted}

    def details(self) -> dict:
        return {"accepted": list(self.accepted)}

    @classmethod
    def from_details(cls, data: dict) -> dict:
        return {"accepted": list(data["accepted"])}


class FillInType(QuestionType):
    id, names, record = "fillin", ("fritext", "fillin"), FillIn
    answer_key = True

    def fill(self, q, src, md, report) -> None:
        q.accepted = [a.strip() for a in src.key_text("answer").split("|") if a.strip()]
        if not q.accepted:
            report("quiz.no_accepted", q.line)
            return
        line = src.keys["answer"][0]
        for accepted in q.accepted:
            if len(q.accepted) == 1 and LIST_COMMA_RE.search(accepted):  # with a | the comma is meant
                report.warning("quiz.comma_in_answer", line, answer=accepted,
                               answers=" | ".join(a.strip() for a in accepted.split(",")))
            elif QUOTED_RE.match(accepted):
                report.warning("quiz.quoted_answer", line, answer=accepted, bare=accepted[1:-1].strip())

    def render(self, group, q, src, md, ids) -> None:
        name, ctl = ids
        row = etree.SubElement(group, "div", {"class": "sb-fillin"})
        etree.SubElement(row, "label", {"for": f"{ctl}-in"}).text = t("player.quiz_your_answer", md.sb.lang)
        etree.SubElement(row, "input", {"type": "text", "id": f"{ctl}-in", "name": name, "autocomplete": "off",
                                        "spellcheck": "false", "maxlength": "255"})

    def answer(self, hands, group, q, right) -> None:
        box = group.get_by_role("textbox", name=hands.text("quiz_your_answer"))
        hands.fill(box, q["accepted"][0] if right else "vet inte")


register(FillInType())
