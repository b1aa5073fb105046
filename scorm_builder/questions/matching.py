"""Matching (`::: fråga para`): `- left = right` per pair; one select per left item, whose
options are the distinct right items. Several lefts may share a right."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from scorm_builder.i18n import t
from scorm_builder.model.question import LETTERS, MAX_PAIRS, SOURCES, Question
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType, check_count, inline, plain_text, select_row

BULLET_RE = re.compile(r"^[-*+]\s+(?P<text>.*)$")


@dataclass
class Matching(Question):
    pairs: list[tuple[str, str]] = field(default_factory=list)

    type = "matching"
    interaction = "matching"
    response_format = re.compile(r"^[1-9]\.[a-z](,[1-9]\.[a-z])*$")

    def targets(self) -> list[str]:
        """The distinct right-hand texts, in authored order; target i has letter i."""
        return list(dict.fromkeys(right for _, right in self.pairs))

    def pattern(self) -> str:
        letter = {text: LETTERS[i] for i, text in enumerate(self.targets())}
        return ",".join(f"{SOURCES[i]}.{letter[right]}" for i, (_, right) in enumerate(self.pairs))

    def is_correct(self, response: str) -> bool:
        return sorted(response.split(",")) == sorted(self.pattern().split(","))

    def details(self) -> dict:
        return {"pairs": [list(p) for p in self.pairs], "targets": self.targets()}

    @classmethod
    def from_details(cls, data: dict) -> dict:
        return {"pairs": [tuple(p) for p in data["pairs"]]}


class MatchingType(QuestionType):
    id, names, record = "matching", ("para", "matching"), Matching
    answer_item = BULLET_RE

    def fill(self, q, src, md, report) -> None:
        for a in src.answers:
            left, eq, right = a.text.partition("=")
            if not (eq and left.strip() and right.strip()):
                report("quiz.unpaired", a.line, text=a.text[:40])
            else:
                q.pairs.append((plain_text(md, inline(left.strip())), plain_text(md, inline(right.strip()))))
        check_count(src.answers, MAX_PAIRS, q.line, report)

    def render(self, group, q, src, md, ids) -> None:
        targets, choose = q.targets(), t("player.quiz_choose", md.sb.lang)
        for i, a in enumerate(src.answers):
            select_row(group, f"{ids[1]}-{i + 1}", str(i + 1), inline(a.text.partition("=")[0].strip()),
                       [(LETTERS[j], target) for j, target in enumerate(targets)], choose)

    def answer(self, hands, group, q, right) -> None:
        targets = q["targets"]
        for left, target in q["pairs"]:
            if not right:  # the next target over is wrong for every pair
                target = targets[(targets.index(target) + 1) % len(targets)]
            hands.select(group.get_by_role("combobox", name=left, exact=True), target)


register(MatchingType())
