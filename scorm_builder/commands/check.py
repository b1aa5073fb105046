"""`scorm-builder check`: every audience variant read, converted and rendered, nothing published.

The variants are rendered into a temporary folder that is deleted afterwards, so theme override
mistakes are found too, while `dist/` and the course folder stay untouched.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import click

from scorm_builder.build import build_course
from scorm_builder.errors import Reporter, plural
from scorm_builder.i18n import t


def check_course(course_dir: Path, reporter: Reporter) -> int:
    """Check course_dir; returns how many variants were checked, raises BuildError on failure."""
    with tempfile.TemporaryDirectory(prefix="scorm-builder-check-") as tmp:
        return len(build_course(course_dir, Path(tmp), None, reporter))


def run_check(course_dir: Path, strict: bool) -> None:
    reporter = Reporter(strict=strict)
    count = check_course(course_dir, reporter)
    if reporter.diagnostics:
        click.echo(reporter.render(), err=True)
    click.echo(t("check.ok", variants=plural("check.variant", count)))
