"""yamlfile.load reads plain YAML with libyaml's C parser (source/yamlfile.py): the same nodes, lines,
columns, errors and refusals as PyYAML's Python path, which it leaves everything unusual to."""
from __future__ import annotations

import pytest
import yaml

from scorm_builder.source import yamlfile

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")

PLAIN = [
    "",
    "# bara en kommentar\n",
    "title: Första lektionen\naudiences: [chefer, omsorg]\n",
    "id: kurs\nversion: 1.10\nflag: no\nempty:\nnested:\n  - id: a\n    title: 'Å ä ö'\n  - \"x\"\n",
    "lessons:\n- 01-intro\n- 02-risker\nvariants:\n  - chefer/grund\n",
    "text: |\n  rad ett\n  rad två\nfolded: >\n  a\n  b\n",
    "dup: 1\ndup: 2\nother: 3\n",
    "just a scalar\n",
    "- a\n- - b\n  - c\n- {k: v, m: [1, 2]}\n",
    "key:   värde med   mellanslag   \n'quoted key': \"dq\\tx\"\n",
]
UNUSUAL = [
    "a: &x 1\nb: *x\n",                                  # alias: refused
    "a: &x 1\nb: &x 2\n",                                # duplicate anchor
    "a: &x [1]\n",                                       # an anchor alone
    "a:\n\t- b\n",                                       # a tab
    "a: [1, 2\nb: 3\n",                                  # unclosed flow
    "a: 1\n  b: 2\n",                                    # bad indentation
    "title: \"unterminated\n",
    "? [a, b]\n: c\n",                                   # a key that is not a scalar
    "---\na: 1\n---\nb: 2\n",                            # two documents
    "a: \x07bell\n",                                     # a control character
    "x: " + "[" * 60 + "]" * 60 + "\n",                  # too deep
    "@at: 1\n",
    "a: b: c\n",
]


def outcome(read, text: str):
    try:
        return ("ok", read(text, 3))
    except yamlfile.Refused as e:
        return ("refused", e.code, e.line, e.col, e.params)
    except yamlfile.YamlError as e:
        return ("error", e.line, e.col, e.problem)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_yaml_takes_the_c_path_with_the_same_result(text):
    assert yamlfile._fast(text, 3) == outcome(yamlfile._load_exactly, text)[1]
    assert outcome(yamlfile.load, text) == outcome(yamlfile._load_exactly, text)


@pytest.mark.parametrize("text", UNUSUAL)
def test_unusual_yaml_gets_the_python_paths_messages_and_lines(text):
    with pytest.raises(yamlfile._Unusual):
        yamlfile._fast(text, 3)
    assert outcome(yamlfile.load, text) == outcome(yamlfile._load_exactly, text)
