"""Optional parts of the tool, installed as pip extras.

An author who only builds and checks courses should not download a browser stack, so the core
(build, check, validate, inspect, new) needs only lxml, Markdown, Jinja2, click and PyYAML.
`preview`, `play` and `handout` (which prints its PDF with play's browser) say which extra to install instead of failing with an ImportError.
"""
from __future__ import annotations

from importlib.util import find_spec

import click

from scorm_builder.i18n import t

# extra -> the top-level modules it brings (as setup.cfg's [options.extras_require] lists them)
EXTRAS = {
    "play": ("playwright", "axe_playwright_python"),
    "preview": ("watchfiles",),
}


def installed(extra: str) -> bool:
    return all(find_spec(module) is not None for module in EXTRAS[extra])


class ExtraMissing(click.ClickException):
    """A command needs an extra that is not installed: one line, exit 2 (it is not the input's fault)."""

    exit_code = 2

    def __init__(self, extra: str, command: str | None = None):
        self.extra = extra
        super().__init__(t("extra.missing", command=command or extra, extra=extra))

    def show(self, file=None) -> None:
        click.echo(f"error: {self.message}", err=True)


def require(extra: str, command: str | None = None) -> None:
    """Stop the command (by default the one named like the extra) when its extra is missing."""
    if not installed(extra):
        raise ExtraMissing(extra, command)
