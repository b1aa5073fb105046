"""Diagnostics for authors: `path:line:col: error: one sentence` plus a `hint:` line.

Problems are collected, not raised one by one, so a run reports all of them (sorted by path and
line) and ends with a count. The message and hint texts live in the language catalogues under
`<code>` and `<code>.hint`; the severity words stay English so editors can jump to them.
"""
from __future__ import annotations

import errno
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

import click

from scorm_builder.i18n import has, t

ERROR = "error"
WARNING = "warning"

# control characters, line and paragraph separators, and the bidi marks, embeddings, overrides
# and isolates: in a name they could start a forged line or make text read backwards
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match) -> str:
    return "\\u%04x" % ord(m.group())


def printable(text: str) -> str:
    """`text` (a file name, a title from someone's package) with those characters written as \\uXXXX."""
    return _UNPRINTABLE.sub(_escape, text)


def json_text(data) -> str:
    """Indented JSON for people and pipelines; those characters as JSON's own escapes, so the data is exact."""
    text = json.dumps(data, ensure_ascii=False, indent=2)  # escapes U+0000-U+001F inside strings itself
    return _UNPRINTABLE.sub(lambda m: m.group() if m.group() < "\x7f" else _escape(m), text)


@dataclass(frozen=True)
class Diagnostic:
    severity: str
    code: str
    path: str = ""
    line: int | None = None
    col: int | None = None
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str | None = None) -> str:
        return t(self.code, lang, **_printable_params(self.params))

    def hint(self, lang: str | None = None) -> str | None:
        key = self.code + ".hint"
        return t(key, lang, **_printable_params(self.params)) if has(key) else None

    def location(self) -> str:
        parts = [printable(self.path)] if self.path else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def format(self, lang: str | None = None) -> str:
        where = self.location()
        head = f"{where}: {self.severity}: " if where else f"{self.severity}: "
        return with_hint(head + self.message(lang), self.hint(lang))

    def sort_key(self):
        return (self.path, self.line or 0, self.col or 0, self.code)


def _printable_params(params: dict) -> dict:
    return {k: printable(v) if isinstance(v, str) else v for k, v in params.items()}


class Reporter:
    """Collects diagnostics for one run; errors fail it, warnings only with --strict."""

    def __init__(self, strict: bool = False):
        self.strict = strict
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[tuple] = set()

    def error(self, code: str, path: str = "", line: int | None = None, col: int | None = None, /, **params) -> None:
        self._add(Diagnostic(ERROR, code, path, line, col, params))

    def warning(self, code: str, path: str = "", line: int | None = None, col: int | None = None, /, **params) -> None:
        self._add(Diagnostic(WARNING, code, path, line, col, params))

    def _add(self, d: Diagnostic) -> None:
        key = (d.severity, d.code, d.path, d.line, d.col, tuple(sorted((k, repr(v)) for k, v in d.params.items())))
        if key not in self._seen:  # the same problem found twice (say, in two audience variants) is shown once
            self._seen.add(key)
            self.diagnostics.append(d)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == WARNING]

    @property
    def failed(self) -> bool:
        return bool(self.errors) or (self.strict and bool(self.warnings))

    def render(self, lang: str | None = None) -> str:
        lines = [d.format(lang) for d in sorted(self.diagnostics, key=Diagnostic.sort_key)]
        if self.diagnostics:
            lines.append(t("summary.count", lang, errors=plural("summary.error", len(self.errors), lang),
                           warnings=plural("summary.warning", len(self.warnings), lang)))
        return "\n".join(lines)

    def raise_if_failed(self) -> None:
        if self.failed:
            raise BuildError(self)


class CatalogueError(Exception):
    """An error whose words are a catalogue message (`code`, `code.hint`), so it reaches the user
    in their language with a hint, never as a traceback."""

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = params
        super().__init__(f"{code} {params}")

    def message(self, lang: str | None = None) -> str:
        return t(self.code, lang, **self.params)

    def hint(self, lang: str | None = None) -> str | None:
        key = self.code + ".hint"
        return t(key, lang, **self.params) if has(key) else None

    def text(self, lang: str | None = None) -> str:
        """The message with its hint line, as every diagnostic shows it."""
        return with_hint(self.message(lang), self.hint(lang))


def with_hint(text: str, hint: str | None) -> str:
    """The one layout of a message and its hint: the hint on its own indented line."""
    return f"{text}\n  hint: {hint}" if hint else text


def plural(key: str, n: int, lang: str | None = None) -> str:
    return t(f"{key}_one" if n == 1 else f"{key}_other", lang, n=n)


class BuildError(click.ClickException):
    """The sources (or a package) have problems the user must fix: exit code 1, no traceback."""

    exit_code = 1

    def __init__(self, reporter: Reporter):
        self.reporter = reporter
        super().__init__(reporter.render())

    def show(self, file=None) -> None:
        click.echo(self.reporter.render(), err=True)


# What the operating system refused, in the author's words; anything else is reported with its own text.
OS_CODES = {errno.ENOSPC: "os.no_space", errno.EDQUOT: "os.no_space", errno.EFBIG: "os.too_large",
            errno.EROFS: "os.read_only", errno.EACCES: "os.no_permission", errno.EPERM: "os.no_permission",
            errno.ENOTDIR: "os.not_a_folder"}


def report_os_error(reporter: Reporter, error: OSError, where: object = None) -> BuildError:
    """A full disk, a read-only or forbidden folder: one line naming the path and the cause, never a
    traceback. `where` names the folder being written when the error carries no file name."""
    path = error.filename if error.filename is not None else where
    reporter.error(OS_CODES.get(error.errno, "os.error"), str(path) if path is not None else "", None,
                   reason=error.strerror or str(error))
    return BuildError(reporter)


@contextmanager
def os_errors_reported(reporter: Reporter, where: object = None):
    """Turns an OSError inside the block into a BuildError (exit 1) on the run's own reporter."""
    try:
        yield
    except OSError as e:
        raise report_os_error(reporter, e, where) from None
