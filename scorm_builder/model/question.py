"""Question records: what a question asks, its right answer, and how SCORM 1.2 reports it.

Scoring is defined on SCORM 1.2 `student_response` strings (NOTES section 7), the same strings the
player sends to the LMS, so the Python side can check what a playback recorded. The player
(`player/quiz.js`) implements the same rules in the browser; `to_data()` is what it receives.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

SINGLE, MULTIPLE, TRUEFALSE, FILLIN, MATCHING, ORDERING = (
    "single", "multiple", "truefalse", "fillin", "matching", "ordering")
TYPES = (SINGLE, MULTIPLE, TRUEFALSE, FILLIN, MATCHING, ORDERING)

# SCORM 1.2 interaction type per question type.
INTERACTION_TYPES = {
    SINGLE: "choice", MULTIPLE: "choice", TRUEFALSE: "true-false",
    FILLIN: "fill-in", MATCHING: "matching", ORDERING: "sequencing",
}

LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Matching sources are digits so a pair reads "1.a"; 1-9 keeps each part one character.
SOURCES = "123456789"
MAX_CHOICES = len(LETTERS)
MAX_PAIRS = len(SOURCES)
FILLIN_MAX = 255  # CMIFeedback length


def normalize_answer(text: str) -> str:
    """Fill-in comparison form: Unicode NFKC (composed and compatibility forms agree), no case,
    no surrounding or repeated inner space. quiz.js does the same (normalize, toLowerCase)."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


@dataclass
class Choice:
    """One option of a single/multiple choice question; `id` is its SCORM letter."""
    id: str
    text: str
    correct: bool
    pinned: bool = False


@dataclass
class Question:
    id: str
    type: str
    stem: str                                   # plain text: the group's accessible name
    path: str = ""
    line: int = 0
    choices: list[Choice] = field(default_factory=list)
    answer: bool | None = None                  # truefalse
    accepted: list[str] = field(default_factory=list)           # fillin
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching
    sequence: list[str] = field(default_factory=list)           # ordering, right order
    audiences: tuple[str, ...] = ()
    graded: bool = False

    @property
    def interaction_type(self) -> str:
        return INTERACTION_TYPES[self.type]

    def targets(self) -> list[str]:
        """Matching: the distinct right-hand texts, in authored order; target i has letter i."""
        return list(dict.fromkeys(right for _, right in self.pairs))

    def pattern(self) -> str:
        """The SCORM 1.2 `correct_responses.0.pattern` (NOTES section 7)."""
        if self.type in (SINGLE, MULTIPLE):
            return ",".join(c.id for c in self.choices if c.correct)
        if self.type == TRUEFALSE:
            return "t" if self.answer else "f"
        if self.type == FILLIN:
            return self.accepted[0][:FILLIN_MAX]
        if self.type == MATCHING:
            letter = {text: LETTERS[i] for i, text in enumerate(self.targets())}
            return ",".join(f"{SOURCES[i]}.{letter[right]}" for i, (_, right) in enumerate(self.pairs))
        return ",".join(LETTERS[: len(self.sequence)])

    def is_correct(self, response: str) -> bool:
        """Whether a SCORM `student_response` string is the right answer."""
        if self.type == FILLIN:
            return normalize_answer(response) in {normalize_answer(a) for a in self.accepted}
        if self.type in (MULTIPLE, MATCHING):  # order of the parts does not matter
            return sorted(response.split(",")) == sorted(self.pattern().split(","))
        return response == self.pattern()

    def to_data(self) -> dict:
        """This question's entry in the course data's `questions` (docs/quiz-data.md)."""
        data: dict = {
            "id": self.id,
            "type": self.type,
            "stem": self.stem,
            "interaction": self.interaction_type,
            "pattern": self.pattern(),
            "weighting": 1,
        }
        if self.type in (SINGLE, MULTIPLE):
            data["options"] = [
                {"id": c.id, "text": c.text, "correct": c.correct, **({"pinned": True} if c.pinned else {})}
                for c in self.choices]
        elif self.type == TRUEFALSE:
            data["answer"] = bool(self.answer)
        elif self.type == FILLIN:
            data["accepted"] = list(self.accepted)
        elif self.type == MATCHING:
            data["pairs"] = [list(p) for p in self.pairs]
            data["targets"] = self.targets()
        else:
            data["sequence"] = list(self.sequence)
        if self.audiences:
            data["audiences"] = list(self.audiences)
        return data
