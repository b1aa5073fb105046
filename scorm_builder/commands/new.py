"""`scorm-builder new`: a course skeleton that builds and plays cleanly right away.

The skeleton shows one of each thing an author needs first (pages, an image with alt text,
blocks, an audience block, a knowledge check, a final test), so the fastest way to learn the
format is to edit it. An existing non-empty folder is never written into.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import click

from scorm_builder.errors import BuildError, Reporter
from scorm_builder.i18n import t
from scorm_builder.source.config import ID_RE
from scorm_builder.source.files import display_path, slug

SCAFFOLD_DIR = Path(__file__).resolve().parent.parent / "scaffold"
FALLBACK_ID = {"sv": "min-kurs", "en": "my-course"}


def course_id_for(folder: Path, lang: str) -> str:
    """The folder's name as a course id (`Min kurs 2` -> `min-kurs-2`), if it makes a valid one."""
    candidate = slug(folder.name)[:60].strip("-")
    return candidate if ID_RE.match(candidate) else FALLBACK_ID[lang]


def title_for(course_id: str) -> str:
    words = re.sub(r"[-_]+", " ", course_id).strip()
    return words[:1].upper() + words[1:]


def create_course(course_dir: Path, lang: str) -> list[Path]:
    """Copy the skeleton for `lang` into course_dir; returns the files written, sorted."""
    reporter = Reporter()
    if course_dir.exists() and (not course_dir.is_dir() or any(course_dir.iterdir())):
        reporter.error("new.not_empty", display_path(course_dir))
        raise BuildError(reporter)
    source = SCAFFOLD_DIR / lang
    course_id = course_id_for(course_dir.resolve(), lang)
    written = []
    try:
        for src in sorted(p for p in source.rglob("*") if p.is_file()):
            target = course_dir / src.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            if src.name == "course.yml":
                text = src.read_text(encoding="utf-8")
                text = text.replace("{course_id}", course_id).replace("{course_title}", title_for(course_id))
                target.write_text(text, encoding="utf-8")
            else:
                shutil.copyfile(src, target)
            written.append(target)
    except OSError as e:   # a read-only or full disk: say so, without a traceback
        reporter.error("new.write_failed", display_path(course_dir), reason=e.strerror or str(e))
        raise BuildError(reporter) from None
    return written


def run_new(course_dir: Path, lang: str) -> None:
    files = create_course(course_dir, lang)
    shown = display_path(course_dir)
    click.echo(t("new.created", path=shown, count=len(files)))
    click.echo(t("new.next", path=shown))
