"""The sample course as its learners get it: every variant builds and validates, each profession's
package is substantially its own, its final test asks about its own duties, and every source the
course cites is listed in Källor.

These measure the built packages, not the sources, so a block or question aimed at the wrong
audience shows up the way a learner would meet it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from lxml import html

from scorm_builder.build import build_course
from scorm_builder.cli import main
from scorm_builder.questions.scenario import shortest_path
from support import SAMPLE_COURSE, course_html, launch_data

# Block elements whose text is one unit of reading: a paragraph, a list item, a table cell ...
UNITS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "legend", "label", "summary", "figcaption"}
MIN_OWN_SHARE = 0.25
MIN_OWN_QUESTIONS = 5
# The hard moments each profession practises as a scenario: asking and taking a disclosure for those
# who meet care recipients, handling a staff member's report for managers.
SCENARIOS = {"scenario-fraga-om-vald": {"omsorg", "legitimerad", "bistand"},
             "scenario-nar-nagon-berattar": {"omsorg", "legitimerad", "bistand"},
             "scenario-chef-rapport": {"chefer"}}


def declared_variants(config: dict) -> list[tuple[str, str | None]]:
    """(audience, level) for each package course.yml asks for: `variants`, or every combination."""
    if config.get("variants"):
        return [tuple(part.strip() for part in v.split("/")) for v in config["variants"]]
    levels = [lv["id"] for lv in config.get("levels", [])] or [None]
    return [(a["id"], lv) for a in config["audiences"] for lv in levels]


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[tuple[str, str | None], Path]:
    """Every package the course declares, by (audience, level), found by its predictable name."""
    config = yaml.safe_load((SAMPLE_COURSE / "course.yml").read_text(encoding="utf-8"))
    zips = {z.name: z for z in build_course(SAMPLE_COURSE, tmp_path_factory.mktemp("dist"))}
    named = {(a, lv): "-".join(p for p in (config["id"], config["version"], a, lv) if p) + ".zip"
             for a, lv in declared_variants(config)}
    assert sorted(zips) == sorted(named.values())
    return {variant: zips[name] for variant, name in named.items()}


def page_units(package: Path) -> list[str]:
    """The text of the course's pages as a learner can reach it (feedback included), one string per
    paragraph, list item, table cell, heading or question name; the player's own chrome is left out."""
    doc = html.fromstring(course_html(package))
    units = []
    for page in doc.xpath("//section[contains(concat(' ', @class, ' '), ' sb-page ')]"):
        for el in page.iter(*UNITS):
            if any(d.tag in UNITS for d in el.iterdescendants()):
                continue   # a list item holding paragraphs: the paragraphs are the units
            text = " ".join(el.text_content().split())
            if text:
                units.append(text)
    return units



def words(units) -> int:
    return sum(len(u.split()) for u in units)


def own_shares(units_by_variant: dict[str, list[str]]) -> dict[str, float]:
    """For each variant, the share of its words that not every variant sees."""
    common = None
    for units in units_by_variant.values():
        common = Counter(units) if common is None else common & Counter(units)
    return {v: 1 - words(common.elements()) / words(units) for v, units in units_by_variant.items()}


def test_own_share_counts_what_not_every_variant_sees():
    shares = own_shares({"a": ["delad text här", "bara för a", "bara för a"],
                         "b": ["delad text här", "för b"],
                         "c": ["delad text här", "bara för a"]})
    # a: 6 of 9 words are not seen by every variant (b lacks "bara för a"); a repeat counts each time
    assert shares == {"a": pytest.approx(6 / 9), "b": pytest.approx(2 / 5), "c": pytest.approx(3 / 6)}


def test_every_variant_builds_and_validates(packages):
    config = yaml.safe_load((SAMPLE_COURSE / "course.yml").read_text(encoding="utf-8"))
    assert {a for a, _ in packages} == {a["id"] for a in config["audiences"]}   # every audience has a package
    result = CliRunner().invoke(main, ["validate", "--format", "json", *map(str, packages.values())])
    reports = json.loads(result.output)
    assert result.exit_code == 0
    assert [(r["errors"], r["warnings"]) for r in reports] == [([], [])] * len(packages)


