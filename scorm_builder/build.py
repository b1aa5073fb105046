"""Build a course: read everything, render every variant, zip, and only then touch the output.

Collect, then write (as `mkdocs build` does): each package is rendered and zipped in a temporary
folder; only when all succeeded are the zips moved into the output folder, each by an atomic
rename, so a failed build leaves the output folder exactly as it was.
"""
from __future__ import annotations

import difflib
import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import jinja2

from scorm_builder.errors import BuildError, CatalogueError, Reporter, os_errors_reported
from scorm_builder.model.course import Audience, Course, Level, variant_label
from scorm_builder.package.deflated import DeflatedFiles
from scorm_builder.package.zipper import PackageFiles, write_zip
from scorm_builder.render.launch_check import check_launch_pages
from scorm_builder.render.manifest import build_manifest
from scorm_builder.render.pages import render_variant
from scorm_builder.render.theme import template_problem
from scorm_builder.render.variant import Variant, convert_variant, lesson_contexts
from scorm_builder.scorm12.schemas import schema_paths
from scorm_builder.source.files import display_path
from scorm_builder.source.loader import load_course
from scorm_builder.source.conversion_cache import ConversionCache
from scorm_builder.source.converter import Converter


class SelectionError(CatalogueError):
    """`--audience` or `--level` asks for what the course does not have: the command's usage error."""

    def __init__(self, option: str, code: str, **params: object):
        super().__init__(code, **params)
        self.option = option


def select_variants(course: Course, audiences: list[str] | None = None,
                    levels: list[str] | None = None) -> list[tuple[Audience | None, Level | None]]:
    """The course's variants (in course.yml order) whose audience and level were asked for;
    every variant when nothing was asked. Raises SelectionError for an id the course lacks."""
    wanted = {}
    for option, dimension, asked, declared in (("--audience", "audience", audiences, course.audiences),
                                               ("--level", "level", levels, course.levels)):
        by_id = {d.id: d for d in declared}
        for value in asked or ():
            if not declared:
                raise SelectionError(option, f"select.no_{dimension}s", path=course.config_path)
            if value not in by_id:
                guess = difflib.get_close_matches(value, list(by_id), n=1)
                if guess:
                    raise SelectionError(option, f"{dimension}.unknown_guess", **{dimension: value}, guess=guess[0])
                raise SelectionError(option, f"{dimension}.unknown", **{dimension: value}, known=", ".join(by_id))
        wanted[dimension] = (by_id, set(asked or ()))
    (audience_by_id, audiences_asked), (level_by_id, levels_asked) = wanted["audience"], wanted["level"]
    chosen = [(audience_by_id.get(a), level_by_id.get(lv)) for a, lv in course.variants
              if (not audiences_asked or a in audiences_asked) and (not levels_asked or lv in levels_asked)]
    if not chosen:
        raise SelectionError("--audience, --level", "select.no_variant",
                             built=", ".join(variant_label(*v) for v in course.variants))
    return chosen


def build_course(course_dir: Path, out_dir: Path, audiences: list[str] | None = None,
                 reporter: Reporter | None = None, progress=None, levels: list[str] | None = None,
                 converter: Converter | None = None) -> list[Path]:
    """Build one zip per selected variant into out_dir; raises BuildError on any source problem,
    SelectionError when `audiences` or `levels` name what the course does not declare.
    `converter` decides the reuse of conversions (make_converter); by default the cache and every core."""
    reporter = reporter or Reporter()
    converter = converter or make_converter()
    variants = _converted(Path(course_dir), audiences, levels, reporter, converter)
    out_dir = Path(out_dir)
    with os_errors_reported(reporter, tempfile.gettempdir()), \
            tempfile.TemporaryDirectory(prefix="scorm-builder-") as tmp:
        zips, deflated = [], {}
        for n, variant in enumerate(variants, start=1):
            if progress:
                progress(n, len(variants), variant.name)
            zips.append(_package(variant, Path(tmp), reporter, DeflatedFiles(
                converter.cache, f"{variant.course.root.resolve()}/{variant.name}", deflated)))
        reporter.raise_if_failed()
        with os_errors_reported(reporter, out_dir):
            return publish(zips, out_dir)


def build_files(course_dir: Path, audiences: list[str] | None, reporter: Reporter, levels: list[str] | None,
                converter: Converter) -> PackageFiles:
    """The first selected variant's package as its files, not zipped: what preview serves from
    memory (zipping, or writing a thousand page files, would only add to every wait after a save).
    Raises as build_course does."""
    variant = _converted(Path(course_dir), audiences, levels, reporter, converter)[0]
    files = package_files(variant, reporter)
    reporter.raise_if_failed()
    return files


