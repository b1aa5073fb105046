"""Question types as plug-ins: the registry.

Every module in this package that defines a type calls `register()` at import; the package
imports all of its modules once, so adding a type is adding a file here (and its player module,
player/questions/<type>.js). Nothing outside the two registries branches on a question's type.
"""
from __future__ import annotations

import importlib
import pkgutil

from scorm_builder.model.question import Question
from scorm_builder.questions.base import QuestionType

_BY_NAME: dict[str, QuestionType] = {}   # every source word: "enval", "single", …
_BY_ID: dict[str, QuestionType] = {}     # the record's type: "single", …


def register(qtype: QuestionType) -> QuestionType:
    """Adds a type under its id and each of its source names (a name may not be taken twice)."""
    for name in qtype.names:
        if _BY_NAME.setdefault(name, qtype) is not qtype:
            raise ValueError(f"question type name {name!r} is registered twice")
    _BY_ID[qtype.id] = qtype
    return qtype


def by_name(word: str) -> QuestionType | None:
    """The type an author wrote after `::: fråga`, or None."""
    return _BY_NAME.get(word.lower())


def names() -> list[str]:
    return sorted(_BY_NAME)


def of(type_id: str) -> QuestionType:
    """The type of a record or of a question in the course data (its `type`)."""
    return _BY_ID[type_id]


def record_from_data(data: dict) -> Question:
    """A question's record rebuilt from its course data entry (to re-score what an LMS recorded)."""
    return of(data["type"]).record.from_data(data)


def answer(hands, q: dict, right: bool, within=None) -> None:
    """Answers question `q` (course data) through its accessible names, right or wrong: the one
    learner driver, used by the runtime's learners and by the tests."""
    group = (within or hands.frame).get_by_role("group", name=q["stem"], exact=True)
    of(q["type"]).answer(hands, group, q, right)


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
