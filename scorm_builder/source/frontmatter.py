"""Front matter: the YAML between `---` lines at the top of a lesson, and the body's line offset."""
from __future__ import annotations


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, number of file lines above the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 1
    raise Unclosed()


class Unclosed(Exception):
    """The opening `---` has no closing `---`."""
