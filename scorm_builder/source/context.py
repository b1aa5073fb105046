"""What the Markdown extensions know about the page they are converting (`md.sb`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scorm_builder.errors import Reporter
from scorm_builder.source.lines import LineLocator


@dataclass
class PageContext:
    path: str                      # the source file, relative to the course folder's parent, for diagnostics
    abs_path: Path                 # the source file on disk
    course_root: Path              # nothing outside it may be referenced
    reporter: Reporter
    locator: LineLocator
    audience_ids: set[str]         # every audience the course declares
    audience: str | None           # the variant being built (None: the course has no audiences)
    lesson_id: str
    title: str = ""                # the lesson title (the test page's heading)
    lang: str = "sv"
    graded: bool = False           # True in a `type: test` file
    split_pages: bool = True       # each `#` heading starts a page (not in tests)
    lesson_ids: dict[str, str] = field(default_factory=dict)   # lesson file stem -> lesson id
    questions: list = field(default_factory=list)              # Question records, in page order
    assets: dict[Path, str] = field(default_factory=dict)      # abs path on disk -> path in the package
    pages: list[tuple[str, str]] = field(default_factory=list) # (page id, title) in order
    audience_read: bool = field(default=False, init=False, repr=False, compare=False)

    def line_of_text(self, text: str) -> int | None:
        return self.locator.find(text)


def _get_audience(self: PageContext) -> str | None:
    self.audience_read = True
    return self._audience


def _set_audience(self: PageContext, value: str | None) -> None:
    self._audience = value


# Reading `audience` marks the conversion as audience-dependent, so markdown.Converter knows when one
# conversion can serve every variant (whatever extension reads it, now or later).
PageContext.audience = property(_get_audience, _set_audience)
