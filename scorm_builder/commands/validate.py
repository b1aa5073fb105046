"""`scorm-builder validate`: one report per zip, as text or JSON; the worst exit code wins."""
from __future__ import annotations

from pathlib import Path

import click

from scorm_builder.errors import json_text
from scorm_builder.package.validate import validate_package


def run_validate(paths: list[Path], fmt: str = "text", strict: bool = False) -> int:
    """Report on every zip; return 0, 1 or 2 (2: a file is unusable), warnings fail with `strict`."""
    reports = [validate_package(p) for p in paths]
    if fmt == "json":
        click.echo(json_text([r.as_json() for r in reports]))
    else:
        click.echo("\n".join(r.render() for r in reports))
    return max(max(r.exit_code, 1 if strict and r.warnings else 0) for r in reports)
