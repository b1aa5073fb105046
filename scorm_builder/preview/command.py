"""`scorm-builder preview`: serve, rebuild on save, report each build in the terminal, stop on Ctrl-C."""
from __future__ import annotations

import errno
import threading
import time
import webbrowser
from pathlib import Path

import click

from scorm_builder.build import select_audiences
from scorm_builder.errors import BuildError, Reporter
from scorm_builder.i18n import t
from scorm_builder.model.loader import display_path, load_course
from scorm_builder.preview.rebuild import BuildState
from scorm_builder.preview.server import Preview


def pick_audience(course_dir: Path, wanted: str | None) -> str | None:
    """The audience to preview: the one asked for (usage error if unknown), else the first declared."""
    reporter = Reporter()
    if not (course_dir / "course.yml").is_file():
        reporter.error("course.no_config", display_path(course_dir))
        raise BuildError(reporter)
    course = load_course(course_dir, reporter)
    if course is None:      # course.yml has errors: the preview page shows them until they are fixed
        return wanted
    chosen = select_audiences(course, [wanted] if wanted else None)[0]
    return chosen.id if chosen else None


def report_build(state: BuildState, changed: list[str]) -> None:
    clock = time.strftime("%H:%M:%S")
    if changed:
        click.echo(t("preview.changed", time=clock, files=", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")))
    if state.report:
        click.echo(state.report, err=True)
    key = "preview.built" if state.ok else "preview.failed"
    click.echo(t(key, time=clock, build=state.number, seconds=state.seconds))


def run_preview(course_dir: Path, audience: str | None, port: int, open_browser: bool) -> None:
    audience = pick_audience(course_dir, audience)
    try:
        preview = Preview(course_dir, audience, port, on_build=report_build)
    except OSError as e:
        if e.errno != errno.EADDRINUSE:
            raise
        raise click.ClickException(t("preview.port_busy", port=port) + "\n  hint: " + t("preview.port_busy.hint")) from None
    preview.start()
    click.echo(t("preview.serving", url=preview.url, path=display_path(course_dir),
                 audience=audience or "-"))
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
