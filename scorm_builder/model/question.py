"""The question record every type shares: what a question asks, its right answer, and how
SCORM 1.2 reports it.

Each question type (scorm_builder/questions/<type>.py) subclasses `Question` with its own answer
fields and scoring. Scoring is defined on SCORM 1.2 `student_response` strings (NOTES section 7),
the same strings the player sends to the LMS, so the Python side can check what a playback
recorded. The player's module for the type (player/questions/<type>.js) implements the same rules
in the browser; `to_data()` is what it receives.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar

LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Matching sources are digits so a pair reads "1.a"; 1-9 keeps each part one character.
SOURCES = "123456789"
MAX_CHOICES = len(LETTERS)
MAX_PAIRS = len(SOURCES)
FILLIN_MAX = 255  # CMIFeedback length

# Typographic quotes a word processor puts in, and the plain ones a learner types.
PLAIN_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"',
                              "„": '"', "‟": '"', "«": '"', "»": '"'})


def normalize_answer(text: str) -> str:
    """Fill-in comparison form: Unicode NFKC (composed and compatibility forms agree), no case,
    plain quotes for typographic ones (so "O’Brien" from a word processor matches a typed
    "O'Brien"), no surrounding or repeated inner space. fillin.js does the same."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(PLAIN_QUOTES).lower().split())


@dataclass
class Question:
    """Fields every question has; a type's record adds its answer and implements `pattern`."""
    id: str
    stem: str                                   # plain text: the group's accessible name
    path: str = ""
    line: int = 0
    audiences: tuple[str, ...] = ()
    graded: bool = False                        # in the final test
    levels: tuple[str, ...] = ()

    type: ClassVar[str]                         # the type's id in the course data, e.g. "single"
    interaction: ClassVar[str | None]           # SCORM 1.2 interaction type; None: never sent
    response_format: ClassVar[re.Pattern | None]  # SCORM 1.2 format of student_response and pattern
    weighting: ClassVar[int] = 1                # 0: recorded, but not part of any score

    @property
    def interaction_type(self) -> str | None:
        return self.interaction

    def pattern(self) -> str:
        """The SCORM 1.2 `correct_responses.0.pattern` (NOTES section 7); "" when there is none."""
        raise NotImplementedError

    def is_correct(self, response: str) -> bool:
        """Whether a SCORM `student_response` string is the right answer."""
        return response == self.pattern()

    def details(self) -> dict:
        """The type's own part of its course data entry (docs/quiz-data.md)."""
        return {}

    @classmethod
    def from_details(cls, data: dict) -> dict:
        """The record's own fields back from `details()` (the inverse, for `from_data`)."""
        return {}

    @classmethod
    def from_data(cls, data: dict) -> Question:
        """The record again from its course data entry, to re-score what an LMS recorded."""
        return cls(id=data["id"], stem=data["stem"], audiences=tuple(data.get("audiences", ())),
                   levels=tuple(data.get("levels", ())), **cls.from_details(data))

    def to_data(self) -> dict:
        """This question's entry in the course data's `questions` (docs/quiz-data.md)."""
        data = {"id": self.id, "type": self.type, "stem": self.stem, "interaction": self.interaction,
                "pattern": self.pattern(), "weighting": self.weighting, **self.details()}
        if self.audiences:
            data["audiences"] = list(self.audiences)
        if self.levels:
            data["levels"] = list(self.levels)
        return data
