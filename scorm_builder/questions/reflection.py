"""Reflection (`::: fråga reflektion`): a free-text prompt for the learner's own thoughts. Never
graded and never sent to the LMS (no interaction, not in suspend_data): the course is about
violence in close relationships and learners may write about their own lives. The text stays in
the browser's localStorage only, the page says so, and the learner can clear it."""
from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

from scorm_builder.i18n import t
from scorm_builder.model.question import Question
from scorm_builder.questions import register
from scorm_builder.questions.base import QuestionType

MAX_LENGTH = "4000"
OWN_TEXT = "Mina egna tankar, som inte får lämna webbläsaren."  # what the learner driver writes


@dataclass
class Reflection(Question):
    type = "reflection"
    interaction = None
    response_format = None
    weighting = 0

    def pattern(self) -> str:
        return ""

    def is_correct(self, response: str) -> bool:
        return False


class ReflectionType(QuestionType):
    id, names, record = "reflection", ("reflektion", "reflection"), Reflection
    button, scored = None, False

    def render(self, group, q, src, md, ids) -> None:
        lang, (name, ctl) = md.sb.lang, ids
        etree.SubElement(group, "p", {"class": "sb-private", "id": f"{ctl}-private"}).text = \
            t("form.reflection_private", lang)
        row = etree.SubElement(group, "div", {"class": "sb-reflection"})
        etree.SubElement(row, "label", {"for": f"{ctl}-text"}).text = t("form.reflection_label", lang)
        etree.SubElement(row, "textarea", {"id": f"{ctl}-text", "name": name, "rows": "5", "maxlength": MAX_LENGTH,
                                           "aria-describedby": f"{ctl}-private"}).text = ""
        etree.SubElement(group, "button", {"type": "button", "class": "sb-clear"}).text = \
            t("form.reflection_clear", lang)

    def answer(self, hands, group, q, right) -> None:
        hands.fill(group.get_by_role("textbox"), OWN_TEXT)


register(ReflectionType())
