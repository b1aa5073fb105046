"""`::: platshållare` (English `::: placeholder`): what only the municipality knows, left for it to
fill in. It renders as a marked box, and check/build warn at its line, so --strict fails."""
from __future__ import annotations


from click.testing import CliRunner

from scorm_builder.build import build_course
from scorm_builder.cli import main
from support import course_html

LESSON = """\
---
title: Första lektionen
---
# Välkommen

Så här gör vi i kommunen:

::: platshållare Lokal rutin
Beskriv er rutin för att fråga om våld, och vem medarbetaren vänder sig till.
:::

::: placeholder
Telefonnummer till socialtjänstens mottagning.
:::
"""


def test_rendered_as_a_marked_box(make_course, tmp_path):
    zip_path = build_course(make_course({"lessons/01-forsta.md": LESSON}), tmp_path / "dist", ["omsorg"])[0]
    html = course_html(zip_path)
    assert ('<aside class="sb-callout sb-callout-warning sb-placeholder">\n<p class="sb-callout-title">'
            'Platshållare – fylls i av kommunen: Lokal rutin</p>\n<p>Beskriv er rutin') in html
    assert '<p class="sb-callout-title">Platshållare – fylls i av kommunen</p>\n<p>Telefonnummer' in html


def test_check_warns_at_each_placeholder_and_strict_fails(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    course = make_course({"lessons/01-forsta.md": LESSON})
    result = CliRunner().invoke(main, ["--lang", "en", "check", "kurs"])
    assert result.exit_code == 0, result.output
    assert ("kurs/lessons/01-forsta.md:8: warning: the placeholder is not filled in: Lokal rutin\n"
            "  hint: replace the ::: placeholder block with the real text") in result.output
    assert ("kurs/lessons/01-forsta.md:12: warning: the placeholder is not filled in: "
            "Telefonnummer till socialtjänstens mottagning.") in result.output
    assert "0 errors, 2 warnings" in result.output
    assert CliRunner().invoke(main, ["check", "--strict", str(course)]).exit_code == 1


def test_strict_build_packages_nothing(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_course({"lessons/01-forsta.md": LESSON})
    result = CliRunner().invoke(main, ["build", "--strict", "kurs", "--out", "dist"])
    assert result.exit_code == 1, result.output
    assert "platshållaren är inte ifylld: Lokal rutin" in result.output
    assert not (tmp_path / "dist").exists()
