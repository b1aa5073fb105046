"""What the Markdown extensions know about the page they are converting (`md.sb`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.model.course import aimed_at, variant_label
from scorm_builder.source.lines import LineLocator


@dataclass
class PageContext:
    path: str                      # the source file, relative to the course folder's parent, for diagnostics
    abs_path: Path                 # the source file on disk
    course_root: Path              # nothing outside it may be referenced
    reporter: Reporter
    locator: LineLocator
    audience_ids: set[str]         # every audience the course declares
    audience: str | None           # the variant being built (None: the course has no audiences)
    lesson_id: str
    title: str = ""                # the lesson title (the test page's heading)
    lang: str = "sv"
    graded: bool = False           # True in a `type: test` file
    split_pages: bool = True       # each `#` heading starts a page (not in tests)
    lesson_ids: dict[str, str] = field(default_factory=dict)   # lesson file stem -> lesson id
    level_ids: set[str] = field(default_factory=set)           # every level the course declares
    level: str | None = None       # the variant's level (None: the course has no levels)
    # the (audience, level) variants that can see the text being converted: the course's variants
    # that get the lesson, narrowed by each enclosing audience or level block
    scope: frozenset = frozenset({(None, None)})
    questions: list = field(default_factory=list)              # Question records, in page order
    assets: dict[Path, str] = field(default_factory=dict)      # abs path on disk -> path in the package
    pages: list[tuple[str, str]] = field(default_factory=list) # (page id, title) in order
    page_words: list[int] = field(default_factory=list)        # words on each page, in order
    glossary: dict[str, str] = field(default_factory=dict)      # term -> definition (course.yml `glossary:`)
    touched: set[Path] = field(default_factory=set)            # files the conversion looked at (its cache key)
    variant_read: bool = field(default=False, init=False, repr=False, compare=False)
    # what `sees` was asked: ((audiences), (levels), answer) in asking order, so a conversion can
    # serve every variant that answers the same (source/converter.py)
    variant_checks: list = field(default_factory=list, init=False, repr=False, compare=False)
    _serials: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def next_id(self, kind: str) -> str:
        """A fresh element id for a block of this lesson: every lesson of a SCO shares one page."""
        self._serials[kind] = self._serials.get(kind, 0) + 1
        return f"sb-{kind}-{self.lesson_id}-{self._serials[kind]}"

    def variant(self) -> tuple[str | None, str | None]:
        """(audience, level) being built, without marking the conversion as reading them."""
        return self.__dict__["_audience"], self.__dict__["_level"]

    def line_of_text(self, text: str) -> int | None:
        return self.locator.find(text)

    def ids(self) -> dict[str, set[str]]:
        """The ids the course declares, by dimension."""
        return {"audience": self.audience_ids, "level": self.level_ids}

    def narrowed(self, audiences=(), levels=()) -> frozenset:
        """The variants in scope that content limited to `audiences` and `levels` reaches."""
        return frozenset(v for v in self.scope if aimed_at(audiences, levels, *v))

    def reach(self) -> str:
        """The variants in scope, as course.yml writes them, for messages."""
        return ", ".join(sorted(variant_label(*v) for v in self.scope)) or "-"

    def sees(self, audiences=(), levels=()) -> bool:
        """Whether the variant being built gets content limited to `audiences` and `levels`.
        Records the question instead of marking the variant as read: the conversion is then shared
        by every variant that gives the same answers (unlimited content asks nothing)."""
        seen = aimed_at(audiences, levels, *self.variant())
        if audiences or levels:
            self.variant_checks.append((tuple(sorted(audiences)), tuple(sorted(levels)), seen))
        return seen


def _variant_property(name: str) -> property:
    def get(self: PageContext):
        self.variant_read = True
        return self.__dict__["_" + name]

    def set_(self: PageContext, value) -> None:
        self.__dict__["_" + name] = value

    return property(get, set_)


# Reading `audience` or `level` marks the conversion as variant-dependent, so converter.Converter
# knows when one conversion can serve every variant (whatever extension reads it, now or later).
PageContext.audience = _variant_property("audience")
PageContext.level = _variant_property("level")
