"""YAML with line numbers, for course.yml and front matter.

PyYAML's composer keeps every node's position; we keep scalars as the text the author wrote and
type them ourselves (config.py), so `version: 1.10` stays "1.10" and `no` is not False.

Aliases (`*name`) are refused: a few lines of nested aliases expand to billions of nodes (the
"billion laughs"), and course settings never need them. Nesting is bounded for the same reason.

Speed: reading front matter was a fixed cost of every build, even when every conversion comes from
the cache. So the common case, plain maps, lists and scalars, is parsed by libyaml's C parser
(when PyYAML has it) and composed straight into Y. Anything else, a syntax error, an alias, an
anchor, deep nesting, a key that is not a scalar, several documents, goes to PyYAML's Python
parser and composer, so every message and line number comes from that one path.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass
class Y:
    kind: str               # "map", "seq" or "scalar"
    value: object           # dict[str, Y] | list[Y] | str
    line: int               # file line, from 1
    key_line: int = 0       # in a map: the line of this value's key
    col: int | None = None  # file column, from 1
    key_col: int | None = None  # in a map: the column of this value's key

    def plain(self):
        if self.kind == "map":
            return {k: v.plain() for k, v in self.value.items()}
        if self.kind == "seq":
            return [v.plain() for v in self.value]
        return self.value


MAX_DEPTH = 50   # course.yml needs 4 levels; deeper input is hostile, and deep enough would exhaust the stack


class YamlError(Exception):
    def __init__(self, line: int, problem: str, col: int | None = None):
        super().__init__(problem)
        self.line, self.problem, self.col = line, problem, col


class Refused(YamlError):
    """Valid YAML we will not read (an alias, too deep nesting): a catalogue message code and its parameters."""

    def __init__(self, code: str, mark, **params):
        super().__init__(mark.line + 1, code, mark.column + 1)
        self.code, self.params = code, params


class _Loader(yaml.SafeLoader):
    """Composes nodes, but stops at the first alias and at MAX_DEPTH nested collections."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise Refused("yaml.alias", event.start_mark, name=event.anchor)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise Refused("yaml.too_deep", event.start_mark, limit=MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(text: str, line_offset: int = 0) -> Y | None:
    if yaml.__with_libyaml__:
        try:
            return _fast(text, line_offset)
        except _Unusual:
            pass
    return _load_exactly(text, line_offset)


class _Unusual(Exception):
    """The fast path leaves this text to PyYAML's Python path."""


def _fast(text: str, offset: int) -> Y | None:
    """Compose libyaml's events into Y; raises _Unusual for anything but plain data."""
    stack: list[tuple[Y, Y | None]] = []   # open collections, and in a map the key waiting for its value
    documents, root = 0, None
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unusual()
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                done = stack.pop()[0]
                if not stack:
                    root = done
                continue
            if kind is yaml.AliasEvent or event.anchor is not None or len(stack) >= MAX_DEPTH:
                raise _Unusual()
            mark = event.start_mark
            if kind is yaml.ScalarEvent:
                node = Y("scalar", event.value, mark.line + 1 + offset, col=mark.column + 1)
            else:
                node = Y("map" if kind is yaml.MappingStartEvent else "seq",
                         {} if kind is yaml.MappingStartEvent else [], mark.line + 1 + offset, col=mark.column + 1)
            if not stack:
                root = node
            else:
                parent, key = stack[-1]
                if parent.kind == "seq":
                    parent.value.append(node)
                elif key is None:
                    if node.kind != "scalar":
                        raise _Unusual()
                    stack[-1] = (parent, node)
                else:
                    node.key_line, node.key_col = key.line, key.col
                    parent.value[key.value] = node
                    stack[-1] = (parent, None)
            if node.kind != "scalar":
                stack.append((node, None))
    except (yaml.YAMLError, UnicodeError):   # the Python path says what is wrong
        raise _Unusual() from None
    return root


def _load_exactly(text: str, line_offset: int) -> Y | None:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except YamlError as e:
        e.line += line_offset
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlError((mark.line + 1 if mark else 1) + line_offset, str(e.problem or e.context),
                        mark.column + 1 if mark else None) from None
    except yaml.YAMLError as e:
        raise YamlError(1 + line_offset, str(e)) from None
    return None if node is None else _convert(node, line_offset)


def _convert(node, offset: int) -> Y:
    line, col = node.start_mark.line + 1 + offset, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Y] = {}
        for key, value in node.value:
            child = _convert(value, offset)
            child.key_line = key.start_mark.line + 1 + offset
            child.key_col = key.start_mark.column + 1
            out[str(key.value)] = child
        return Y("map", out, line, col=col)
    if isinstance(node, yaml.SequenceNode):
        return Y("seq", [_convert(v, offset) for v in node.value], line, col=col)
    return Y("scalar", "" if node.value is None else str(node.value), line, col=col)
