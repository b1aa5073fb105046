"""Source -> model: reads course.yml and the lessons' files and front matter into a Course.

Nothing is converted here: render/variant.py turns each lesson's Markdown into pages for one
variant. All problems of a run are collected in the Reporter; the caller stops after reading if any.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.model.course import Audience, Course, Lesson, Level, TestSettings, aimed_at, variant_label
from scorm_builder.source import config, frontmatter, yaml_messages, yamlfile
from scorm_builder.source.content_blocks import unknown_id
from scorm_builder.source.files import display_path, slug
from scorm_builder.source.reading import check_folder, kind_problem, read_source


def _yaml(text: str, shown: str, reporter: Reporter, offset: int = 0):
    try:
        return yamlfile.load(text, offset), True
    except yamlfile.Refused as e:
        reporter.error(e.code, shown, e.line, e.col, **e.params)
        return None, False
    except yamlfile.YamlError as e:
        if "'\\t'" in e.problem:   # the commonest YAML mistake gets words, not PyYAML's
            reporter.error("yaml.tab", shown, e.line, e.col)
        else:
            reporter.error("yaml.syntax", shown, e.line, e.col, problem=yaml_messages.explain(e.problem))
        return None, False


def load_course(course_dir: Path, reporter: Reporter) -> Course | None:
    course_dir = Path(course_dir)
    config_file = course_dir / "course.yml"
    shown = display_path(config_file)
    problem = kind_problem(config_file, course_dir)
    if problem:
        reporter.error(problem[0], shown, None, path=shown, **problem[1])
        return None
    if not config_file.is_file():
        reporter.error("course.no_config", display_path(course_dir), None)
        return None
    text = read_source(config_file, shown, reporter)
    if text is None:
        return None
    node, ok = _yaml(text, shown, reporter)
    if not ok:
        return None
    check_folder(course_dir / "theme_overrides", course_dir, display_path, reporter)   # templates are sources too
    s = config.read(node, config.COURSE_OPTIONS, shown, reporter)
    audiences = [Audience(a, t) for a, t, _ in (s["audiences"] or ())]
    levels = [Level(a, t) for a, t, _ in (s["levels"] or ())]
    dimensions = {"audience": {a.id for a in audiences}, "level": {lv.id for lv in levels}}
    variants = _variants(s, audiences, levels, shown, reporter)
    lessons = _load_lessons(course_dir, s, shown, dimensions, reporter)
    for lesson in lessons:
        known = (set(lesson.audiences or ()) <= dimensions["audience"]
                 and set(lesson.levels or ()) <= dimensions["level"])
        if known and not any(aimed_at(lesson.audiences, lesson.levels, *v) for v in variants):
            reporter.warning("variant.unreachable_lesson", lesson.path, 1,
                             built=", ".join(variant_label(*v) for v in variants))
    has_test = any(ls.test for ls in lessons)
    completion = s["completion"] or ("pages-and-test" if has_test else "pages")
    if completion != "pages" and not has_test and s["completion"]:
        reporter.error("course.completion_needs_test", shown, s.lines.get("completion"), s.col("completion"),
                       rule=completion)
    if s["certificate"] and s["packaging"] == "multi-sco":
        reporter.error("course.certificate_needs_single_sco", shown, s.lines.get("certificate"), s.col("certificate"))
    if not s["description"] and not any(d.path == shown for d in reporter.errors):  # a typo'd key says it already
        reporter.warning("course.no_description", shown, 1, 1)
    # without an id or title (already reported) the lessons are still checked, so one run reports all
    return Course(id=s["id"] or "course", title=s["title"] or "", version=s["version"], language=s["language"],
                  description=s["description"], theme=s["theme"], packaging=s["packaging"], completion=completion,
                  audiences=audiences, lessons=lessons, root=course_dir, config_path=shown, levels=levels,
                  variants=variants, glossary=s["glossary"],
                  certificate=s["certificate"])


def _variants(s, audiences: list[Audience], levels: list[Level], shown: str,
              reporter: Reporter) -> list[tuple[str | None, str | None]]:
    """The (audience, level) pairs to build: `variants:` when given, else every combination."""
    every = [(a, lv) for a in ([a.id for a in audiences] or [None]) for lv in ([lv.id for lv in levels] or [None])]
    if s["variants"] is None:
        return every
    line = s.lines.get("variants")
    if not audiences and not levels:
        reporter.error("config.variants_without_dimensions", shown, line, s.col("variants"))
        return every
    ids = {"audience": {a.id for a in audiences}, "level": {lv.id for lv in levels}}
    example = variant_label(audiences[0].id if audiences else None, levels[0].id if levels else None)
    chosen = []
    for index, text in enumerate(s["variants"]):
        line, col = s.item_line("variants", index), s.item_col("variants", index)
        parts = [part.strip() for part in text.split("/")]
        if len(parts) != bool(audiences) + bool(levels) or not all(parts):
            reporter.error("config.variant_shape", shown, line, col, variant=text, example=example)
            continue
        audience = parts.pop(0) if audiences else None
        level = parts.pop(0) if levels else None
        if audience in ids["level"] or level in ids["audience"]:   # written level/audience
            reporter.error("config.variant_shape", shown, line, col, variant=text, example=example)
            continue
        for dimension, value in (("audience", audience), ("level", level)):
            if value is not None and value not in ids[dimension]:
                unknown_id(reporter, dimension, shown, line, value, ids)
        if (audience, level) not in every:
            continue
        if (audience, level) in chosen:
            reporter.error("config.duplicate_variant", shown, line, col, variant=text)
            continue
        chosen.append((audience, level))
    return chosen or every


def _load_lessons(course_dir: Path, s, shown: str, dimensions: dict[str, set[str]],
                  reporter: Reporter) -> list[Lesson]:
    lessons_dir = course_dir / "lessons"
    available = sorted(p.stem for p in lessons_dir.glob("*.md")) if lessons_dir.is_dir() else []
    seen_ids: dict[str, str] = {}
    lessons = []
    guessed: set[str] = set()   # files a typo'd name was matched with: not reported as unlisted as well
    for index, stem in enumerate(s["lessons"] or []):
        line, col = s.item_line("lessons", index), s.item_col("lessons", index)
        path = lessons_dir / f"{stem}.md"
        problem = kind_problem(path, course_dir)
        if problem:
            reporter.error(problem[0], shown, line, col, path=display_path(path), **problem[1])
            continue
        if not path.is_file():
            guess = difflib.get_close_matches(stem, available, n=1)
            if guess:
                reporter.error("lesson.missing_guess", shown, line, col, name=stem, guess=guess[0])
                guessed.add(guess[0])
            else:
                reporter.error("lesson.missing", shown, line, col, name=stem, folder=display_path(lessons_dir))
            continue
        lesson_id = slug(stem) or "lesson"
        if lesson_id[0].isdigit():
            lesson_id = "l" + lesson_id
        if lesson_id in seen_ids:
            reporter.error("lesson.duplicate", shown, line, col, name=stem, other=seen_ids[lesson_id])
            continue
        seen_ids[lesson_id] = stem
        lesson = _load_lesson(path, stem, lesson_id, dimensions, reporter)
        if lesson:
            lessons.append(lesson)
    for stem in sorted(set(available) - set(s["lessons"] or available) - guessed):
        reporter.warning("lesson.unlisted", display_path(lessons_dir / f"{stem}.md"), 1, name=stem, config=shown)
    tests = [ls for ls in lessons if ls.test]
    for extra in tests[1:]:
        reporter.error("test.more_than_one", extra.path, 1, first=tests[0].path)
    return lessons


def _load_lesson(path: Path, stem: str, lesson_id: str, dimensions: dict[str, set[str]],
                 reporter: Reporter) -> Lesson | None:
    shown = display_path(path)
    text = read_source(path, shown, reporter)
    if text is None:
        return None
    try:
        fm_text, body, offset = frontmatter.split(text)
    except frontmatter.Unclosed:
        reporter.error("frontmatter.unclosed", shown, 1)
        return None
    if fm_text is None:
        reporter.error("frontmatter.missing", shown, 1)
        return None
    node, ok = _yaml(fm_text, shown, reporter, offset=1)
    if not ok:
        return None
    options = dict(config.LESSON_OPTIONS)
    is_test = node is not None and node.kind == "map" and "type" in node.value and node.value["type"].value == "test"
    if is_test:
        options.update(config.TEST_OPTIONS)
    s = config.read(node, options, shown, reporter, start_line=1)
    for dimension, known in dimensions.items():
        key = dimension + "s"
        for index, value in enumerate(s[key] or []):
            if value not in known:
                unknown_id(reporter, dimension, shown, s.item_line(key, index), value, dimensions)
    test = None
    if is_test:
        test = TestSettings(pass_mark=s["pass_mark"], draw=s["draw"], draw_own=s["draw_own"], attempts=s["attempts"],
                            shuffle=s["shuffle"], review=s["review"], line=s.lines.get("draw") or 1)
        if test.draw_own and test.draw and test.draw_own > test.draw:
            reporter.error("quiz.draw_own_over_draw", shown, s.lines.get("draw_own") or 1,
                           own=test.draw_own, draw=test.draw)
    return Lesson(id=lesson_id, stem=stem, title=s["title"] or stem, path=shown, abs_path=path, body=body,
                  body_offset=offset, audiences=s["audiences"], test=test, levels=s["levels"])
