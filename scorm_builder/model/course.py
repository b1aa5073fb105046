"""The course as data, as read from its sources: Course > Lesson, its audiences and levels.

Records only: no I/O, no conversion (reading is source/loader.py, converting render/variant.py).
A variant is one combination of the course's two optional dimensions, audience and level; each
variant is one package.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Audience:
    id: str
    title: str


@dataclass(frozen=True)
class Level:
    id: str
    title: str


def aimed_at(audiences, levels, audience: str | None, level: str | None) -> bool:
    """Whether content limited to `audiences` and `levels` (None or empty: no limit) is in the
    variant (audience, level); a dimension the course does not declare (None) limits nothing."""
    return ((not audiences or audience is None or audience in audiences)
            and (not levels or level is None or level in levels))


def variant_label(audience: str | None, level: str | None) -> str:
    """How course.yml's `variants:` writes a variant: `audience/level`, or the one declared id."""
    return "/".join(d for d in (audience, level) if d) or "-"


@dataclass(frozen=True)
class TestSettings:
    pass_mark: float
    draw: int | None        # None: every question in the pool
    draw_own: int | None    # at least this many drawn from questions aimed at the package's audience alone
    attempts: int           # 0: unlimited
    shuffle: bool
    review: str             # answers | responses | none
    line: int               # where the front matter is, for diagnostics


@dataclass
class Lesson:
    id: str                 # ASCII slug of the file name: page ids, SCO ids and resources derive from it
    stem: str               # the file name without .md, as course.yml lists it
    title: str
    path: str               # for diagnostics
    abs_path: Path
    body: str
    body_offset: int        # file lines above the body
    audiences: list[str] | None
    test: TestSettings | None
    levels: list[str] | None = None


@dataclass
class Course:
    id: str
    title: str
    version: str
    language: str
    description: str
    theme: str
    packaging: str
    completion: str
    audiences: list[Audience]
    lessons: list[Lesson]
    root: Path
    config_path: str
    levels: list[Level] = field(default_factory=list)
    # the (audience id, level id) pairs that are built, in order; None where a dimension is not declared
    variants: list[tuple[str | None, str | None]] = field(default_factory=lambda: [(None, None)])
    glossary: dict[str, str] = field(default_factory=dict)   # term -> definition, as course.yml writes them
    certificate: bool = False          # a printable certificate after completion or a pass

    @property
    def test(self) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.test), None)

    def lessons_for(self, audience: str | None, level: str | None = None) -> list[Lesson]:
        return [ls for ls in self.lessons if aimed_at(ls.audiences, ls.levels, audience, level)]
