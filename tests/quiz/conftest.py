"""Quiz tests: `page` converts a small dedented lesson body into HTML + Question records +
diagnostics; `package` is the sample course built once for playback."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from scorm_builder.build import build_course
from scorm_builder.errors import Reporter
from scorm_builder.source.context import PageContext
from scorm_builder.source.lines import LineLocator
from scorm_builder.source.markdown import convert


@dataclass
class Result:
    html: str
    questions: list
    reporter: Reporter

    @property
    def question(self):
        assert len(self.questions) == 1, self.reporter.render("en")
        return self.questions[0]

    def diagnostics(self) -> list[str]:
        """Each diagnostic as `line: message | hint`, in English."""
        return [f"{d.line}: {d.message('en')} | {d.hint('en')}" for d in sorted(self.reporter.diagnostics,
                                                                              key=lambda d: d.sort_key())]


SAMPLE_COURSE = Path(__file__).resolve().parents[2] / "course_src" / "vald-i-nara-relation"


@pytest.fixture(scope="session")
def package(tmp_path_factory) -> Path:
    """The sample course's package for the omsorg audience, built once for the playback tests."""
    return build_course(SAMPLE_COURSE, tmp_path_factory.mktemp("dist"), audiences=["omsorg"])[0]


@pytest.fixture
def page():
    def convert_page(source: str, audiences=("chefer", "omsorg"), audience=None, graded=False, lang="sv",
                     reporter=None):
        body = "# Sida\n\n" + textwrap.dedent(source).strip("\n") + "\n"
        reporter = reporter or Reporter()
        ctx = PageContext(path="lessons/01.md", abs_path=Path("/nonexistent/lessons/01.md"),
                          course_root=Path("/nonexistent"), reporter=reporter, locator=LineLocator(body),
                          audience_ids=set(audiences), audience=audience, lesson_id="01", graded=graded, lang=lang)
        html = "".join(convert(body, ctx))
        return Result(html, ctx.questions, reporter)
    return convert_page
