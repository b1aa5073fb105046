"""`scorm-builder build`: one summary line per package (path, size, short sha256)."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from pathlib import Path

import click

from scorm_builder.build import SelectionError, build_course, make_converter
from scorm_builder.errors import Reporter
from scorm_builder.i18n import t
from scorm_builder.sizes import human_size


@contextmanager
def usage_errors():
    """A variant selection the course cannot give is a usage error (exit 2), as click reports them."""
    try:
        yield
    except SelectionError as e:
        raise click.BadParameter(e.text(), param_hint=e.option) from None


def run_build(course_dir: Path, out_dir: Path, audiences: list[str], strict: bool,
              levels: list[str] | None = None, jobs: int | None = None, cache: bool = True) -> None:
    reporter = Reporter(strict=strict)

    def progress(n: int, total: int, name: str) -> None:
        if total > 1:
            click.echo(t("build.progress", n=n, total=total, name=name), err=True)

    with usage_errors():
        zips = build_course(course_dir, out_dir, audiences or None, reporter, progress, levels or None,
                            make_converter(cache, jobs))
    if reporter.diagnostics:
        click.echo(reporter.render(), err=True)
    for path in zips:
        with open(path, "rb") as f:   # read in pieces: a package can be larger than the build's memory
            digest = hashlib.file_digest(f, "sha256").hexdigest()
        click.echo(f"{path.as_posix()}  {human_size(path.stat().st_size)}  sha256:{digest[:12]}")
