"""The `scorm-builder` command line: each command parses options and calls one core function.

Core modules are imported inside the commands so `--help` stays fast.
"""
from __future__ import annotations

import os

import click

from scorm_builder import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scorm-builder")
@click.option("--lang", type=click.Choice(["sv", "en"]), default=None,
              help="Interface language (default sv, or SCORM_BUILDER_LANG).")
def main(lang: str | None) -> None:
    """Build SCORM 1.2 course packages from Markdown, and check and play them."""
    if lang:
        os.environ["SCORM_BUILDER_LANG"] = lang
