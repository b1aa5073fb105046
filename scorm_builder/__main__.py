"""`python -m scorm_builder` runs the same CLI as the `scorm-builder` script."""
from scorm_builder.console import run

run()
