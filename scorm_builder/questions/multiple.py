"""Multiple choice (`::: fråga flerval`): a checklist with one or more `[x]`; checkboxes.
Right only when exactly the marked options are chosen, in any order."""
from __future__ import annotations

from dataclasses import dataclass

from scorm_builder.questions import register
from scorm_builder.questions.single import Single, SingleChoice


@dataclass
class MultipleChoice(SingleChoice):
    type = "multiple"

    def is_correct(self, response: str) -> bool:
        return sorted(response.split(",")) == sorted(self.pattern().split(","))


class Multiple(Single):
    id, names, record = "multiple", ("flerval", "multiple"), MultipleChoice
    control = "checkbox"

    def check_correct(self, correct, report) -> None:
        """Any number of right options is fine."""


register(Multiple())
