"""`scorm-builder preview`: serve, rebuild on save, report each build in the terminal, stop on Ctrl-C."""
from __future__ import annotations

import errno
import threading
import time
import webbrowser
from pathlib import Path

import click

from scorm_builder.build import select_variants
from scorm_builder.commands.build import usage_errors
from scorm_builder.errors import BuildError, CatalogueError, Reporter
from scorm_builder.i18n import t
from scorm_builder.model.course import variant_label
from scorm_builder.source.files import display_path
from scorm_builder.source.loader import load_course
from scorm_builder.preview.rebuild import BuildState
from scorm_builder.preview.server import Preview


def pick_variant(course_dir: Path, audience: str | None, level: str | None) -> tuple[str | None, str | None]:
    """The (audience, level) to preview: the first variant that has those asked for (usage error
    if the course has none), else the first variant in course.yml."""
    reporter = Reporter()
    if not (course_dir / "course.yml").is_file():
        reporter.error("course.no_config", display_path(course_dir))
        raise BuildError(reporter)
    course = load_course(course_dir, reporter)
    if course is None:      # course.yml has errors: the preview page shows them until they are fixed
        return audience, level
    with usage_errors():
        chosen_audience, chosen_level = select_variants(course, [audience] if audience else None,
                                                        [level] if level else None)[0]
    return (chosen_audience.id if chosen_audience else None), (chosen_level.id if chosen_level else None)


def report_build(state: BuildState, changed: list[str]) -> None:
    clock = time.strftime("%H:%M:%S")
    if changed:
        click.echo(t("preview.changed", time=clock, files=", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")))
    if state.report:
        click.echo(state.report, err=True)
    key = "preview.built" if state.ok else "preview.failed"
    click.echo(t(key, time=clock, build=state.number, seconds=state.seconds))


def run_preview(course_dir: Path, audience: str | None, port: int, open_browser: bool,
                level: str | None = None) -> None:
    audience, level = pick_variant(course_dir, audience, level)
    try:
        preview = Preview(course_dir, audience, port, on_build=report_build, level=level)
    except OSError as e:
        if e.errno != errno.EADDRINUSE:
            raise
        raise click.ClickException(CatalogueError("preview.port_busy", port=port).text()) from None
    preview.start()
    click.echo(t("preview.serving", url=preview.url, path=display_path(course_dir),
                 variant=variant_label(audience, level)))
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(preview.url,), daemon=True).start()
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    click.echo(t("preview.stopped"))
