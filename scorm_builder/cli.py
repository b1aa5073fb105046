"""The `scorm-builder` command line: each command parses options and calls one core function.

Core modules are imported inside the commands so `--help` stays fast.
"""
from __future__ import annotations

import errno

import click

from scorm_builder import __version__
from scorm_builder.cli_language import LANGUAGES, LocalizedGroup


class Commands(LocalizedGroup):
    """The command group: in the interface language (LocalizedGroup), and every command's OSError
    (a full disk, a read-only folder) ends as one line, never a traceback; build and check say
    which folder they were writing (errors.os_errors_reported)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as e:
            if e.errno == errno.EPIPE:   # output piped into `head`: click ends quietly
                raise
            from scorm_builder.errors import Reporter, report_os_error

            raise report_os_error(Reporter(), e) from None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scorm-builder")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="")
def main(lang: str | None) -> None:
    """Build SCORM 1.2 course packages from Markdown, and check and play them."""
    # LocalizedGroup.main has already chosen the language from --lang, before or after the command.


@main.command()
@click.argument("course_dir", default=".", type=click.Path(file_okay=False, path_type=str))
@click.option("--audience", "audiences", multiple=True, metavar="ID",
              help="Build only this audience's packages (repeatable). Default: every audience.")
@click.option("--level", "levels", multiple=True, metavar="ID",
              help="Build only this level's packages (repeatable). Default: every level.")
@click.option("--out", "out_dir", default="dist", show_default=True, type=click.Path(file_okay=False),
              help="Where the zips go.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Convert lessons in N processes (default: one per core; small courses use one).")
@click.option("--no-cache", is_flag=True, help="Convert every lesson anew, and keep nothing for the next build.")
def build(course_dir: str, audiences: tuple[str, ...], levels: tuple[str, ...], out_dir: str, strict: bool,
          jobs: int | None, no_cache: bool) -> None:
    """Build COURSE_DIR into one SCORM 1.2 zip per audience and level."""
    from pathlib import Path

    from scorm_builder.commands.build import run_build

    run_build(Path(course_dir), Path(out_dir), list(audiences), strict, list(levels), jobs=jobs, cache=not no_cache)


@main.command()
@click.argument("packages", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json (one object per package) for pipelines.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
def validate(ctx: click.Context, packages: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check SCORM 1.2 zips before upload. Exit 0 valid, 1 invalid, 2 unreadable or unsafe."""
    from pathlib import Path

    from scorm_builder.commands.validate import run_validate

    ctx.exit(run_validate([Path(p) for p in packages], fmt, strict))


