"""Ordering (`::: fråga ordning`): a numbered list in the right order; one select per item
giving its position. Reported as a SCORM 1.2 sequencing interaction."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from scorm_builder.i18n import t
from scorm_builder.model.question import LETTERS, MAX_CHOICES, Question
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType, check_count, inline, plain_text, select_row

NUMBERED_RE = re.compile(r"^\d+[.)]\s+(?P<text>.*)$")


@dataclass
class Ordering(Question):
    sequence: list[str] = field(default_factory=list)   # the right order

    type = "ordering"
    interaction = "sequencing"
    response_format = re.compile(r"^[a-z](,[a-z])*$")

    def pattern(self) -> str:
        return ",".join(LETTERS[: len(self.sequence)])

    def details(self) -> dict:
        return {"sequence": list(self.sequence)}

    @classmethod
    def from_details(cls, data: dict) -> dict:
        return {"sequence": list(data["sequence"])}


class OrderingType(QuestionType):
    id, names, record = "ordering", ("ordning", "ordering"), Ordering
    answer_item = NUMBERED_RE

    def fill(self, q, src, md, report) -> None:
        q.sequence = [plain_text(md, inline(a.text)) for a in src.answers]
        check_count(src.answers, MAX_CHOICES, q.line, report)

    def render(self, group, q, src, md, ids) -> None:
        """One select per item; its options say "Plats 2 av 4", as a bare "2" says little to a screen reader."""
        n, choose = len(src.answers), t("player.quiz_choose", md.sb.lang)
        for i, a in enumerate(src.answers):
            select_row(group, f"{ids[1]}-{LETTERS[i]}", LETTERS[i], inline(a.text),
                       [(str(k), t("player.quiz_place", md.sb.lang, n=k, total=n)) for k in range(1, n + 1)], choose)

    def answer(self, hands, group, q, right) -> None:
        n = len(q["sequence"])
        for i, text in enumerate(q["sequence"]):
            box = group.get_by_role("combobox", name=text, exact=True)
            place = box.locator(f'option[value="{i + 1 if right else n - i}"]').text_content()   # "Plats 2 av 3"
            hands.select(box, place)


register(OrderingType())
