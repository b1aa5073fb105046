"""The question type registries: one Python module and one player module per type, and nothing
outside them that branches on a question's type."""
from __future__ import annotations

import re

from scorm_builder import questions
from scorm_builder.render.pages import PLAYER_DIR, player_script, without_comments
from support import ROOT

PYTHON_MODULES = sorted(p.stem for p in (ROOT / "scorm_builder" / "questions").glob("*.py")
                        if p.stem not in ("__init__", "base"))
PLAYER_MODULES = sorted(p.stem for p in (PLAYER_DIR / "questions").glob("*.js"))
# Where the type used to be decided by if-chains (issue #12); the type ids must not appear there.
NO_TYPE_BRANCHES = ["scorm_builder/source/quiz.py", "scorm_builder/model/question.py",
                    "scorm_builder/player/quiz.js", "scorm_builder/runtime/our_player.py",
                    "scorm_builder/runtime/conformance.js", "tests/quiz/learning.py", "tests/a11y/a11y_walk.py",
                    "tests/player/player_steps.py"]


def test_every_type_has_a_python_and_a_player_module():
    assert PYTHON_MODULES == PLAYER_MODULES
    for name in PYTHON_MODULES:
        qtype = questions.of(name)
        assert qtype.id == qtype.record.type == name
        assert all(questions.by_name(word) is qtype for word in qtype.names)


def test_every_player_module_is_in_the_player():
    script = player_script()
    for name in PLAYER_MODULES:
        source = (PLAYER_DIR / "questions" / f"{name}.js").read_text(encoding="utf-8")
        assert without_comments(source, line_comments=True) in script


def test_no_branch_on_a_question_type_outside_the_registries():
    ids = "|".join(PYTHON_MODULES)
    constants = "|".join(name.upper() for name in PYTHON_MODULES)  # the old SINGLE, MULTIPLE, … of model/
    branch = re.compile(rf"""(type\W*(===?|!==?|in)\W*\(?\s*['"]({ids})['"])|(\(\s*['"]({ids})['"]\s*,)"""
                        rf"""|\b({constants})\b""")
    found = [f"{path}: {m.group(0)}" for path in NO_TYPE_BRANCHES
             for m in branch.finditer((ROOT / path).read_text(encoding="utf-8"))]
    assert found == []
