"""The `scorm-builder` script's entry point.

Click turns a Ctrl-C into "Aborted!", but only once it runs; importing it and the CLI takes a
noticeable moment, and a Ctrl-C then would print a KeyboardInterrupt traceback. This module
imports nothing at the top, so the guard is in place before anything slow is loaded.
"""


def run() -> None:
    import sys

    try:
        from scorm_builder.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")   # click's own words for the same thing
        sys.exit(1)
    main()
