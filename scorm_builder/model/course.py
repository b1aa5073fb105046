"""The course as data: what was read (Course, Lesson) and what one audience gets (Variant)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Audience:
    id: str
    title: str


@dataclass(frozen=True)
class TestSettings:
    pass_mark: float
    draw: int | None        # None: every question in the pool
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

    @property
    def test(self) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.test), None)

    def lessons_for(self, audience: str | None) -> list[Lesson]:
        return [ls for ls in self.lessons if audience is None or ls.audiences is None or audience in ls.audiences]


@dataclass
class Page:
    id: str
    key: str                # short stable id for suspend_data
    title: str
    lesson_id: str


@dataclass
class RenderedLesson:
    lesson: Lesson
    html: str               # the lesson's page sections
    pages: list[Page]
    questions: list         # Question records (model/question.py)


@dataclass
class Variant:
    """Everything one package holds: the course as one audience sees it."""
    course: Course
    audience: Audience | None
    lessons: list[RenderedLesson]
    assets: dict[Path, str] = field(default_factory=dict)   # abs path -> path in the package

    @property
    def name(self) -> str:
        base = f"{self.course.id}-{self.course.version}"
        return f"{base}-{self.audience.id}" if self.audience else base
