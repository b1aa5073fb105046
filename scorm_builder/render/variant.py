"""Model -> one variant's pages: each lesson the variant gets, converted from Markdown.

The HTML of a package is made here (through the one Markdown factory in source/markdown.py) and
in the theme templates, never in the model. Cross-lesson checks that depend on what a variant
gets (question ids, asset names, the test's pool) run once its lessons are converted.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.model.course import Audience, Course, Lesson, Level, aimed_at
from scorm_builder.source.context import PageContext
from scorm_builder.source.files import display_path
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.converter import Converter
from scorm_builder.source.quiz import check_unique_ids

LONG_PAGE_WORDS = 1500   # about six minutes of reading; longer pages lose learners on screen


@dataclass
class Page:
    id: str
    key: str                # short stable id for suspend_data
    title: str
    lesson_id: str


@dataclass
class RenderedLesson:
    lesson: Lesson
    page_html: list[str]    # each page's section, in the order of `pages`
    pages: list[Page]
    questions: list         # Question records (a type's record from scorm_builder/questions/)

    @property
    def html(self) -> str:
        """The lesson's page sections, one after the other."""
        return "".join(self.page_html)


@dataclass
class Variant:
    """Everything one package holds: the course as one audience at one level sees it."""
    course: Course
    audience: Audience | None
    lessons: list[RenderedLesson]
    assets: dict[Path, str] = field(default_factory=dict)   # abs path -> path in the package
    level: Level | None = None

    @property
    def name(self) -> str:
        """The package's file name without .zip: `<id>-<version>[-<audience>][-<level>]`."""
        parts = [self.course.id, self.course.version]
        parts += [d.id for d in (self.audience, self.level) if d]
        return "-".join(parts)

    @property
    def title(self) -> str:
        """The course title followed by the titles of the variant's audience and level."""
        return " – ".join([self.course.title] + [d.title for d in (self.audience, self.level) if d])


def page_key(page_id: str) -> str:
    """Five base32 characters of the page id's hash: short, stable across reordering."""
    return base64.b32encode(hashlib.sha1(page_id.encode()).digest()).decode()[:5].lower()


def lesson_contexts(course: Course, audience: Audience | None, level: Level | None,
                    reporter: Reporter) -> list[tuple[Lesson, PageContext]]:
    """Each lesson this audience at this level gets, with the context it converts in."""
    lesson_ids = {ls.stem: ls.id for ls in course.lessons}
    audience_id, level_id = audience.id if audience else None, level.id if level else None
    out = []
    for lesson in course.lessons_for(audience_id, level_id):
        scope = frozenset(v for v in course.variants if aimed_at(lesson.audiences, lesson.levels, *v))
        out.append((lesson, PageContext(path=lesson.path, abs_path=lesson.abs_path, course_root=course.root,
                                        reporter=reporter, locator=LineLocator(lesson.body, lesson.body_offset),
                                        audience_ids={a.id for a in course.audiences}, audience=audience_id,
                                        level_ids={lv.id for lv in course.levels}, level=level_id, scope=scope,
                                        lesson_id=lesson.id, title=lesson.title,
                                        lang=course.language, graded=lesson.test is not None,
                                        split_pages=lesson.test is None, lesson_ids=lesson_ids,
                                        glossary=course.glossary)))
    return out


