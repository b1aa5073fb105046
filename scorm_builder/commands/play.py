"""`scorm-builder play`: play a package as one learner and say what the LMS recorded.

Exit 0 when the run is clean; 1 when the LMS saw an error code or a SCORM 1.2 violation, the browser
console showed an error, an external request was attempted, a page crashed or ran past its time
limit, or the outcome contradicts the learner; 2 when the input cannot be played at all (unsafe or
broken zip, unknown learner, a learner for our player on a third-party package, bad fault spec);
3 when this machine cannot play anything (no Chromium, Chromium would not start, no scorm-again).
"""
from __future__ import annotations

from pathlib import Path

import click

from scorm_builder.errors import ERROR, Diagnostic
from scorm_builder.i18n import t


EXIT_CANNOT_PLAY = 3


def run_play(package: Path, learner: str, launch: str, lms: str, report_dir: Path | None,
             faults: list[str], limits=None, browser=None) -> int:
    """Play and print the summary and findings; the exit code. `browser` is an open Playwright
    Browser to reuse (tests pass one); without it Chromium is found and started here."""
    from scorm_builder.runtime.browser import ChromiumFailed, ChromiumMissing
    from scorm_builder.runtime.faults import BadFault, parse_faults
    from scorm_builder.runtime.learners import NotOurPackage, UnknownLearner
    from scorm_builder.runtime.playback import play
    from scorm_builder.runtime.scorm_again import ScormAgainMissing
    from scorm_builder.runtime.scos import UnusablePackage

    path = str(package)
    try:
        parsed = parse_faults(faults)
    except BadFault as e:
        raise click.BadParameter(t("play.bad_fault", spec=str(e)), param_hint="--fault") from None
    try:
        run = play(package, learner, launch=launch, lms=lms, report_dir=report_dir, faults=parsed, limits=limits,
                   browser=browser)
    except UnknownLearner as e:
        raise click.BadParameter(t("play.unknown_learner", name=e.args[0]), param_hint="--learner") from None
    except (UnusablePackage, NotOurPackage) as e:
        click.echo(Diagnostic(ERROR, e.code, path, params=e.params).format(), err=True)
        return 2
    except (ChromiumMissing, ChromiumFailed) as e:
        click.echo(Diagnostic(ERROR, e.code, path, params=e.params).format(), err=True)
        return EXIT_CANNOT_PLAY
    except ScormAgainMissing as e:
        click.echo(Diagnostic(ERROR, "play.setup_missing", path, params={"detail": str(e)}).format(), err=True)
        return EXIT_CANNOT_PLAY
    from scorm_builder.runtime.findings import problems, summary

    for line in summary(run):
        click.echo(line)
    if report_dir:
        from scorm_builder.runtime.a11y import summary_line
        click.echo(summary_line(run))
        click.echo(t("play.report_written", path=report_dir / "report.html"))
    for line in problems(run, path):
        click.echo(line, err=True)
    return 0 if run.ok else 1