def _converted(course_dir: Path, audiences: list[str] | None, levels: list[str] | None, reporter: Reporter,
               converter: Converter) -> list[Variant]:
    course = load_course(course_dir, reporter)
    if course is None:
        raise BuildError(reporter)
    variants = convert_variants(course, select_variants(course, audiences, levels), reporter, converter)
    reporter.raise_if_failed()
    return variants


def convert_variants(course: Course, selected: list[tuple[Audience | None, Level | None]], reporter: Reporter,
                     converter: Converter | None = None) -> list[Variant]:
    """The selected variants, their lessons converted: every conversion of every variant asked for
    at once, so the converter can take them from its cache or spread them over its processes."""
    converter = converter or make_converter()
    contexts = [lesson_contexts(course, audience, level, reporter) for audience, level in selected]
    converter.prepare([(lesson.body, ctx) for variant in contexts for lesson, ctx in variant])
    variants = [convert_variant(course, audience, level, reporter, converter, variant_contexts)
                for (audience, level), variant_contexts in zip(selected, contexts)]
    if converter.cache is not None:
        converter.cache.prune()
    return variants


def make_converter(cache: bool = True, jobs: int | None = None, earlier: dict | None = None) -> Converter:
    """The build's converter: with the persistent cache unless `cache` is false (--no-cache), and
    `jobs` processes (--jobs; default: one per core); `earlier`: Converter's."""
    return Converter(ConversionCache() if cache else None, jobs, earlier)


def _package(variant: Variant, tmp: Path, reporter: Reporter, deflated: DeflatedFiles) -> Path:
    """The variant's zip in tmp, its files deflated once in a build, or by the last build."""
    files = package_files(variant, reporter)
    zip_path = tmp / f"{variant.name}.zip"
    write_zip(files, zip_path, deflated)
    return zip_path


def package_files(variant: Variant, reporter: Reporter) -> PackageFiles:
    """Every file of the variant's package, the manifest and its schemas included (package/zipper.py)."""
    with template_errors(reporter, variant.course.theme):
        scos, files = render_variant(variant)
    _check_launch_pages(variant, files, reporter)
    files["imsmanifest.xml"] = build_manifest(variant, scos, sorted(files))
    files.update(schema_paths())
    return files


def _check_launch_pages(variant: Variant, files: PackageFiles, reporter: Reporter) -> None:
    """Script on a launch page that the player did not bring came from the theme: the course's
    theme_overrides/ when it has one (render/launch_check.py)."""
    overrides = variant.course.root / "theme_overrides"
    where = display_path(overrides) if overrides.is_dir() else variant.course.theme
    for code, name, line, params in check_launch_pages(files):
        if (overrides / name).is_file() and not name.endswith(".html"):   # copied as it is: same lines
            reporter.error(code, display_path(overrides / name), line, page=name, page_line=line, **params)
        else:
            reporter.error(code, where, None, page=name, page_line=line, **params)


@contextmanager
def template_errors(reporter: Reporter, theme_name: str):
    """A mistake in a theme template (usually a course's override) ends the run as path:line and
    what went wrong, never as a traceback."""
    try:
        yield
    except jinja2.TemplateSyntaxError as e:
        reporter.error("theme.template_syntax", display_path(Path(e.filename or e.name or "?")), e.lineno,
                       problem=e.message)
        raise BuildError(reporter) from None
    except jinja2.TemplateError as e:
        path, line = _template_frame(e)
        reporter.error("theme.template_error", path or theme_name, line, problem=template_problem(e))
        raise BuildError(reporter) from None


def _template_frame(error: Exception) -> tuple[str | None, int | None]:
    """Jinja rewrites tracebacks so template frames carry the template's file and line: the last
    such frame is where the template went wrong."""
    found = (None, None)
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (display_path(Path(filename)), tb.tb_lineno)
        tb = tb.tb_next
    return found


def publish(zips: list[Path], out_dir: Path) -> list[Path]:
    """Moves each file into out_dir under a temporary name, then renames them all into place:
    the folder never holds half a file (used by build and handout). The files are consumed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    temps = []
    try:
        for z in zips:
            fd, temp = tempfile.mkstemp(prefix=f".{z.name}.", suffix=".tmp", dir=out_dir)
            os.close(fd)
            temps.append(Path(temp))
            _move(z, Path(temp))
            os.chmod(temp, 0o644)
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    published = []
    for z, temp in zip(zips, temps):
        os.replace(temp, out_dir / z.name)
        published.append(out_dir / z.name)
    return published



def _move(src: Path, dest: Path) -> None:
    """A rename when both are on one file system (the temporary folder usually is): a large
    package is not written twice; a copy otherwise."""
    try:
        os.replace(src, dest)
    except OSError as e:
        if e.errno != errno.EXDEV:
            raise
        shutil.copyfile(src, dest)