@main.command()
@click.argument("package", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for pipelines.")
@click.pass_context
def inspect(ctx: click.Context, package: str, fmt: str) -> None:
    """Show a SCORM 1.2 zip's title, structure, SCOs, metadata and files."""
    from pathlib import Path

    from scorm_builder.commands.inspect import run_inspect

    ctx.exit(run_inspect(Path(package), fmt))


@main.command()
@click.argument("package", type=click.Path(dir_okay=False, path_type=str))
@click.option("--learner", default="auto", show_default=True,
              help="reads-everything, passes, fails, leaves-midway-then-resumes, keyboard-only, launch-and-exit; "
                   "auto picks reads-everything for our packages, launch-and-exit for others.")
@click.option("--launch", type=click.Choice(["iframe", "frames", "popup", "standalone"]), default="iframe",
              show_default=True, help="How the LMS opens the SCO (standalone: no LMS, no API).")
@click.option("--lms", type=click.Choice(["strict", "moodle"]), default="strict", show_default=True,
              help="Which LMS's rules apply at finish and at the next launch.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), default=None,
              help="Write junit.xml, transcript.json and one PNG per page here.")
@click.option("--fault", "faults", multiple=True, metavar="SPEC",
              help="Make the LMS misbehave (repeatable): initialize-false, setvalue-false[:N], setvalue-throw[:N], "
                   "commit-false[:N], commit-throw[:N], delay:MS.")
@click.option("--timeout", "run_seconds", type=click.FloatRange(min=1), default=600, show_default=True,
              metavar="SECONDS", help="Stop the whole run after this long (a finding, exit 1).")
@click.option("--launch-timeout", "launch_seconds", type=click.FloatRange(min=1), default=180, show_default=True,
              metavar="SECONDS", help="Stop one launch of a SCO after this long (a finding, exit 1).")
@click.option("--max-calls", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="API calls recorded per launch; more is a finding (exit 1) and is not recorded.")
@click.option("--max-memory", "heap_mb", type=click.IntRange(min=16), default=512, show_default=True, metavar="MB",
              help="JavaScript memory per page; a page that needs more crashes (a finding, exit 1).")
@click.pass_context
def play(ctx: click.Context, package: str, learner: str, launch: str, lms: str, report_dir: str | None,
         faults: tuple[str, ...], run_seconds: float, launch_seconds: float, max_calls: int, heap_mb: int) -> None:
    """Play a SCORM 1.2 zip headlessly as a scripted learner and report what the LMS recorded."""
    from pathlib import Path

    from scorm_builder.extras import require

    require("play")
    from scorm_builder.commands.play import run_play
    from scorm_builder.runtime.limits import Limits

    limits = Limits(run_seconds=run_seconds, launch_seconds=launch_seconds, calls=max_calls, heap_mb=heap_mb)
    ctx.exit(run_play(Path(package), learner, launch, lms, Path(report_dir) if report_dir else None, list(faults),
                      limits))


@main.command()
@click.argument("course_dir", type=click.Path(path_type=str))
@click.option("--lang", "course_lang", type=click.Choice(["sv", "en"]), default=None,
              help="Language of the skeleton and of the learner's interface (default: the interface language).")
def new(course_dir: str, course_lang: str | None) -> None:
    """Create a course skeleton in COURSE_DIR (a new or empty folder) that builds right away."""
    from pathlib import Path

    from scorm_builder.commands.new import run_new
    from scorm_builder.i18n import current_lang

    run_new(Path(course_dir), course_lang or current_lang())


@main.command()
@click.argument("course_dir", default=".", type=click.Path(file_okay=False, path_type=str))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(course_dir: str, strict: bool) -> None:
    """Check COURSE_DIR's sources for every variant without writing a package. Exit 0 ok, 1 problems."""
    from pathlib import Path

    from scorm_builder.commands.check import run_check

    run_check(Path(course_dir), strict)


@main.command()
@click.argument("course_dir", default=".", type=click.Path(file_okay=False, path_type=str))
@click.option("--audience", default=None, metavar="ID", help="Preview this audience's variant (default: the first).")
@click.option("--level", default=None, metavar="ID", help="Preview this level's variant (default: the first).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--no-open", is_flag=True, help="Do not open a browser.")
def preview(course_dir: str, audience: str | None, level: str | None, port: int, no_open: bool) -> None:
    """Show COURSE_DIR in a local LMS page with a SCORM panel; rebuild and reload on every save."""
    from pathlib import Path

    from scorm_builder.extras import require

    require("preview")
    from scorm_builder.commands.preview import run_preview

    run_preview(Path(course_dir), audience, port, not no_open, level)


@main.command()
@click.argument("course_dir", default=".", type=click.Path(file_okay=False, path_type=str))
@click.option("--audience", "audiences", multiple=True, metavar="ID",
              help="Only this audience's handout (repeatable). Default: every audience.")
@click.option("--level", "levels", multiple=True, metavar="ID",
              help="Only this level's handout (repeatable). Default: every level.")
@click.option("--trainer", is_flag=True, help="The trainer's copy: with the answer key and explanations.")
@click.option("--out", "out_dir", default="dist", show_default=True, type=click.Path(file_okay=False),
              help="Where the HTML and PDF files go.")
def handout(course_dir: str, audiences: tuple[str, ...], levels: tuple[str, ...], trainer: bool, out_dir: str) -> None:
    """Write a print-ready HTML file and PDF of COURSE_DIR per audience and level, for the classroom session."""
    from pathlib import Path

    from scorm_builder.extras import require

    require("play", "handout")
    from scorm_builder.commands.handout import run_handout

    run_handout(Path(course_dir), Path(out_dir), list(audiences), list(levels), trainer)
