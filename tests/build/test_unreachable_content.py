"""`check` (and `build`) warn about content no built variant can see: a lesson, block or question
whose audiences x levels, with what encloses it, match no variant. --strict makes it fail."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from scorm_builder.cli import main

COURSE_YML = """\
id: mini
title: Minikurs
description: En liten kurs.
audiences:
  - id: chefer
    title: Chefer
  - id: omsorg
    title: Omsorgspersonal
levels:
  - id: grund
    title: Grundnivå
  - id: fordjupning
    title: Fördjupning
variants:
  - chefer/fordjupning
  - omsorg/grund
lessons:
  - 01-forsta
"""

LESSON = """\
---
title: Första
{front}---
# Sida

Text för alla.

{body}
"""


def check(make_course, body: str = "", front: str = "", strict: bool = False):
    course = make_course({"course.yml": COURSE_YML, "lessons/slutprov.md": None,
                          "lessons/01-forsta.md": LESSON.format(front=front, body=body)})
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(course), *(["--strict"] if strict else [])])
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("body, front, expected", [
    # a question for another audience inside an audience block (issue #15): no package contains it
    ("::: målgrupp omsorg\nFör omsorgen.\n\n::: fråga santfalskt {målgrupp=chefer}\nStämmer?\n\nsvar: sant\n:::\n:::",
     "", 'kurs/lessons/01-forsta.md:11: warning: no package gets "::: fråga santfalskt {målgrupp=chefer}": '
         'no variant that is built has both this limit and what encloses it\n'
         '  hint: here the text reaches only: omsorg/grund; change the limit, or variants in course.yml'),
    # a level block inside an audience block: chefer/grund is not built
    ("::: målgrupp chefer\nFör chefer.\n\n::: nivå grund\nGrundtext.\n:::\n:::",
     "", 'kurs/lessons/01-forsta.md:11: warning: no package gets "::: målgrupp grund"'),
    # an audience block in a lesson only the other audience gets
    ("::: målgrupp chefer\nFör chefer.\n:::", "audiences: [omsorg]\n",
     'kurs/lessons/01-forsta.md:9: warning: no package gets "::: målgrupp chefer"'),
    # a question for a level no variant of the lesson's audience has
    ("::: fråga santfalskt {nivå=fordjupning}\nStämmer?\n\nsvar: sant\n:::", "audiences: [omsorg]\n",
     'kurs/lessons/01-forsta.md:9: warning: no package gets "::: fråga santfalskt {nivå=fordjupning}"'),
    # a whole lesson
    ("", "audiences: [chefer]\nlevels: [grund]\n",
     "kurs/lessons/01-forsta.md:1: warning: no package gets the lesson: no variant that is built has its "
     "audiences and levels\n  hint: the course builds: chefer/fordjupning, omsorg/grund"),
])
def test_unreachable_content_is_a_warning(make_course, body, front, expected):
    result = check(make_course, body, front)
    assert result.exit_code == 0, result.output
    assert expected.replace("::: målgrupp grund", "::: nivå grund") in result.output
    assert "1 warning" in result.output
    assert check(make_course, body, front, strict=True).exit_code == 1


def test_content_some_variant_sees_is_not_reported(make_course):
    body = ("::: målgrupp omsorg\nFör omsorgen.\n\n::: nivå grund\nGrund.\n:::\n\n"
            "::: fråga santfalskt {målgrupp=omsorg nivå=grund}\nStämmer?\n\nsvar: sant\n:::\n:::\n\n"
            "::: nivå fordjupning\nFör chefernas fördjupning.\n:::")
    result = check(make_course, body, strict=True)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
