"""course.yml and lesson front matter, declared once: each key's type, default and why.

Every key is validated and all problems are collected before the build stops; unknown keys get
a did-you-mean. Values arrive as the author's text (yamlfile.Y) and are typed here.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from scorm_builder.i18n import has, t
from scorm_builder.resources import THEMES_DIR
from scorm_builder.source.files import slug
from scorm_builder.source.yamlfile import Y

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
TRUE = {"true", "yes", "ja", "sant", "on"}
FALSE = {"false", "no", "nej", "falskt", "off"}
UNLIMITED = {"obegränsat", "unlimited", "0"}


@dataclass
class Option:
    type: str                         # str | id | int | number | bool | choice | list | ids | attempts | theme | glossary
    doc: str
    required: bool = False
    default: object = None
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    max_len: int | None = None


COURSE_OPTIONS: dict[str, Option] = {
    "id": Option("id", "Names the package files and the manifest identifier: a-z, 0-9 and '-'.", required=True),
    "title": Option("str", "Shown to learners and in the LMS.", required=True, max_len=200),
    "version": Option("str", "Goes into file names and the manifest (at most 20 characters).", default="1.0", max_len=20),
    "language": Option("choice", "The learner's interface language.", default="sv", choices=("sv", "en")),
    "description": Option("str", "Shown in the LMS catalogue.", default="", max_len=1000),
    "theme": Option("theme", "A folder in themes/: default or ostersund.", default="default"),
    "packaging": Option("choice", "One SCO for the course, or one per lesson for LMSes that report per module.",
                        default="single-sco", choices=("single-sco", "multi-sco")),
    "completion": Option("choice", "When the LMS records the course as done.", default=None,
                         choices=("pages", "test", "pages-and-test")),
    "audiences": Option("ids", "One package per audience (id + title).", default=()),
    "levels": Option("ids", "A second dimension beside audiences: one package per audience and level.", default=()),
    "variants": Option("list", "The audience/level pairs to build, when not every combination is wanted.",
                       default=None),
    "lessons": Option("list", "Lesson files in lessons/, without .md, in order.", required=True),
    "glossary": Option("glossary", "Terms and their definitions: marked [[term]] in lessons, listed by ::: ordlista.",
                       default={}),
    "certificate": Option("bool", "After completion (or a pass, when there is a test) the learner can open a "
                                  "certificate to print; single-SCO packages only.", default=False),
}

LESSON_OPTIONS: dict[str, Option] = {
    "title": Option("str", "The lesson's title in the table of contents.", required=True, max_len=200),
    "audiences": Option("list", "Only these audiences get the lesson.", default=None),
    "levels": Option("list", "Only these levels get the lesson.", default=None),
    "type": Option("choice", "A lesson, or the final test.", default="lesson", choices=("lesson", "test")),
}

TEST_OPTIONS: dict[str, Option] = {
    "pass_mark": Option("number", "Per cent needed to pass; becomes the LMS mastery score.", default=80, low=0, high=100),
    "draw": Option("int", "Questions drawn at random for each attempt (default: all).", default=None, low=1),
    "draw_own": Option("int", "Of those, at least this many are questions only the package's audience answers.",
                       default=None, low=1),
    "attempts": Option("attempts", "How many attempts a learner gets, or obegränsat.", default=0),
    "shuffle": Option("bool", "Shuffle the options of each question.", default=True),
    "review": Option("choice", "What the results page reveals.", default="answers",
                     choices=("answers", "responses", "none")),
}


@dataclass
class Settings:
    values: dict[str, object]
    lines: dict[str, int] = field(default_factory=dict)   # key -> line of its value
    nodes: dict[str, Y] = field(default_factory=dict)     # key -> its YAML node (lines of list items)

    def item_line(self, key: str, index: int) -> int | None:
        node = self.nodes.get(key)
        if node is not None and node.kind == "seq" and index < len(node.value):
            return node.value[index].line
        return self.lines.get(key)

    def item_col(self, key: str, index: int) -> int | None:
        node = self.nodes.get(key)
        if node is not None and node.kind == "seq" and index < len(node.value):
            return node.value[index].col
        return self.col(key)

    def col(self, key: str) -> int | None:
        node = self.nodes.get(key)
        return node.col if node is not None else None

    def __getitem__(self, key):
        return self.values[key]

    def get(self, key, default=None):
        return self.values.get(key, default)


def read(node: Y | None, options: dict[str, Option], path: str, reporter, start_line: int = 1) -> Settings:
    """Type-check a YAML mapping against declared options; report every problem."""
    values = {k: o.default for k, o in options.items()}
    settings = Settings(values)
    if node is None:
        node = Y("map", {}, start_line)
    if node.kind != "map":
        reporter.error("config.not_mapping", path, node.line)
        return settings
    guessed = set()   # a required key the author misspelt is reported once, as the misspelling
    for key, value in node.value.items():
        option = options.get(key)
        if option is None:
            guess = difflib.get_close_matches(key, list(options), n=1)
            if guess:
                guessed.add(guess[0])
                reporter.error("config.unknown_key_guess", path, value.key_line, value.key_col, key=key, guess=guess[0])
            else:
                reporter.error("config.unknown_key", path, value.key_line, value.key_col, key=key,
                               known=", ".join(options))
            continue
        settings.lines[key] = value.line
        settings.nodes[key] = value
        typed = _typed(key, option, value, path, reporter)
        if typed is not _BAD:
            values[key] = typed
    for key, option in options.items():
        if option.required and key not in node.value and key not in guessed:
            reporter.error("config.missing_key", path, node.line, key=key, doc=option.doc)
    return settings


_BAD = object()


def _typed(key: str, option: Option, value: Y, path: str, reporter):
    def bad(expected: str):
        found = value.value if value.kind == "scalar" else value.kind
        if has(f"config.expected.{expected}"):   # a type name becomes words the author can act on
            expected = t(f"config.expected.{expected}")
        reporter.error("config.bad_value", path, value.line, value.col, key=key, expected=expected, found=found)
        return _BAD

    kind = option.type
    if kind == "list":
        if value.kind == "scalar" and value.value:
            return [value.value]
        if value.kind != "seq" or any(v.kind != "scalar" for v in value.value):
            return bad("list")
        return [v.value for v in value.value]
    if kind == "ids":
        return _ids_with_titles(key, value, path, reporter, bad)
    if kind == "glossary":
        return _glossary(value, path, reporter, bad)
    if value.kind != "scalar":
        return bad(kind)
    text = value.value.strip()
    if kind == "str":
        if option.max_len and len(text) > option.max_len:
            reporter.error("config.too_long", path, value.line, value.col, key=key, max=option.max_len, length=len(text))
            return _BAD
        return text
    if kind == "id":
        return text if ID_RE.match(text) else bad("id")
    if kind == "theme":
        return _theme(text, value, path, reporter)
    if kind == "choice":
        if text in option.choices:
            return text
        return bad(" | ".join(option.choices))
    if kind == "bool":
        if text.lower() in TRUE:
            return True
        if text.lower() in FALSE:
            return False
        return bad("bool")
    if kind == "attempts":
        if text.lower() in UNLIMITED:
            return 0
        return int(text) if text.isdigit() and int(text) >= 1 else bad("attempts")
    if kind in ("int", "number"):
        try:
            number = int(text) if kind == "int" else float(text)
        except ValueError:
            return bad(kind)
        if (option.low is not None and number < option.low) or (option.high is not None and number > option.high):
            reporter.error("config.out_of_range", path, value.line, value.col, key=key, value=text,
                           low=_fmt(option.low), high=_fmt(option.high))
            return _BAD
        return int(number) if kind == "number" and number == int(number) else number
    raise AssertionError(f"undeclared option type {kind}")


def _theme(text: str, value: Y, path: str, reporter):
    """A theme is a folder in themes/ (the course's own overrides go in theme_overrides/)."""
    known = sorted(p.name for p in THEMES_DIR.iterdir() if p.is_dir())
    if text in known:
        return text
    guess = difflib.get_close_matches(slug(text), known, n=1)
    if guess:
        reporter.error("course.unknown_theme_guess", path, value.line, value.col, theme=text, guess=guess[0])
    else:
        reporter.error("course.unknown_theme", path, value.line, value.col, theme=text, known=", ".join(known))
    return _BAD


def _fmt(n):
    return "∞" if n is None else (int(n) if n == int(n) else n)


def _glossary(value: Y, path: str, reporter, bad) -> dict[str, str]:
    """`term: definition` pairs; two terms that differ only in case or spacing are one term twice."""
    if value.kind != "map" or any(v.kind != "scalar" for v in value.value.values()):
        return bad("glossary")
    out, seen = {}, {}
    for term, definition in value.value.items():
        folded = " ".join(term.split()).casefold()
        if folded in seen:
            reporter.error("config.glossary_duplicate", path, definition.key_line, definition.key_col,
                           term=term, other=seen[folded])
        elif not definition.value.strip():
            reporter.error("config.glossary_no_definition", path, definition.key_line, definition.key_col, term=term)
        else:
            seen[folded] = term
            out[term.strip()] = " ".join(definition.value.split())
    return out


# the message codes of a list of ids with titles, by key (`audiences`, `levels`)
_ID_LIST_CODES = {"audiences": ("config.audience_shape", "config.duplicate_audience"),
                  "levels": ("config.level_shape", "config.duplicate_level")}


def _ids_with_titles(key: str, value: Y, path: str, reporter, bad):
    """`- id: …` / `title: …` items (audiences, levels) as (id, title, line) triples."""
    if value.kind != "seq":
        return bad(key)
    shape, duplicate = _ID_LIST_CODES[key]
    out = []
    for item in value.value:
        if item.kind != "map" or set(item.value) - {"id", "title"} or "id" not in item.value:
            reporter.error(shape, path, item.line, item.col)
            continue
        aid = item.value["id"].value if item.value["id"].kind == "scalar" else ""
        if not ID_RE.match(str(aid)):
            reporter.error("config.bad_value", path, item.line, item.col, key=f"{key}.id", expected="id", found=aid)
            continue
        title_node = item.value.get("title")
        title = title_node.value if title_node is not None and title_node.kind == "scalar" else aid
        if any(a[0] == aid for a in out):
            reporter.error(duplicate, path, item.line, item.col, id=aid)
            continue
        out.append((aid, title, item.line))
    return out
