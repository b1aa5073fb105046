"""YAML that would exhaust time or memory is refused at its line: aliases (the "billion laughs")
and deep nesting (source/yamlfile.py)."""
from __future__ import annotations

import time

import pytest

from scorm_builder.source import yamlfile

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))


def test_an_alias_bomb_is_refused_at_the_first_alias_at_once():
    start = time.monotonic()
    with pytest.raises(yamlfile.Refused) as e:
        yamlfile.load(BOMB, line_offset=1)
    assert time.monotonic() - start < 1
    assert (e.value.code, e.value.line, e.value.col, e.value.params) == ("yaml.alias", 3, 8, {"name": "a"})


def test_a_merge_key_is_an_alias_too():
    with pytest.raises(yamlfile.Refused) as e:
        yamlfile.load("base: &base {title: A}\nother:\n  <<: *base\n")
    assert (e.value.code, e.value.line) == ("yaml.alias", 3)


def test_an_anchor_without_alias_is_harmless():
    assert yamlfile.load("title: &t Kurs\n").plain() == {"title": "Kurs"}


def test_deep_nesting_is_refused_not_a_recursion_error():
    with pytest.raises(yamlfile.Refused) as e:
        yamlfile.load("x: " + "[" * 100_000 + "]" * 100_000)
    assert e.value.code == "yaml.too_deep"
    assert e.value.params == {"limit": yamlfile.MAX_DEPTH}


def test_ordinary_nesting_still_loads():
    text = "audiences:\n  - id: a\n    title: A\nlessons: [x]\n"
    assert yamlfile.load(text).plain() == {"audiences": [{"id": "a", "title": "A"}], "lessons": ["x"]}
