"""Model -> a package's files: the launch page, course data and pages of each SCO, the player, the theme
and the assets."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from scorm_builder import __version__
from scorm_builder.i18n import catalogue
from scorm_builder.render.variant import RenderedLesson, Variant, own_questions
from scorm_builder.render import chunks, theme

PLAYER_DIR = Path(__file__).resolve().parent.parent / "player"
PLAYER_SOURCES = ("modules.js", "scorm.js", "progress.js", "tracker.js", "pages.js", "quiz.js", "nav.js", "blocks.js",
                  "certificate.js", "main.js")


@dataclass
class Sco:
    id: str                      # "index", or "sco-<lesson id>" in multi-SCO packages
    href: str                    # its launch page in the package
    title: str
    lessons: list[RenderedLesson]

    @property
    def test_lesson(self) -> RenderedLesson | None:
        return next((r for r in self.lessons if r.lesson.test), None)

    @property
    def files(self) -> list[str]:
        """Its launch page, its course data and its pages after the first (render/chunks.py)."""
        page_ids = [p.id for r in self.lessons for p in r.pages]
        return [self.href, chunks.course_file(self.href)] + [chunks.page_file(pid) for pid in page_ids[1:]]


def scos_of(variant: Variant) -> list[Sco]:
    title = variant.title
    if variant.course.packaging == "single-sco":
        return [Sco("index", "index.html", title, variant.lessons)]
    return [Sco(f"sco-{r.lesson.id}", f"sco-{r.lesson.id}.html", r.lesson.title, [r]) for r in variant.lessons]


def player_strings(lang: str) -> dict[str, str]:
    return {k[len("player."):]: v for k, v in catalogue(lang).items() if k.startswith("player.")}


def player_script() -> str:
    """The player's sources, then every question type's module (each registers itself, so their
    order does not matter; sorted for reproducible builds)."""
    files = [PLAYER_DIR / name for name in PLAYER_SOURCES] + sorted((PLAYER_DIR / "questions").glob("*.js"))
    return "".join(without_comments(path.read_text(encoding="utf-8"), line_comments=True) for path in files)


def player_css() -> str:
    return without_comments((PLAYER_DIR / "player.css").read_text(encoding="utf-8"), line_comments=False)


def without_comments(source: str, line_comments: bool) -> str:
    """The player source as packaged: comments that stand on lines of their own, and blank lines,
    dropped. They are for developers and weigh a quarter of the gzipped player. Code lines stay as
    written (no minifier, no build tool: what an LMS's console shows is still our code). A `/*`
    or `//` inside a string at the start of a line would be cut, so the player writes none."""
    kept, in_block = [], False
    for line in source.splitlines():
        text = line.strip()
        if not in_block and text.startswith("/*"):
            in_block, text = True, text[2:]
        if in_block:
            if "*/" not in text:
                continue
            in_block, line = False, text.split("*/", 1)[1]
            text = line.strip()
        if text and not (line_comments and text.startswith("//")):
            kept.append(line)
    return "\n".join(kept) + "\n"


def _json_for_script(data: dict) -> Markup:
    """JSON that is safe inside <script>: no `</script>`, no HTML-significant characters."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def course_data(variant: Variant, sco: Sco) -> tuple[dict, dict]:
    """(launch, contents) of a SCO's course data (docs/architecture.md): what its launch page
    carries, the same size for any course, and what its course file carries, which grows with it."""
    course = variant.course
    pages = [{"id": p.id, "key": p.key, "title": p.title, "lesson": p.lesson_id}
             for r in sco.lessons for p in r.pages]
    questions = {q.id: q.to_data() for r in sco.lessons for q in r.questions}
    test = None
    if sco.test_lesson:
        settings, rendered = sco.test_lesson.lesson.test, sco.test_lesson
        test = {"id": rendered.lesson.id, "page": rendered.pages[0].id if rendered.pages else "",
                "pool": [q.id for q in rendered.questions], "draw": settings.draw or len(rendered.questions),
                "attempts": settings.attempts, "shuffle": settings.shuffle, "review": settings.review,
                "passMark": settings.pass_mark}
        if settings.draw_own:
            test.update(own=own_questions(variant, rendered.questions), drawOwn=settings.draw_own)
    if course.packaging == "single-sco":
        completion = course.completion
    else:
        completion = "test" if test else "pages"
    content = json.dumps([pages, questions, test, [r.html for r in sco.lessons]], sort_keys=True)
    launch = {
        "format": 1, "course": course.id, "version": course.version,
        "audience": variant.audience.id if variant.audience else "", "sco": sco.id,
        **({"level": variant.level.id if variant.level else ""} if course.levels else {}),
        "build": hashlib.sha256(content.encode()).hexdigest()[:12],
        "lang": course.language, "title": sco.title, "completion": completion,
        "mastery": test["passMark"] if test else None, "strings": player_strings(course.language),
    }
    contents = {"lessons": [[r.lesson.id, r.lesson.title] for r in sco.lessons],
                "pages": pages, "questions": questions, "test": test}
    return launch, contents


def certificate_text(variant: Variant) -> dict[str, object] | None:
    """The words of the certificate page (course.yml `certificate: true`), in the course language;
    the player fills in the name, date and score. (source/loader.py refuses it in multi-SCO
    packages, where no lesson's SCO can tell whether the course is done.)"""
    course = variant.course
    if not course.certificate:
        return None
    words = {k[len("certificate."):]: v for k, v in catalogue(course.language).items() if k.startswith("certificate.")}
    variant_rows = [(words[name], d.title) for name, d in (("audience", variant.audience), ("level", variant.level)) if d]
    scored = any(r.lesson.test for r in variant.lessons)
    return {**words, "title": course.title, "variant": variant_rows, "scored": scored}


def render_variant(variant: Variant) -> tuple[list[Sco], dict[str, bytes | Path]]:
    """The SCOs (for the manifest) and every file of the package but the manifest and schemas, by
    name in the package: what this builds as bytes, what is taken as it is (assets, the theme's
    stylesheet) as the path to copy. A launch page holds its first page; the other pages and the
    course data are files of their own (render/chunks.py)."""
    course = variant.course
    env = theme.environment(course.root, course.theme)
    template = env.get_template("base.html")
    scos = scos_of(variant)
    files: dict[str, bytes | Path] = {}
    for sco in scos:
        launch, contents = course_data(variant, sco)
        page_html = [html for r in sco.lessons for html in r.page_html]
        page_ids = [p.id for r in sco.lessons for p in r.pages]
        files[sco.href] = template.render(
            lang=course.language, sco_title=sco.title, generator_version=__version__,
            data_json=_json_for_script(launch), strings=launch["strings"], course_script=chunks.course_file(sco.href),
            first_page=Markup(page_html[0] if page_html else ""), certificate=certificate_text(variant)).encode()
        files[chunks.course_file(sco.href)] = chunks.course_chunk(contents).encode()
        for page_id, page in zip(page_ids[1:], page_html[1:]):
            files[chunks.page_file(page_id)] = chunks.page_chunk(page_id, page).encode()
    files["player.js"] = player_script().encode()
    files["player.css"] = player_css().encode()
    files["theme.css"] = theme.find_file(course.root, course.theme, "theme.css")
    for abs_path, uri in variant.assets.items():
        files[uri] = abs_path
    return scos, files