def convert_variant(course: Course, audience: Audience | None, level: Level | None, reporter: Reporter,
                    converter: Converter | None = None,
                    contexts: list[tuple[Lesson, PageContext]] | None = None) -> Variant:
    """Convert every lesson this audience at this level gets; cross-lesson checks (question ids,
    assets) after. Pass one Converter for all variants of a build, so lessons the same for all
    convert once, and the contexts it was prepared with (lesson_contexts)."""
    converter = converter or Converter()
    variant = Variant(course, audience, [], level=level)
    for lesson, ctx in contexts or lesson_contexts(course, audience, level, reporter):
        page_html = converter.convert(lesson.body, ctx)
        if not ctx.pages:   # Markdown skips its tree processors for an empty body: say it here
            reporter.error("page.none", lesson.path, lesson.body_offset + 1)
        if lesson.test and ctx.pages and not ctx.questions and not _has_mistakes(lesson, reporter):
            reporter.error("quiz.test_empty", lesson.path, lesson.body_offset + 1, variant=variant.name)
        elif lesson.test and lesson.test.draw and lesson.test.draw > len(ctx.questions):
            # pass_mark and draw themselves are checked once, by source/config.py, when read;
            # whether the pool is large enough depends on the variant
            reporter.error("quiz.draw_too_large", lesson.path, lesson.test.line, draw=lesson.test.draw,
                           count=len(ctx.questions), variant=variant.name)
        elif lesson.test and lesson.test.draw_own:
            _check_draw_own(lesson, variant, ctx.questions, reporter)
        if not lesson.test:
            _check_page_lengths(lesson, ctx.pages, ctx.page_words, reporter)
        pages = [Page(pid, page_key(pid), title, lesson.id) for pid, title in ctx.pages]
        variant.lessons.append(RenderedLesson(lesson, page_html, pages, ctx.questions))
        variant.assets.update(ctx.assets)
    check_unique_ids([q for r in variant.lessons for q in r.questions], reporter)
    _check_asset_names(variant, reporter)
    return variant


def _has_mistakes(lesson: Lesson, reporter: Reporter) -> bool:
    """Whether the lesson has errors of its own: a question with a mistake is left out of the
    test, and then that mistake is the message, not an empty test."""
    return any(d.path == lesson.path and d.code != "quiz.test_empty" for d in reporter.errors)


def _heading_lines(lesson: Lesson) -> list[int]:
    """File lines of the lesson's `# ` headings (outside code fences), one per page, in order."""
    lines, fenced = [], False
    for n, text in enumerate(lesson.body.split("\n"), start=1 + lesson.body_offset):
        if text.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and text.startswith("# "):
            lines.append(n)
    return lines


def _check_page_lengths(lesson: Lesson, pages: list[tuple[str, str]], page_words: list[int],
                        reporter: Reporter) -> None:
    """A page of more than LONG_PAGE_WORDS words is hard to read on screen: a warning at its heading."""
    headings = _heading_lines(lesson)
    for n, ((_, title), words) in enumerate(zip(pages, page_words)):
        if words > LONG_PAGE_WORDS:
            line = headings[n] if n < len(headings) else lesson.body_offset + 1
            reporter.warning("page.long", lesson.path, line, 1, title=title, words=words, limit=LONG_PAGE_WORDS)


def _check_asset_names(variant: Variant, reporter: Reporter) -> None:
    """Two source files may not become one package path, or paths that differ only in case."""
    by_folded: dict[str, Path] = {}
    for abs_path, uri in sorted(variant.assets.items()):
        other = by_folded.setdefault(uri.lower(), abs_path)
        if other != abs_path:
            reporter.error("asset.collision", display_path(abs_path), None, uri=uri, other=display_path(other))


def _check_draw_own(lesson, variant: Variant, questions: list, reporter) -> None:
    """Every attempt needs `draw_own` questions aimed at this variant's audience alone. A draw_own
    over draw is reported once, where it is read (source/loader.py)."""
    test, own = lesson.test, len(own_questions(variant, questions))
    if test.draw_own <= (test.draw or len(questions)) and test.draw_own > own:
        reporter.error("quiz.draw_own_too_large", lesson.path, test.line, own=test.draw_own, count=own,
                       variant=variant.name)


def own_questions(variant: Variant, questions: list) -> list[str]:
    """Ids of the questions aimed at the variant's audience alone: what the test's `draw_own` counts."""
    if variant.audience is None:
        return []
    return [q.id for q in questions if tuple(q.audiences) == (variant.audience.id,)]
