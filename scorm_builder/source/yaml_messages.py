"""PyYAML's parser messages in the author's words and language.

PyYAML explains a syntax error in parser terms and in English ("expected <block end>, but found
'<block mapping start>'"). The mistakes authors make are few, so each known message becomes a
catalogue sentence about what to fix; an unknown one is passed on as PyYAML wrote it.
"""
from __future__ import annotations

import re

from scorm_builder.i18n import t

# PyYAML's problem text (scanner.py, parser.py, composer.py) -> catalogue key; `found` is a capture.
PROBLEMS = [
    (r"found unexpected end of stream", "yaml.problem.end_of_stream"),
    (r"mapping values are not allowed here", "yaml.problem.mapping_values"),
    (r"could not find expected ':'", "yaml.problem.no_colon"),
    (r"expected <block end>, but found .*", "yaml.problem.indentation"),
    (r"expected ',' or '\]', but got .*", "yaml.problem.open_list"),
    (r"expected ',' or '\}', but got .*", "yaml.problem.open_mapping"),
    (r"found undefined alias '(?P<found>.*)'", "yaml.problem.undefined_alias"),
    (r"found character '(?P<found>.*)' that cannot start any token", "yaml.problem.bad_start"),
    (r"found unknown escape character '(?P<found>.*)'", "yaml.problem.escape"),
    (r"but found another document", "yaml.problem.two_documents"),
]


def explain(problem: str) -> str:
    """The author's sentence for PyYAML's `problem`, or the problem itself when it is not known."""
    for pattern, key in PROBLEMS:
        match = re.fullmatch(pattern, problem)
        if match:
            return t(key, **match.groupdict())
    return problem