def test_each_variant_sees_at_least_a_quarter_of_its_text_as_its_own(packages):
    shares = own_shares({v: page_units(p) for v, p in packages.items()})
    assert min(shares.values()) >= MIN_OWN_SHARE, {v: round(s, 3) for v, s in shares.items()}


def test_each_audience_has_a_lesson_of_its_own(packages):
    lessons = {v: {p["lesson"] for p in launch_data(p)["pages"]} for v, p in packages.items()}
    for (audience, level), own in lessons.items():
        others = set().union(*(ls for (a, _), ls in lessons.items() if a != audience))
        assert own - others, f"{audience} has no lesson that no other audience gets"


def test_each_final_test_draws_from_questions_only_that_audience_answers(packages):
    pools = {v: set(launch_data(p)["test"]["pool"]) for v, p in packages.items()}
    for variant, pool in pools.items():
        others = set().union(*(q for (a, _), q in pools.items() if a != variant[0]))
        assert len(pool - others) >= MIN_OWN_QUESTIONS, variant
        test = launch_data(packages[variant])["test"]
        # the draw is half the bank or less, so three attempts do not show every question
        assert 2 * test["draw"] <= len(pool) and test["attempts"] == 3
        # and every attempt holds at least that many of them, not just on average
        assert test["drawOwn"] >= MIN_OWN_QUESTIONS and set(test["own"]) <= pool - others, variant
        assert len(test["own"]) >= test["drawOwn"]


def test_the_right_option_is_not_given_away_by_being_the_longest(packages):
    """A learner who always picks the longest option should do no better than chance (1 in 3)."""
    for variant, package in packages.items():
        data = launch_data(package)
        single = [data["questions"][q] for q in data["test"]["pool"] if data["questions"][q]["type"] == "single"]
        longest_right = [q["id"] for q in single
                         if max(q["options"], key=lambda o: len(o["text"]))["correct"]
                         and sum(len(o["text"]) == max(len(p["text"]) for p in q["options"]) for o in q["options"]) == 1]
        assert len(longest_right) <= len(single) / 3, (variant, longest_right)


def test_every_source_cited_in_the_course_is_listed_in_kallor():
    lessons = SAMPLE_COURSE / "lessons"
    kallor = (lessons / "18-kallor.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^- \*\*(K\d+[a-z]?)\*\* \[.+\]\(https?://\S+\)", kallor, re.M))
    cited = set()
    for lesson in lessons.glob("*.md"):
        text = lesson.read_text(encoding="utf-8")
        if lesson.name == "18-kallor.md":
            text = text.split("\n# ", 2)[1]   # the table of sources per lesson, not the list itself
        cited |= set(re.findall(r"\bK\d+[a-z]?\b", text))
    assert cited, "the course cites no sources"
    assert cited - listed == set()


def test_the_course_does_not_talk_about_how_it_was_written():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (SAMPLE_COURSE / "lessons").glob("*.md"))
    for note in ("vi har härlett", "vår slutsats", "skriver vi", "ingen officiell lista", "din anhörig ",
                 "Källa: K", "förövare", "gärningsperson", "Nationella kompetensteamet", "samma dag"):
        assert note not in text, note


def test_each_profession_practises_its_hard_moments_as_scenarios_in_the_lessons(packages):
    for (audience, level), package in packages.items():
        data = launch_data(package)
        scenarios = {q for q, d in data["questions"].items() if d["type"] == "scenario"}
        assert scenarios == {s for s, who in SCENARIOS.items() if audience in who}, (audience, level)
        assert not scenarios & set(data["test"]["pool"])
        for s in scenarios:
            steps = data["questions"][s]["steps"]
            # a learner can get it right, and can also take a wrong turn that the debrief explains
            assert shortest_path(steps, lambda step: step.get("end") == "good")
            assert shortest_path(steps, lambda step: step.get("end") == "bad")
