"""`scorm-builder handout`: a print-ready HTML file and its PDF per selected variant, for the
classroom session beside the web course.

Collect, then write, as build does: every handout is rendered and printed in a temporary folder,
and only when all succeeded are the files moved into the output folder.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import click

from scorm_builder.build import convert_variants, publish, select_variants, template_errors
from scorm_builder.commands.build import usage_errors
from scorm_builder.errors import ERROR, BuildError, Diagnostic, Reporter, os_errors_reported
from scorm_builder.render.handout import handout_name, render_handout
from scorm_builder.sizes import human_size
from scorm_builder.source.loader import load_course


def make_handouts(course_dir: Path, out_dir: Path, audiences: list[str] | None, levels: list[str] | None,
                  trainer: bool, reporter: Reporter, print_pdfs=None) -> list[Path]:
    """Writes <variant>-handout[-trainer].html and .pdf per selected variant into out_dir; returns
    the files. `print_pdfs` is runtime.pdf.print_pdfs (passed in, so the core needs no browser
    import; None writes the HTML only); raises BuildError, SelectionError, or what print_pdfs raises."""
    course = load_course(Path(course_dir), reporter)
    if course is None:
        raise BuildError(reporter)
    variants = convert_variants(course, select_variants(course, audiences, levels), reporter)
    reporter.raise_if_failed()
    with os_errors_reported(reporter, tempfile.gettempdir()), \
            tempfile.TemporaryDirectory(prefix="scorm-builder-handout-") as tmp:
        jobs = []
        for variant in variants:
            html = Path(tmp) / f"{handout_name(variant, trainer)}.html"
            with template_errors(reporter, course.theme):
                text = render_handout(variant, trainer)
            html.write_text(text, encoding="utf-8")
            jobs.append((html, html.with_suffix(".pdf")))
        files = [html for html, _ in jobs]
        if print_pdfs:
            print_pdfs(jobs)
            files += [pdf for _, pdf in jobs]
        with os_errors_reported(reporter, out_dir):
            return publish(files, Path(out_dir))


def run_handout(course_dir: Path, out_dir: Path, audiences: list[str], levels: list[str], trainer: bool) -> None:
    from scorm_builder.runtime.browser import ChromiumFailed, ChromiumMissing
    from scorm_builder.runtime.pdf import PrintFailed, print_pdfs

    reporter = Reporter()
    try:
        with usage_errors():
            files = make_handouts(course_dir, out_dir, audiences or None, levels or None, trainer, reporter, print_pdfs)
    except (ChromiumMissing, ChromiumFailed, PrintFailed) as e:
        click.echo(Diagnostic(ERROR, e.code, str(course_dir), params=e.params).format(), err=True)
        raise SystemExit(2) from None
    if reporter.diagnostics:
        click.echo(reporter.render(), err=True)
    for path in files:
        click.echo(f"{path.as_posix()}  {human_size(path.stat().st_size)}")
